package dev.wrkr.dispatch;

import dev.wrkr.envfp.EnvironmentProbe;
import dev.wrkr.envfp.Fingerprint;
import dev.wrkr.envfp.Fingerprints;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.spec.JobSpec;
import dev.wrkr.spec.JobSpecLoader;
import dev.wrkr.store.Lease;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code submit}: loads and validates a JobSpec, records the new job (initialized, fingerprint,
 * running, plan checkpoint) in one batch, then runs it under its lease until it completes or
 * blocks. A job id that exists is refused; nothing is appended to an existing job.
 */
public final class SubmitService {
  private final JobHistory history;
  private final LeasedExecution execution;
  private final EnvironmentProbe probe;
  private final InstantSource clock;

  SubmitService(JobHistory history, LeasedExecution execution, EnvironmentProbe probe, InstantSource clock) {
    this.history = history;
    this.execution = execution;
    this.probe = probe;
    this.clock = clock;
  }

  /** What {@code submit} reports (reference §1.3). */
  public record SubmitResult(String jobId, String status, String adapter, String specName, String objective,
      String specPath) {}

  /** Loads {@code specFile} (relative to {@code cwd}), records the job and runs it. */
  public SubmitResult submit(Path specFile, Path cwd, Optional<String> jobIdFlag) {
    JobSpec spec = new JobSpecLoader().load(specFile, cwd);
    JobId job = jobIdFlag.map(JobId::normalize).orElseGet(() -> spec.defaultJobId(clock.instant()));
    return submit(spec, job);
  }

  /**
   * Records the already loaded {@code spec} as the new job {@code job} and runs it ({@code wrap}
   * builds its JobSpec in memory). A job id that exists is refused.
   */
  public SubmitResult submit(JobSpec spec, JobId job) {
    Instant now = clock.instant();
    if (history.load(job).isPresent()) {
      throw exists(job);
    }
    Fingerprint fp = Fingerprints.capture(spec.envRules(), probe);
    JobEvent.Submission submission = new JobEvent.Submission(spec.name(), spec.objective(), spec.adapter().name(),
        spec.specPath().toString(), spec.workspace().toString(), spec.budgets(), spec.canonical());
    JobState created = JobState.empty(job);
    List<JobEvent> initial = List.of(
        new JobEvent.JobInitialized(now, "queued", Optional.of(submission)),
        new JobEvent.EnvFingerprintSet(fp.rules(), fp.values(), fp.hash(), now),
        new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING),
        new JobEvent.CheckpointEmitted("plan", StepBatches.bound(spec.objective()), JobStatus.RUNNING,
            new JobEvent.BudgetState(0, 0, 0, 0), JobEvent.ArtifactsDelta.none(), Optional.empty(), List.of()));
    history.append(created, initial).orElseThrow(() -> exists(job));
    Lease lease = execution.acquire(job);
    JobState end = execution.run(job, spec, lease, s -> List.of());
    return new SubmitResult(job.value(), end.status().wire(), spec.adapter().name(), spec.name(), spec.objective(),
        spec.specPath().toString());
  }

  private static WrkrException exists(JobId job) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "job already exists", Map.of("job_id", job.value()));
  }
}
