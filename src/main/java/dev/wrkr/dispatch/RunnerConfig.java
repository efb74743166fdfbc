package dev.wrkr.dispatch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * How the job runner behaves.
 *
 * @param worker who holds leases ({@code dispatch-<host>-<pid>} for the CLI)
 * @param host this machine's name, recorded with each step's process
 * @param leaseTtl how long a lease lives without a heartbeat (Wrkr: 30 s)
 * @param heartbeatEvery how often the lease is renewed (Wrkr: 10 s)
 * @param pollEvery how often a running step checks for cancel requests and a lost lease
 * @param cancelGrace how long a canceled step's process group gets between SIGTERM and SIGKILL
 * @param logRoot where step logs go: {@code <logRoot>/<job_id>/step-<index>-a<attempt>.*}
 * @param maxLogBytes bound of one log file before it rotates
 * @param keepRotated rotated log files kept per stream
 */
public record RunnerConfig(
    String worker,
    String host,
    Duration leaseTtl,
    Duration heartbeatEvery,
    Duration pollEvery,
    Duration cancelGrace,
    Path logRoot,
    long maxLogBytes,
    int keepRotated) {
  public RunnerConfig {
    Objects.requireNonNull(worker, "worker");
    Objects.requireNonNull(host, "host");
    Objects.requireNonNull(logRoot, "logRoot");
    if (heartbeatEvery.compareTo(leaseTtl) >= 0) {
      throw new IllegalArgumentException("heartbeats must come more often than the lease TTL");
    }
  }

  /** The same, with leases of {@code ttl} and heartbeats every third of it. */
  public RunnerConfig withLeaseTtl(Duration ttl) {
    return new RunnerConfig(worker, host, ttl, ttl.dividedBy(3), pollEvery, cancelGrace, logRoot, maxLogBytes,
        keepRotated);
  }

  /** Wrkr's timings: 30 s leases, 10 s heartbeats; 16 MiB logs, 2 rotated files kept. */
  public static RunnerConfig defaults(String worker, String host, Path logRoot) {
    return new RunnerConfig(
        worker, host, Duration.ofSeconds(30), Duration.ofSeconds(10), Duration.ofMillis(200),
        Duration.ofSeconds(5), logRoot, 16L << 20, 2);
  }
}
