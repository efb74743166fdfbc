package dev.wrkr.process;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Copies one of the step's output pipes into its {@link RotatingLog} and {@link LogTail} on a
 * virtual thread, until every writer of the pipe (the step and whatever it started) has closed it.
 */
final class StreamDrain {
  private static final int BUFFER = 64 * 1024;

  private final Path file;
  private final RotatingLog log;
  private final LogTail tail = new LogTail();
  private final CountDownLatch done = new CountDownLatch(1);

  private StreamDrain(Path file, RotatingLog log) {
    this.file = file;
    this.log = log;
  }

  /** Opens the log (see {@link RotatingLog#create}); nothing is read before {@link #start}. */
  static StreamDrain open(Path file, long maxBytes, int keep) throws IOException {
    return new StreamDrain(file, RotatingLog.create(file, maxBytes, keep));
  }

  /** Starts draining {@code pipe} on a virtual thread called {@code name}. */
  void start(InputStream pipe, String name) {
    Thread.ofVirtual().name(name).start(() -> drain(pipe));
  }

  /** Closes the log of a drain that will never start. */
  void abandon() {
    log.close();
    done.countDown();
  }

  /** Waits at most {@code max} for the pipe to reach its end; true if it did. */
  boolean awaitEnd(Duration max) throws InterruptedException {
    return done.await(max.toNanos(), TimeUnit.NANOSECONDS);
  }

  Path file() {
    return file;
  }

  long totalBytes() {
    return log.totalBytes();
  }

  boolean truncated() {
    return log.truncated();
  }

  String tail() {
    return tail.text();
  }

  private void drain(InputStream pipe) {
    try (pipe; log) {
      byte[] buffer = new byte[BUFFER];
      for (int n = pipe.read(buffer); n >= 0; n = pipe.read(buffer)) {
        log.write(buffer, 0, n);
        tail.append(buffer, 0, n);
      }
    } catch (IOException e) {
      // The pipe was closed under us: nothing more can come from it.
    } finally {
      done.countDown();
    }
  }
}
