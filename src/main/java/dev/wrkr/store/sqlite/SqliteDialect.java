package dev.wrkr.store.sqlite;

import dev.wrkr.store.Durability;
import dev.wrkr.store.jdbc.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * SQLite under the shared core. Write transactions are {@code BEGIN IMMEDIATE}: they take the
 * database's single write lock up front (waiting up to {@code busy_timeout}), so a transaction
 * never fails half-way because another process started writing.
 *
 * <p>The statements are issued by hand on a connection left in JDBC auto-commit mode. sqlite-jdbc's
 * own transaction mode ({@code SQLiteConfig.setTransactionMode(IMMEDIATE)} with {@code
 * setAutoCommit(false)}) runs the next {@code BEGIN IMMEDIATE} right after every commit (seen on
 * 3.54.1.0), so an idle store would keep the write lock and every other process would wait out its
 * {@code busy_timeout}; the process races in {@code ProcessContract} would stall on it.
 */
final class SqliteDialect implements Dialect {
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_CONSTRAINT = 19;

  @Override
  public String name() {
    return "sqlite";
  }

  @Override
  public void begin(Connection connection) throws SQLException {
    execute(connection, "BEGIN IMMEDIATE");
  }

  @Override
  public void commit(Connection connection) throws SQLException {
    execute(connection, "COMMIT");
  }

  @Override
  public void rollback(Connection connection) {
    try {
      if (!connection.isClosed()) {
        execute(connection, "ROLLBACK");
      }
    } catch (SQLException e) {
      // No transaction was open (BEGIN itself failed), or SQLite already rolled it back.
    }
  }

  /**
   * {@code synchronous=NORMAL} for {@link Durability#PROCESS_CRASH}: in WAL mode the commit is
   * written to the WAL through the OS (which a crash of this process does not lose) but not
   * synced; the next {@code FULL} commit syncs the WAL, and every frame before it, at once. After
   * a crash of the machine the WAL is replayed up to its last synced commit, so a prefix of the
   * commits survives, never a later one without an earlier one (docs/lifecycle.md).
   */
  @Override
  public void durability(Connection connection, Durability durability) throws SQLException {
    execute(connection, switch (durability) {
      case MACHINE_CRASH -> "PRAGMA synchronous=FULL";
      case PROCESS_CRASH -> "PRAGMA synchronous=NORMAL";
    });
  }

  @Override
  public void lockForMigration(Connection connection) {
    // BEGIN IMMEDIATE already holds the database's only write lock.
  }

  /**
   * Members are taken only from a payload that is valid JSON, an object, that names each of them
   * once (SQLite's {@code ->} would take the first of two equal names, where the decoder refuses
   * the payload; counting three names is cheaper than checking that all names are distinct), and
   * only when they are strings: JSON string text holds no raw line feed or U+001F, so the framing
   * cannot be broken by what a payload holds. Nested CASEs because SQLite does not promise to
   * stop evaluating an AND at its first false operand, and {@code json_type} fails on bad JSON.
   */
  private static final String CHECKPOINT_HEADS =
      "SELECT group_concat(seq || char(31) || CASE WHEN json_valid(payload) THEN"
          + " CASE WHEN json_type(payload) = 'object'"
          + " AND (SELECT count(*) = 3 FROM json_each(payload) WHERE key IN ('type', 'status', 'summary')) THEN"
          + " iif(json_type(payload, '$.type') = 'text', payload -> '$.type', '') || char(31)"
          + " || iif(json_type(payload, '$.status') = 'text', payload -> '$.status', '') || char(31)"
          + " || iif(json_type(payload, '$.summary') = 'text', payload -> '$.summary', '')"
          + " ELSE char(31) || char(31) END"
          + " ELSE char(31) || char(31) END, char(10) ORDER BY seq)"
          + " FROM events WHERE job_id = ? AND type = 'checkpoint_emitted'";

  @Override
  public java.util.Optional<String> checkpointHeadsQuery() {
    return java.util.Optional.of(CHECKPOINT_HEADS);
  }

  @Override
  public String tableExistsQuery() {
    return "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?";
  }

  @Override
  public SqlFailure classify(SQLException e) {
    return switch (e.getErrorCode() & 0xff) {
      case SQLITE_BUSY, SQLITE_LOCKED -> SqlFailure.RETRY;
      case SQLITE_CONSTRAINT -> SqlFailure.CONSTRAINT;
      default -> SqlFailure.UNAVAILABLE;
    };
  }

  @Override
  public String whatToCheck() {
    return "that the file and its directory are writable, on a local disk (not a network share),"
        + " and not held for long by another program";
  }

  private static void execute(Connection connection, String sql) throws SQLException {
    try (Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
