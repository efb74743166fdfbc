package dev.wrkr.store.jdbc;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.store.Durability;
import dev.wrkr.store.StoreException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The small JDBC helper under the aggregates: borrows a connection, runs a unit of work in a
 * transaction (retrying when the database says nothing was written and a retry may succeed),
 * binds parameters, maps rows, and turns {@link SQLException}s into {@link StoreException}s.
 */
public final class Jdbc {
  private static final int MAX_ATTEMPTS = 10;
  private static final long FIRST_BACKOFF_MILLIS = 2;
  private static final long MAX_BACKOFF_MILLIS = 250;

  private final Dialect dialect;
  private final Connections connections;
  private final String store;

  /**
   * @param store where the store lives, password redacted, for error messages
   */
  public Jdbc(Dialect dialect, Connections connections, String store) {
    this.dialect = Objects.requireNonNull(dialect, "dialect");
    this.connections = Objects.requireNonNull(connections, "connections");
    this.store = Objects.requireNonNull(store, "store");
  }

  /** A unit of work on a borrowed connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface RowMapper<T> {
    T map(ResultSet row) throws SQLException;
  }

  public Dialect dialect() {
    return dialect;
  }

  /**
   * Runs {@code work} in one write transaction and commits it. When the database reports a retry-
   * able failure the transaction is rolled back and run again (so {@code work} must not have side
   * effects outside the connection). A {@link StoreException} thrown by {@code work} rolls back and
   * is rethrown as is.
   *
   * @param operation what is being done, for error messages ("append to job x")
   */
  public <T> T inTransaction(String operation, Work<T> work) {
    return inTransaction(operation, Durability.MACHINE_CRASH, work);
  }

  /**
   * {@link #inTransaction(String, Work)} with a commit that must survive only {@code durability};
   * the connection is set back to {@link Durability#MACHINE_CRASH} before it is given back,
   * whatever happened ({@code SqliteStoreTest}).
   */
  public <T> T inTransaction(String operation, Durability durability, Work<T> work) {
    return withRetry(
        operation,
        connection -> {
          boolean relaxed = durability != Durability.MACHINE_CRASH;
          if (relaxed) {
            dialect.durability(connection, durability);
          }
          try {
            dialect.begin(connection);
            try {
              T result = work.run(connection);
              dialect.commit(connection);
              return result;
            } catch (SQLException | RuntimeException e) {
              dialect.rollback(connection);
              throw e;
            }
          } finally {
            if (relaxed) {
              dialect.durability(connection, Durability.MACHINE_CRASH);
            }
          }
        });
  }

  /** Runs {@code work} on a connection in auto-commit mode: for reads and single statements. */
  public <T> T withConnection(String operation, Work<T> work) {
    return withRetry(operation, work);
  }

  private <T> T withRetry(String operation, Work<T> work) {
    for (int attempt = 1; ; attempt++) {
      try {
        Connection connection = connections.borrow();
        try {
          return work.run(connection);
        } finally {
          connections.giveBack(connection);
        }
      } catch (SQLException e) {
        Dialect.SqlFailure failure = dialect.classify(e);
        if (failure == Dialect.SqlFailure.RETRY && attempt < MAX_ATTEMPTS) {
          pause(attempt);
          continue;
        }
        throw translate(operation, failure, e);
      }
    }
  }

  private static void pause(int attempt) {
    long backoff = Math.min(MAX_BACKOFF_MILLIS, FIRST_BACKOFF_MILLIS << Math.min(attempt, 20));
    try {
      Thread.sleep(backoff / 2 + (long) (Math.random() * backoff / 2));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private StoreException translate(String operation, Dialect.SqlFailure failure, SQLException e) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("store", store);
    details.put("operation", operation);
    if (e.getSQLState() != null) {
      details.put("sql_state", e.getSQLState());
    }
    details.put("error_code", e.getErrorCode());
    if (failure == Dialect.SqlFailure.CONSTRAINT) {
      return new StoreException(
          ReasonCode.E_STORE_CORRUPT,
          "the store "
              + store
              + " refused to "
              + operation
              + " as inconsistent with what it holds ("
              + e.getMessage()
              + "); its tables may have been edited by hand",
          details,
          e);
    }
    return StoreException.unavailable(
        "could not "
            + operation
            + " in the store "
            + store
            + ": "
            + e.getMessage()
            + "; check "
            + dialect.whatToCheck(),
        details,
        e);
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  public static int update(Connection connection, String sql, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      return statement.executeUpdate();
    }
  }

  /** Runs a query (or a statement with RETURNING) and maps every row, in order. */
  public static <T> List<T> query(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        List<T> result = new ArrayList<>();
        while (rows.next()) {
          result.add(mapper.map(rows));
        }
        return result;
      }
    }
  }

  /** Like {@link #query} for at most one row. */
  public static <T> Optional<T> queryOne(
      Connection connection, String sql, RowMapper<T> mapper, Object... params)
      throws SQLException {
    try (PreparedStatement statement = connection.prepareStatement(sql)) {
      bind(statement, params);
      try (ResultSet rows = statement.executeQuery()) {
        return rows.next() ? Optional.of(mapper.map(rows)) : Optional.empty();
      }
    }
  }

  /** A typed SQL NULL parameter ({@link java.sql.Types}): a plain {@code null} is refused. */
  public record SqlNull(int sqlType) {
    public static final SqlNull TEXT = new SqlNull(java.sql.Types.VARCHAR);
    public static final SqlNull BIGINT = new SqlNull(java.sql.Types.BIGINT);
  }

  /**
   * Binds {@code String}, {@code Long}, {@code Integer} and {@link SqlNull} parameters; a plain
   * {@code null} is not allowed.
   */
  public static void bind(PreparedStatement statement, Object... params) throws SQLException {
    // An if chain, not a pattern switch: the switch's first use spins a class at run time, a few
    // milliseconds of every command's start (docs/performance.md, "Dispatch").
    for (int i = 0; i < params.length; i++) {
      Object p = params[i];
      if (p instanceof String s) {
        statement.setString(i + 1, s);
      } else if (p instanceof Long l) {
        statement.setLong(i + 1, l);
      } else if (p instanceof Integer n) {
        statement.setInt(i + 1, n);
      } else if (p instanceof SqlNull n) {
        statement.setNull(i + 1, n.sqlType());
      } else if (p == null) {
        throw new IllegalArgumentException("parameter " + (i + 1) + " is null");
      } else {
        throw new IllegalArgumentException("unsupported parameter type " + p.getClass().getName());
      }
    }
  }
}
