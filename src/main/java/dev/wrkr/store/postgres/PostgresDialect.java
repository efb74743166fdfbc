package dev.wrkr.store.postgres;

import dev.wrkr.store.Durability;
import dev.wrkr.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * PostgreSQL under the shared core, at READ COMMITTED: the aggregates' compare-and-set updates and
 * conditional upserts settle races by row locks, so no transaction needs a stricter level.
 */
final class PostgresDialect implements Dialect {
  /** "wrkr" in ASCII: the advisory lock that serialises migrations of one database. */
  private static final long MIGRATION_LOCK = 0x77726b72L;

  @Override
  public String name() {
    return "postgres";
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    connection.setAutoCommit(false);
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    connection.commit();
    connection.setAutoCommit(true);
  }

  @Override
  public void rollback(Connection connection) {
    try {
      if (!connection.getAutoCommit()) {
        connection.rollback();
        connection.setAutoCommit(true);
      }
    } catch (SQLException e) {
      // The connection is broken; the pool drops it and the server has rolled back.
    }
  }

  /**
   * Every commit stays synchronous: the server is usually on another machine than the worker and
   * its steps, so a crash of the server alone could lose a commit whose step goes on running.
   */
  @Override
  public void durability(Connection connection, Durability durability) {}

  @Override
  public void lockForMigration(Connection connection) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute("SELECT pg_advisory_xact_lock(" + MIGRATION_LOCK + ")");
    }
  }

  /**
   * Not on PostgreSQL: its driver fetches rows without a native call per column, and JSON
   * predicates that never fail on bad text ({@code IS JSON}) exist only from version 16.
   */
  @Override
  public java.util.Optional<String> checkpointHeadsQuery() {
    return java.util.Optional.empty();
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT 1 FROM information_schema.tables"
        + " WHERE table_schema = current_schema() AND table_name = ?";
  }

  @Override
  public SqlFailure classify(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("40001") || state.equals("40P01")) {
      return SqlFailure.RETRY; // serialization failure, deadlock: rolled back, safe to retry
    }
    if (state.startsWith("23")) {
      return SqlFailure.CONSTRAINT;
    }
    return SqlFailure.UNAVAILABLE;
  }

  @Override
  public String whatToCheck() {
    return "that the PostgreSQL server is running and reachable from here, and that the user,"
        + " password and database name in the store URL are right";
  }
}
