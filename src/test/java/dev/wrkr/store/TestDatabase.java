package dev.wrkr.store;

import java.sql.Connection;
import java.sql.SQLException;

/** A fresh, empty database for one test, behind one of the store adapters. */
interface TestDatabase extends AutoCloseable {
  /** Opens (and on first use migrates) a store on this database; the caller closes it. */
  JobStore open();

  /** The store URL of this database, for {@code StoreLocation.parse} in child processes. */
  String url();

  /** A plain JDBC connection in auto-commit mode, to look at or damage the tables directly. */
  Connection connect() throws SQLException;

  /** Drops the database where that matters (a shared server); never throws. */
  @Override
  void close();
}
