package dev.wrkr.dispatch;

import dev.wrkr.budget.BudgetRaise;
import dev.wrkr.envfp.EnvironmentProbe;
import dev.wrkr.envfp.Fingerprint;
import dev.wrkr.envfp.FingerprintCheck;
import dev.wrkr.envfp.Fingerprints;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.job.Transitions;
import dev.wrkr.spec.JobSpec;
import dev.wrkr.spec.JobSpecLoader;
import dev.wrkr.store.Lease;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code resume}: continues a job from its durable cursor (reference §5.7), gated by the
 * environment fingerprint (override audited with who, why and both hashes), by the approval of
 * the latest decision-needed checkpoint, and by the job's lease. Budget raises are audited in the
 * ledger. Resuming a completed or canceled job changes nothing and says so.
 */
public final class ResumeService {
  private final JobHistory history;
  private final LeasedExecution execution;
  private final EnvironmentProbe probe;
  private final InstantSource clock;

  ResumeService(JobHistory history, LeasedExecution execution, EnvironmentProbe probe, InstantSource clock) {
    this.history = history;
    this.execution = execution;
    this.probe = probe;
    this.clock = clock;
  }

  /** What {@code resume} asks for. */
  public record ResumeOptions(boolean forceEnv, String reason, String approvedBy, List<String> budgetRaises) {
    public ResumeOptions {
      budgetRaises = List.copyOf(budgetRaises);
      reason = reason == null ? "" : reason.strip();
      approvedBy = approvedBy == null ? "unknown" : approvedBy;
    }
  }

  /** What {@code resume} reports; {@code note} says why nothing ran, when nothing did. */
  public record ResumeResult(String jobId, String status, Optional<String> adapter, long nextStepIndex,
      Optional<String> note) {}

  public ResumeResult resume(JobId job, ResumeOptions options) {
    List<BudgetRaise> raises = BudgetRaise.parseAll(options.budgetRaises());
    JobState s = history.load(job).orElseThrow(() -> StatusService.jobNotFound(job));
    if (s.status().terminal()) {
      return new ResumeResult(job.value(), s.status().wire(), s.adapter(), s.nextStepIndex(),
          Optional.of("job is " + s.status().wire() + "; nothing to resume"));
    }
    // The lease comes first: nothing is written to a job another live worker is running.
    Lease lease = execution.acquire(job);
    JobSpec spec;
    try {
      List<JobHistory.RecordedEvent> events = history.events(job);
      checkEnvironment(job, history.load(job).orElse(s), options);
      requireApproval(job, events);
      Optional<JobEvent.Submission> submission = submissionOf(events);
      if (submission.isEmpty()) {
        return release(job, lease, s);
      }
      spec = new JobSpecLoader().recorded(submission.get().jobspec(), Path.of(submission.get().specPath()));
    } catch (RuntimeException e) {
      execution.releaseQuietly(lease);
      throw e;
    }
    JobState end = execution.run(job, spec, lease, current -> {
      List<JobEvent> before = new ArrayList<>();
      if (!raises.isEmpty()) {
        before.add(new JobEvent.BudgetRaised(raises.stream().map(BudgetRaise::text).toList(), options.approvedBy(),
            options.reason()));
      }
      if (current.status() != JobStatus.RUNNING) {
        Transitions.check(current.status(), JobStatus.RUNNING);
        before.add(new JobEvent.StatusChanged(current.status(), JobStatus.RUNNING));
      }
      return before;
    });
    return new ResumeResult(job.value(), end.status().wire(), end.adapter(), end.nextStepIndex(), Optional.empty());
  }

  private ResumeResult release(JobId job, Lease lease, JobState s) {
    execution.runWithoutAdapter(job, lease);
    JobState after = history.load(job).orElse(s);
    return new ResumeResult(job.value(), after.status().wire(), after.adapter(), after.nextStepIndex(),
        Optional.of("job has no recorded adapter to run"));
  }

  private void checkEnvironment(JobId job, JobState s, ResumeOptions options) {
    if (s.envFingerprint().isEmpty()) {
      return;
    }
    JobState.EnvFingerprint expected = s.envFingerprint().get();
    Fingerprint actual = Fingerprints.capture(expected.rules(), probe);
    Fingerprint recorded = Fingerprint.of(expected.rules(), expected.values(), expected.hash());
    if (Fingerprints.compare(recorded, actual) instanceof FingerprintCheck.Mismatch mismatch) {
      if (options.forceEnv()) {
        history.update(job, cur -> List.of(new JobEvent.EnvOverrideRecorded(actual.hash(), options.approvedBy(),
            clock.instant(), expected.hash(), options.reason(), actual.rules(), actual.values())));
        return;
      }
      history.update(job, cur -> blockForEnvironment(cur, mismatch));
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("job_id", job.value());
      d.put("expected_hash", expected.hash());
      d.put("actual_hash", actual.hash());
      d.put("changed_rules", mismatch.changedRules());
      throw new WrkrException(ReasonCode.E_ENV_FINGERPRINT_MISMATCH,
          mismatch.message() + "; resume blocked (use --force-env --reason \"...\" to override)", d);
    }
  }

  private List<JobEvent> blockForEnvironment(JobState cur, FingerprintCheck.Mismatch mismatch) {
    List<JobEvent> events = new ArrayList<>();
    if (cur.status() != JobStatus.BLOCKED_ERROR && Transitions.allowed(cur.status(), JobStatus.BLOCKED_ERROR)) {
      events.add(new JobEvent.StatusChanged(cur.status(), JobStatus.BLOCKED_ERROR));
    }
    events.add(new JobEvent.CheckpointEmitted("blocked", "environment fingerprint mismatch; resume blocked",
        JobStatus.BLOCKED_ERROR, CheckpointService.budgetState(cur, clock.instant()), JobEvent.ArtifactsDelta.none(),
        Optional.empty(), List.of("E_ENV_FINGERPRINT_MISMATCH")));
    return events;
  }

  /** The latest decision-needed checkpoint must have an approval, or resume fails with exit 4. */
  private static void requireApproval(JobId job, List<JobHistory.RecordedEvent> events) {
    long latestDecision = 0;
    for (JobHistory.RecordedEvent e : events) {
      if (e.event() instanceof JobEvent.CheckpointEmitted c && c.checkpointType().equals("decision-needed")) {
        latestDecision = e.seq();
      }
    }
    if (latestDecision == 0) {
      return;
    }
    String id = "cp_" + latestDecision;
    boolean approved = events.stream().anyMatch(
        e -> e.event() instanceof JobEvent.ApprovalRecorded a && a.checkpointId().equals(id));
    if (!approved) {
      throw new WrkrException(ReasonCode.E_CHECKPOINT_APPROVAL_REQUIRED, "approval required before resume",
          Map.of("job_id", job.value(), "checkpoint_id", id));
    }
  }

  private static Optional<JobEvent.Submission> submissionOf(List<JobHistory.RecordedEvent> events) {
    return events.stream()
        .map(JobHistory.RecordedEvent::event)
        .filter(JobEvent.JobInitialized.class::isInstance)
        .map(e -> ((JobEvent.JobInitialized) e).submission())
        .findFirst()
        .flatMap(o -> o);
  }
}
