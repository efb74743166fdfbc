package dev.wrkr.job;

import dev.wrkr.job.JobEvent.ArtifactsDelta;
import dev.wrkr.job.JobEvent.BudgetState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.random.RandomGenerator;

/** Builders of events for tests, including seeded random legal histories. */
public final class JobEvents {
  public static final Instant T0 = Instant.parse("2026-02-14T03:45:00Z");

  private JobEvents() {}

  public static JobEvent.JobInitialized initialized() {
    return new JobEvent.JobInitialized(T0, "queued");
  }

  public static JobEvent.StatusChanged moved(JobStatus from, JobStatus to) {
    return new JobEvent.StatusChanged(from, to);
  }

  public static JobEvent.CheckpointEmitted checkpoint(String type, String summary, JobStatus status, String... codes) {
    return new JobEvent.CheckpointEmitted(
        type, summary, status, new BudgetState(0, 0, 0, 0), ArtifactsDelta.none(), Optional.empty(), List.of(codes));
  }

  /** {@code events} numbered 1, 2, 3, … as the ledger numbers them. */
  public static List<JobState.SequencedEvent> numbered(List<JobEvent> events) {
    List<JobState.SequencedEvent> out = new ArrayList<>();
    for (int i = 0; i < events.size(); i++) {
      out.add(new JobState.SequencedEvent(i + 1, events.get(i)));
    }
    return out;
  }

  /** One event of every type, for codec round trips. */
  public static List<JobEvent> oneOfEach() {
    return List.of(
        initialized(),
        new JobEvent.EnvFingerprintSet(
            List.of("arch", "os"), Map.of("arch", "amd64", "os", "linux"), "a".repeat(64), T0),
        moved(JobStatus.QUEUED, JobStatus.RUNNING),
        new JobEvent.CountersUpdated(1, 2, 3),
        new JobEvent.IdempotencyRecorded("key-1"),
        new JobEvent.LeaseSet("dispatch-1", "lease-1", T0, T0, T0.plusSeconds(30)),
        new JobEvent.LeaseReleased("lease-1", "dispatch-1"),
        new JobEvent.CheckpointEmitted(
            "decision-needed", "review <the> plan & \u2028 go", JobStatus.BLOCKED_DECISION,
            new BudgetState(5, 0, 2, 1),
            new ArtifactsDelta(List.of("reports/plan.md"), List.of(), List.of("old.txt")),
            Optional.of(new JobEvent.RequiredAction(Optional.of("approve"), Optional.empty())),
            List.of("E_CHECKPOINT_APPROVAL_REQUIRED")),
        new JobEvent.ApprovalRecorded(
            "wrkr.approval_record", "v1", T0.plusNanos(1500), "dev", "job_1", "cp_8", "looks good", "ana"),
        new JobEvent.AdapterStep("reference", List.of("a.md"), "true", true, "plan", 0, "make plan"),
        new JobEvent.EnvOverrideRecorded(
            "b".repeat(64), "ana", T0, "a".repeat(64), "new runner image", List.of("os"), Map.of("os", "linux")),
        new JobEvent.StepStarted("plan", 0, 1, "dispatch-host-42"),
        new JobEvent.StepRetried("plan", 0, 1, "exit=3", 1000),
        new JobEvent.StepProcess("plan", 0, 1, 4242, "vm-1"),
        new JobEvent.BudgetRaised(List.of("max_step_count=40"), "ana", "needs more steps"),
        new JobEvent.ArtifactsRecorded("step:plan", List.of(
            new JobEvent.ArtifactRecord("reports/plan.md", "present", Optional.of("c".repeat(64)), Optional.of(12L)),
            new JobEvent.ArtifactRecord("reports/gone.md", "missing", Optional.empty(), Optional.empty()))),
        new JobEvent.AcceptRecorded(dev.wrkr.codec.Json.wire().createObjectNode()
            .put("schema_id", "wrkr.accept_result").put("job_id", "job_1").put("checks_run", 5)));
  }

  /**
   * A legal history of {@code length} events: initialized, then a random walk over the transition
   * table interleaved with counters, checkpoints and idempotency keys.
   */
  public static List<JobEvent> randomHistory(RandomGenerator rnd, int length) {
    List<JobEvent> events = new ArrayList<>();
    events.add(initialized());
    JobStatus status = JobStatus.QUEUED;
    long steps = 0;
    while (events.size() < length) {
      int pick = rnd.nextInt(4);
      if (pick == 0 && !status.terminal()) {
        List<JobStatus> targets = new ArrayList<>();
        for (JobStatus to : JobStatus.values()) {
          if (Transitions.allowed(status, to)) {
            targets.add(to);
          }
        }
        JobStatus to = targets.get(rnd.nextInt(targets.size()));
        events.add(moved(status, to));
        status = to;
      } else if (pick == 1) {
        steps++;
        events.add(new JobEvent.CountersUpdated(rnd.nextInt(3), steps, steps / 2));
      } else if (pick == 2) {
        events.add(checkpoint("progress", "step " + steps, status, rnd.nextBoolean() ? "E_ADAPTER_FAIL" : "E_BUDGET_EXCEEDED"));
      } else {
        events.add(new JobEvent.IdempotencyRecorded("k" + rnd.nextInt(20)));
      }
    }
    return events;
  }
}
