package dev.wrkr.store.jdbc;

import dev.wrkr.store.Durability;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * What differs between the databases under the shared JDBC core: how a write transaction starts
 * and ends, how migrations are serialised, and which failures are worth a retry. The SQL of the
 * aggregates themselves is the same for both.
 */
public interface Dialect {
  /** Folder of this dialect's migrations under {@code dev/wrkr/store/migrations/}. */
  String name();

  /** Starts a write transaction on a connection in auto-commit mode. */
  void begin(Connection connection) throws SQLException;

  /** Commits the transaction and leaves the connection in auto-commit mode. */
  void commit(Connection connection) throws SQLException;

  /** Rolls back whatever is open and leaves the connection in auto-commit mode; never throws. */
  void rollback(Connection connection);

  /**
   * Outside a transaction: sets what the next commits on {@code connection} must survive, until
   * set again. A dialect whose database is not on the writer's machine keeps every commit
   * durable and does nothing.
   */
  void durability(Connection connection, Durability durability) throws SQLException;

  /** Inside a transaction: waits until no other process migrates this database. */
  void lockForMigration(Connection connection) throws SQLException;

  /** A query with one parameter, a table name, that returns a row when the table exists. */
  String tableExistsQuery();

  /**
   * A query with one parameter, the job id, that returns one row whose one column is the job's
   * {@link dev.wrkr.store.CheckpointHead}s in sequence order: one per line ({@code \n}), fields
   * separated by U+001F, a NULL column when the job has no checkpoints. Empty when the database
   * cannot pick JSON members out of text this way.
   */
  java.util.Optional<String> checkpointHeadsQuery();

  /** What a failed statement means for the caller. */
  SqlFailure classify(SQLException e);

  /** What the user should check when the store cannot be reached, for error messages. */
  String whatToCheck();

  /** The kinds of failure the core tells apart. */
  enum SqlFailure {
    /** Nothing was written and trying again may work: a busy lock, a serialisation failure. */
    RETRY,
    /** The database refused a write as inconsistent with what it holds. */
    CONSTRAINT,
    /** Anything else: the store is unreachable, full, read-only, or the SQL is wrong. */
    UNAVAILABLE
  }
}
