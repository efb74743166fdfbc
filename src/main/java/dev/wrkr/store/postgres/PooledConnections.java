package dev.wrkr.store.postgres;

import com.zaxxer.hikari.HikariDataSource;
import dev.wrkr.store.jdbc.Connections;
import java.sql.Connection;
import java.sql.SQLException;

/** Connections from a HikariCP pool; giving one back returns it to the pool. */
final class PooledConnections implements Connections {
  private final HikariDataSource pool;

  PooledConnections(HikariDataSource pool) {
    this.pool = pool;
  }

  @Override
  public Connection borrow() throws SQLException {
    return pool.getConnection();
  }

  @Override
  public void giveBack(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // The pool has already evicted a broken connection.
    }
  }

  @Override
  public void close() {
    pool.close();
  }
}
