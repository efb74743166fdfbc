package dev.wrkr.dispatch;

import dev.wrkr.job.JobId;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.Lease;
import dev.wrkr.store.Leases;
import java.time.InstantSource;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Keeps a job's lease alive while the runner works, on a background virtual thread: renews it
 * every {@code heartbeatEvery}, and watches the ledger for a cancel so a running step can be
 * stopped. A failed heartbeat (another worker took the job over) marks the lease lost; the runner
 * then stops without writing. The loop catches everything, records it, and goes on.
 */
final class LeaseKeeper implements AutoCloseable {
  private final JobId job;
  private final Leases leases;
  private final JobHistory history;
  private final InstantSource clock;
  private final RunnerConfig config;
  private final AtomicReference<Lease> lease;
  private final AtomicBoolean lost = new AtomicBoolean();
  private final AtomicBoolean canceled = new AtomicBoolean();
  private final AtomicReference<Throwable> lastError = new AtomicReference<>();
  private final Thread thread;
  private volatile boolean stopped;

  LeaseKeeper(JobId job, Lease lease, Leases leases, JobHistory history, InstantSource clock, RunnerConfig config) {
    this.job = job;
    this.lease = new AtomicReference<>(lease);
    this.leases = leases;
    this.history = history;
    this.clock = clock;
    this.config = config;
    this.thread = Thread.ofVirtual().name("wrkr-lease-" + job.value()).start(this::loop);
  }

  Lease lease() {
    return lease.get();
  }

  boolean lost() {
    return lost.get();
  }

  boolean cancelRequested() {
    return canceled.get();
  }

  Optional<Throwable> lastError() {
    return Optional.ofNullable(lastError.get());
  }

  private void loop() {
    long nextBeat = System.nanoTime() + config.heartbeatEvery().toNanos();
    while (!stopped && !lost.get()) {
      try {
        Thread.sleep(config.pollEvery());
        if (System.nanoTime() >= nextBeat) {
          tickHeartbeat();
          nextBeat = System.nanoTime() + config.heartbeatEvery().toNanos();
        }
        tickWatch();
      } catch (InterruptedException e) {
        return;
      } catch (Throwable t) {
        lastError.set(t);
      }
    }
  }

  /** Renews the lease once; marks it lost when another worker holds the job now. */
  void tickHeartbeat() {
    Optional<Lease> renewed = leases.heartbeat(lease.get(), clock.instant(), config.leaseTtl());
    if (renewed.isPresent()) {
      lease.set(renewed.get());
    } else {
      lost.set(true);
    }
  }

  /** Looks at the job's status once; notes a cancel. */
  void tickWatch() {
    history.load(job).ifPresent(s -> {
      if (s.status() == JobStatus.CANCELED) {
        canceled.set(true);
      }
    });
  }

  @Override
  public void close() {
    stopped = true;
    thread.interrupt();
    try {
      thread.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
