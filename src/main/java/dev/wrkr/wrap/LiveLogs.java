package dev.wrkr.wrap;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Streams step logs while a step runs: a background thread {@linkplain LogFollower#poll polls}
 * each follower every {@code every}; {@link #close} stops it and drains every follower once more,
 * so all that was written reaches the sinks. Streaming is a convenience: a failure to read or copy
 * stops nothing (the log files, referenced from the ledger, stay the record).
 */
public final class LiveLogs implements AutoCloseable {
  private final List<LogFollower> followers;
  private final Thread pump;
  private volatile boolean stopping;

  private LiveLogs(List<LogFollower> followers, Duration every) {
    this.followers = List.copyOf(followers);
    this.pump = Thread.ofPlatform().daemon().name("wrkr-wrap-logs").unstarted(() -> loop(every));
  }

  /** Starts following; the caller closes it when the step is over. */
  public static LiveLogs start(List<LogFollower> followers, Duration every) {
    LiveLogs logs = new LiveLogs(followers, every);
    logs.pump.start();
    return logs;
  }

  private void loop(Duration every) {
    while (!stopping) {
      pollAll();
      // Not Thread.sleep and interrupt: interrupting a thread in FileChannel.read closes the channel.
      LockSupport.parkNanos(every.toNanos());
    }
  }

  private void pollAll() {
    for (LogFollower f : followers) {
      try {
        f.poll();
      } catch (IOException | RuntimeException e) {
        // Best effort (see the class comment); the next poll tries again.
      }
    }
  }

  /** Stops the thread, copies what is left, and closes the files. */
  @Override
  public void close() {
    stopping = true;
    LockSupport.unpark(pump);
    try {
      pump.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pollAll();
    followers.forEach(LogFollower::close);
  }
}
