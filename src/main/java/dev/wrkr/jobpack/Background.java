package dev.wrkr.jobpack;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.function.BooleanSupplier;

/**
 * One piece of an export or a verify running on a daemon thread of its own while the caller does
 * another. Its outcome is taken with {@link #result}, which throws the work's own exception; {@link
 * #stop} asks it to end early and waits for its thread without interrupting it (an interrupt closes
 * any NIO channel the thread is reading, which may be shared with the caller).
 */
final class Background<T> {
  /** The work; it should return soon once {@code stopped} says so. */
  interface Work<T> {
    T run(BooleanSupplier stopped) throws Exception;
  }

  private final FutureTask<T> task;
  private final Thread thread;
  private volatile boolean stopped;

  private Background(String name, Work<T> work) {
    this.task = new FutureTask<>(() -> work.run(() -> stopped));
    this.thread = new Thread(task, name);
    thread.setDaemon(true);
  }

  static <T> Background<T> start(String name, Work<T> work) {
    Background<T> b = new Background<>(name, work);
    b.thread.start();
    return b;
  }

  /** Waits for the work and returns its value, or throws what it threw. */
  T result() throws IOException {
    return await(task);
  }

  /** Asks the work to stop and waits until its thread has ended. */
  void stop() {
    stopped = true;
    boolean interrupted = false;
    while (thread.isAlive()) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }

  /** The value of {@code f}, rethrowing its failure as thrown (checked ones other than I/O wrapped). */
  static <V> V await(Future<V> f) throws IOException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for background work");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    }
  }
}
