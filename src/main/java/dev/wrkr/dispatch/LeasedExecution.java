package dev.wrkr.dispatch;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.spec.JobSpec;
import dev.wrkr.store.Lease;
import dev.wrkr.store.LeaseResult;
import dev.wrkr.store.Leases;
import dev.wrkr.store.WorkerId;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a job under its lease: acquire (fail closed with {@code E_LEASE_CONFLICT} while another
 * worker's lease lives), record {@code lease_set}, heartbeat while the runner works, then release
 * and record {@code lease_released} — also when the run fails.
 */
final class LeasedExecution {
  private final JobHistory history;
  private final Leases leases;
  private final StepProcesses processes;
  private final InstantSource clock;
  private final RunnerConfig config;

  LeasedExecution(JobHistory history, Leases leases, StepProcesses processes, InstantSource clock, RunnerConfig config) {
    this.history = history;
    this.leases = leases;
    this.processes = processes;
    this.clock = clock;
    this.config = config;
  }

  /** Takes the lease or fails closed. */
  Lease acquire(JobId job) {
    LeaseResult result = leases.acquire(job, new WorkerId(config.worker()), clock.instant(), config.leaseTtl());
    return switch (result) {
      case LeaseResult.Acquired a -> a.lease();
      case LeaseResult.Held h -> throw conflict(job, h.holder());
    };
  }

  /**
   * Runs {@code job} from its cursor under {@code lease} until it stops; {@code beforeRun} events
   * (e.g. the move back to running) are recorded together with {@code lease_set}.
   */
  JobState run(JobId job, JobSpec spec, Lease lease, java.util.function.Function<JobState, List<JobEvent>> beforeRun) {
    try {
      stopLeftovers(job);
      history.update(job, s -> {
        List<JobEvent> events = new java.util.ArrayList<>();
        events.add(new JobEvent.LeaseSet(lease.worker().value(), lease.leaseId(), lease.acquiredAt(),
            lease.heartbeatAt(), lease.expiresAt()));
        events.addAll(beforeRun.apply(s));
        return events;
      });
      try (LeaseKeeper keeper = new LeaseKeeper(job, lease, leases, history, clock, config)) {
        JobState end = new JobRunner(job, spec, history, processes, clock, config, keeper).runToStop();
        release(job, keeper.lease());
        return end;
      }
    } catch (RuntimeException e) {
      releaseQuietly(job, lease);
      throw e;
    }
  }

  /** A job with no recorded adapter (not submitted from a JobSpec): resume only moves it to running. */
  void runWithoutAdapter(JobId job, Lease lease) {
    try {
      history.update(job, s -> s.status() == dev.wrkr.job.JobStatus.RUNNING
          ? List.of()
          : List.of(new JobEvent.StatusChanged(s.status(), dev.wrkr.job.JobStatus.RUNNING)));
    } finally {
      leases.release(lease);
    }
  }

  /**
   * After a cancel: a step still recorded in flight on this machine whose worker no longer holds
   * the lease (it crashed and the lease expired) is stopped here, as nobody else ever will: a
   * canceled job is never resumed. While a worker's lease lives, that worker stops the step itself
   * (DispatchProcessIT.cancel_after_kill_9_…).
   */
  void stopAbandonedStep(JobId job) {
    boolean local = history.load(job).flatMap(JobState::stepInFlight)
        .filter(f -> f.pid().isPresent() && f.host().filter(config.host()::equals).isPresent()).isPresent();
    if (local && leases.acquire(job, new WorkerId(config.worker()), clock.instant(), config.leaseTtl())
        instanceof LeaseResult.Acquired a) {
      try {
        stopLeftovers(job);
      } finally {
        releaseQuietly(a.lease());
      }
    }
  }

  /**
   * A step recorded as in flight by another worker on this machine (which crashed: we hold the
   * lease now) may still be running; stop its process group before the step runs again, so its
   * side effects happen once.
   */
  private void stopLeftovers(JobId job) {
    history.load(job).flatMap(JobState::stepInFlight).ifPresent(f -> {
      if (f.pid().isPresent() && f.host().filter(config.host()::equals).isPresent()
          && !f.workerId().equals(config.worker())) {
        processes.stopLeftovers(f.pid().get(), config.cancelGrace());
      }
    });
  }

  private void release(JobId job, Lease current) {
    if (leases.release(current)) {
      history.update(job, s -> List.of(new JobEvent.LeaseReleased(current.leaseId(), current.worker().value())));
    }
  }

  /** Gives back a lease taken for a run that did not start; never throws. */
  void releaseQuietly(Lease lease) {
    try {
      leases.release(lease);
    } catch (RuntimeException ignored) {
      // An unreleased lease expires after its TTL.
    }
  }

  private void releaseQuietly(JobId job, Lease lease) {
    try {
      Lease current = leases.current(job).filter(l -> l.leaseId().equals(lease.leaseId())).orElse(lease);
      release(job, current);
    } catch (RuntimeException ignored) {
      // The run's own failure is what the caller must see; an unreleased lease expires after its TTL.
    }
  }

  static WrkrException conflict(JobId job, Lease holder) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("job_id", job.value());
    d.put("existing_worker_id", holder.worker().value());
    d.put("existing_lease_id", holder.leaseId());
    d.put("expires_at", dev.wrkr.codec.Timestamps.format(holder.expiresAt()));
    return new WrkrException(ReasonCode.E_LEASE_CONFLICT, "job lease already held by another worker", d);
  }
}
