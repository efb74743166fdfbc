package dev.wrkr.store.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Lends connections to the core: a pool for PostgreSQL, one lock-guarded connection for SQLite.
 * A borrowed connection is in auto-commit mode and used by one thread until it is given back.
 */
public interface Connections extends AutoCloseable {
  Connection borrow() throws SQLException;

  /** Returns a connection from {@link #borrow()}; never throws. */
  void giveBack(Connection connection);

  @Override
  void close();
}
