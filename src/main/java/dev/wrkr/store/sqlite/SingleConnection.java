package dev.wrkr.store.sqlite;

import dev.wrkr.store.jdbc.Connections;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One SQLite connection shared by the threads of this process, one at a time. SQLite has a single
 * writer per database anyway, so a pool would only add lock waits inside SQLite; across processes
 * the write lock and {@code busy_timeout} do the queueing.
 */
final class SingleConnection implements Connections {
  private final ReentrantLock lock = new ReentrantLock(true);
  private final Connection connection;
  private boolean closed;

  SingleConnection(Connection connection) {
    this.connection = connection;
  }

  @Override
  public Connection borrow() {
    lock.lock();
    if (closed) {
      lock.unlock();
      throw new IllegalStateException("the SQLite store is closed");
    }
    return connection;
  }

  @Override
  public void giveBack(Connection borrowed) {
    lock.unlock();
  }

  @Override
  public void close() {
    lock.lock();
    try {
      if (!closed) {
        closed = true;
        connection.close();
      }
    } catch (SQLException e) {
      // Closing releases file handles; there is nothing left to save.
    } finally {
      lock.unlock();
    }
  }
}
