package dev.wrkr.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** What the parts of {@link StoreContract} share: the store under test and its database. */
interface StoreFixture {
  JobStore store();

  TestDatabase database();

  /** A directory for this test's scratch files (child process logs). */
  Path scratch();

  /** Another new, empty database, not opened; the caller closes it. */
  TestDatabase anotherDatabase();

  /** Runs one statement directly on the test's database, bypassing the store. */
  default void executeRaw(String sql) throws SQLException {
    try (Connection connection = database().connect();
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }

  /** The first column of the first row of {@code sql}, run directly on the test's database. */
  default long queryRaw(String sql) throws SQLException {
    try (Connection connection = database().connect();
        Statement statement = connection.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }
}
