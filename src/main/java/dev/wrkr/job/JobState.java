package dev.wrkr.job;

import dev.wrkr.budget.BudgetRaise;
import dev.wrkr.budget.Budgets;
import dev.wrkr.budget.Usage;
import dev.wrkr.job.JobEvent.AdapterStep;
import dev.wrkr.job.JobEvent.BudgetRaised;
import dev.wrkr.job.JobEvent.StepRetried;
import dev.wrkr.job.JobEvent.StepStarted;
import dev.wrkr.job.JobEvent.ApprovalRecorded;
import dev.wrkr.job.JobEvent.CheckpointEmitted;
import dev.wrkr.job.JobEvent.CountersUpdated;
import dev.wrkr.job.JobEvent.EnvFingerprintSet;
import dev.wrkr.job.JobEvent.EnvOverrideRecorded;
import dev.wrkr.job.JobEvent.IdempotencyRecorded;
import dev.wrkr.job.JobEvent.JobInitialized;
import dev.wrkr.job.JobEvent.LeaseReleased;
import dev.wrkr.job.JobEvent.LeaseSet;
import dev.wrkr.job.JobEvent.StatusChanged;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A job's state: the fold of its ledger. Pure and immutable; {@link #apply} checks that events
 * come in sequence and that status changes follow {@link Transitions}, and fails closed with
 * {@link CorruptLedgerException} otherwise.
 *
 * @param lastAppliedSeq sequence number of the last event folded in; 0 for a job with no events
 * @param lastCheckpoint the latest checkpoint, for listings and status summaries
 */
public record JobState(
    JobId jobId,
    JobStatus status,
    long retryCount,
    long stepCount,
    long toolCallCount,
    SortedSet<String> idempotencyKeys,
    long lastAppliedSeq,
    Optional<Instant> startedAt,
    List<String> lastReasonCodes,
    Optional<EnvFingerprint> envFingerprint,
    Optional<CheckpointRef> lastCheckpoint,
    Optional<String> adapter,
    Budgets budgets,
    long nextStepIndex,
    long tokens,
    double estimatedCost,
    Optional<StepInFlight> stepInFlight) {

  /** The environment a job must resume in. */
  public record EnvFingerprint(String hash, List<String> rules, Map<String, String> values) {
    public EnvFingerprint {
      Objects.requireNonNull(hash, "hash");
      rules = List.copyOf(rules);
      values = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(values));
    }
  }

  /** A step whose command started and whose end is not recorded yet. */
  public record StepInFlight(String stepId, long stepIndex, int attempt, String workerId, long startedSeq,
      Optional<Long> pid, Optional<String> host) {
    StepInFlight with(JobEvent.StepProcess p) {
      return new StepInFlight(stepId, stepIndex, attempt, workerId, startedSeq, Optional.of(p.pid()),
          Optional.of(p.host()));
    }
  }

  /** Where the latest checkpoint is: its id is {@code cp_<seq>}. */
  public record CheckpointRef(long seq, String type, String summary, JobStatus status) {
    public String id() {
      return "cp_" + seq;
    }
  }

  public JobState {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(status, "status");
    idempotencyKeys = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(idempotencyKeys));
    lastReasonCodes = List.copyOf(lastReasonCodes);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(envFingerprint, "envFingerprint");
    Objects.requireNonNull(lastCheckpoint, "lastCheckpoint");
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(budgets, "budgets");
    Objects.requireNonNull(stepInFlight, "stepInFlight");
  }

  /** Usage so far, with wall time counted from the job's start to {@code now}. */
  public Usage usage(Instant now) {
    long wall = startedAt.map(s -> Usage.elapsedSeconds(s, now)).orElse(0L);
    return new Usage(wall, retryCount, stepCount, toolCallCount, tokens, estimatedCost);
  }

  /** The state before the first event: no events applied. */
  public static JobState empty(JobId jobId) {
    return new JobState(
        jobId, JobStatus.QUEUED, 0, 0, 0, new TreeSet<>(), 0, Optional.empty(), List.of(),
        Optional.empty(), Optional.empty(), Optional.empty(), Budgets.unlimited(), 0, 0, 0,
        Optional.empty());
  }

  /** Folds {@code events} (sequence numbers {@code lastAppliedSeq+1 ...}) into this state. */
  public JobState applyAll(List<SequencedEvent> events) {
    JobState s = this;
    for (SequencedEvent e : events) {
      s = s.apply(e.seq(), e.event());
    }
    return s;
  }

  /** This state after event {@code seq}. */
  public JobState apply(long seq, JobEvent event) {
    if (seq != lastAppliedSeq + 1) {
      throw corrupt("ledger sequence gap", seq, event, Map.of("expected_seq", lastAppliedSeq + 1));
    }
    if (lastAppliedSeq == 0 && !(event instanceof JobInitialized)) {
      throw corrupt("ledger does not start with job_initialized", seq, event, Map.of());
    }
    Builder b = new Builder(this, seq);
    switch (event) {
      case JobInitialized e -> {
        if (lastAppliedSeq != 0) {
          throw corrupt("job initialized twice", seq, event, Map.of());
        }
        b.status = JobStatus.QUEUED;
        b.startedAt = Optional.of(e.startedAt());
        e.submission().ifPresent(s -> {
          b.adapter = Optional.of(s.adapter());
          b.budgets = s.budgets();
        });
      }
      case StatusChanged e -> {
        if (e.from() != status || !Transitions.allowed(e.from(), e.to())) {
          throw corrupt(
              "ledger holds an illegal status change",
              seq,
              event,
              Map.of("status", status.wire(), "from", e.from().wire(), "to", e.to().wire()));
        }
        b.status = e.to();
      }
      case CountersUpdated e -> {
        b.retryCount = e.retryCount();
        b.stepCount = e.stepCount();
        b.toolCallCount = e.toolCallCount();
        b.tokens = e.tokens();
        b.estimatedCost = e.estimatedCost();
      }
      case IdempotencyRecorded e -> b.idempotencyKeys.add(e.key());
      case CheckpointEmitted e -> {
        b.lastReasonCodes = e.reasonCodes();
        b.lastCheckpoint =
            Optional.of(new CheckpointRef(seq, e.checkpointType(), e.summary(), e.status()));
      }
      case EnvFingerprintSet e ->
          b.envFingerprint = Optional.of(new EnvFingerprint(e.hash(), e.rules(), e.values()));
      case EnvOverrideRecorded e ->
          b.envFingerprint = Optional.of(new EnvFingerprint(e.actualHash(), e.rules(), e.values()));
      case AdapterStep e -> {
        if (e.advances()) {
          b.nextStepIndex = Math.max(b.nextStepIndex, e.stepIndex() + 1);
        }
        b.stepInFlight = Optional.empty();
      }
      case StepStarted e ->
          b.stepInFlight = Optional.of(new StepInFlight(e.stepId(), e.stepIndex(), e.attempt(), e.workerId(), seq,
              Optional.empty(), Optional.empty()));
      case JobEvent.StepProcess e -> b.stepInFlight = b.stepInFlight.map(f -> f.with(e));
      case BudgetRaised e -> b.budgets = raise(b.budgets, e, seq);
      case StepRetried e -> b.stepInFlight = Optional.empty();
      case LeaseSet e -> {}
      case LeaseReleased e -> {}
      case ApprovalRecorded e -> {}
      case JobEvent.ArtifactsRecorded e -> {}
      case JobEvent.AcceptRecorded e -> {}
    }
    return b.build();
  }

  private Budgets raise(Budgets budgets, BudgetRaised e, long seq) {
    try {
      return BudgetRaise.apply(budgets, BudgetRaise.parseAll(e.changes()));
    } catch (RuntimeException ex) {
      throw corrupt("ledger holds an unreadable budget change", seq, e, Map.of("changes", e.changes()));
    }
  }

  private CorruptLedgerException corrupt(
      String message, long seq, JobEvent event, Map<String, Object> extra) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("job_id", jobId.value());
    d.put("seq", seq);
    d.put("type", event.type());
    d.putAll(extra);
    return new CorruptLedgerException(message, d);
  }

  /** An event with its ledger sequence number. */
  public record SequencedEvent(long seq, JobEvent event) {}

  private static final class Builder {
    private final JobState base;
    private final long seq;
    JobStatus status;
    long retryCount;
    long stepCount;
    long toolCallCount;
    final SortedSet<String> idempotencyKeys;
    Optional<Instant> startedAt;
    List<String> lastReasonCodes;
    Optional<EnvFingerprint> envFingerprint;
    Optional<CheckpointRef> lastCheckpoint;
    Optional<String> adapter;
    Budgets budgets;
    long nextStepIndex;
    long tokens;
    double estimatedCost;
    Optional<StepInFlight> stepInFlight;

    Builder(JobState s, long seq) {
      this.base = s;
      this.seq = seq;
      status = s.status;
      retryCount = s.retryCount;
      stepCount = s.stepCount;
      toolCallCount = s.toolCallCount;
      idempotencyKeys = new TreeSet<>(s.idempotencyKeys);
      startedAt = s.startedAt;
      lastReasonCodes = s.lastReasonCodes;
      envFingerprint = s.envFingerprint;
      lastCheckpoint = s.lastCheckpoint;
      adapter = s.adapter;
      budgets = s.budgets;
      nextStepIndex = s.nextStepIndex;
      tokens = s.tokens;
      estimatedCost = s.estimatedCost;
      stepInFlight = s.stepInFlight;
    }

    JobState build() {
      return new JobState(
          base.jobId, status, retryCount, stepCount, toolCallCount, idempotencyKeys, seq,
          startedAt, lastReasonCodes, envFingerprint, lastCheckpoint, adapter, budgets, nextStepIndex,
          tokens, estimatedCost, stepInFlight);
    }
  }
}
