package dev.wrkr.job;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import dev.wrkr.budget.Budgets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * What can happen to a job, as recorded in its ledger. The wire names ({@link #type()}) and
 * payload fields are Wrkr's (reference §4.2), so ledgers and jobpacks stay exchangeable. Payload
 * fields are written in snake_case by {@link EventCodec}.
 */
public sealed interface JobEvent {
  /** The ledger's name for this kind of event. */
  String type();

  /**
   * The job was created; its status is {@code queued}. A submitted job also records what it was
   * submitted with (ours; Wrkr's payload has only the first two fields, and Wrkr-style readers
   * ignore the rest): the JobSpec as submitted, its adapter, workspace and budgets.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record JobInitialized(
      Instant startedAt,
      String status,
      Optional<Submission> submission)
      implements JobEvent {
    public JobInitialized {
      Objects.requireNonNull(startedAt, "started_at");
      Objects.requireNonNull(status, "status");
      submission = submission == null ? Optional.empty() : submission;
    }

    public JobInitialized(Instant startedAt, String status) {
      this(startedAt, status, Optional.empty());
    }

    public static final String TYPE = "job_initialized";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** What a job was submitted with. {@code jobspec} is the document as parsed. */
  record Submission(
      String specName,
      String objective,
      String adapter,
      String specPath,
      String workspace,
      Budgets budgets,
      JsonNode jobspec) {
    public Submission {
      Objects.requireNonNull(specName, "spec_name");
      Objects.requireNonNull(objective, "objective");
      Objects.requireNonNull(adapter, "adapter");
      Objects.requireNonNull(specPath, "spec_path");
      Objects.requireNonNull(workspace, "workspace");
      Objects.requireNonNull(budgets, "budgets");
      Objects.requireNonNull(jobspec, "jobspec");
    }
  }

  /** The environment the job must resume in: rules, their values and the hash of both. */
  record EnvFingerprintSet(
      List<String> rules, Map<String, String> values, String hash, Instant capturedAt)
      implements JobEvent {
    public EnvFingerprintSet {
      rules = List.copyOf(rules);
      values = Map.copyOf(values);
      Objects.requireNonNull(hash, "hash");
      Objects.requireNonNull(capturedAt, "captured_at");
    }

    public static final String TYPE = "env_fingerprint_set";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** The job moved from one status to another (checked against {@link Transitions}). */
  record StatusChanged(JobStatus from, JobStatus to) implements JobEvent {
    public StatusChanged {
      Objects.requireNonNull(from, "from");
      Objects.requireNonNull(to, "to");
    }

    public static final String TYPE = "status_changed";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Absolute values of the job's usage counters. {@code tokens} and {@code estimated_cost} are ours
   * (reported by steps); a Wrkr payload without them reads as 0.
   */
  record CountersUpdated(
      long retryCount, long stepCount, long toolCallCount, long tokens, double estimatedCost)
      implements JobEvent {
    public CountersUpdated {
      if (retryCount < 0 || stepCount < 0 || toolCallCount < 0 || tokens < 0 || !(estimatedCost >= 0)) {
        throw new IllegalArgumentException("counters must be >= 0");
      }
    }

    public CountersUpdated(long retryCount, long stepCount, long toolCallCount) {
      this(retryCount, stepCount, toolCallCount, 0, 0);
    }

    public static final String TYPE = "counters_updated";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** An idempotency key was used; a repeat of the same request is then a no-op. */
  record IdempotencyRecorded(String key) implements JobEvent {
    public IdempotencyRecorded {
      Objects.requireNonNull(key, "key");
    }

    public static final String TYPE = "idempotency_recorded";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A worker took or renewed the job's lease (an audit copy; the store's lease is the truth). */
  record LeaseSet(
      String workerId, String leaseId, Instant acquiredAt, Instant heartbeatAt, Instant expiresAt)
      implements JobEvent {
    public LeaseSet {
      Objects.requireNonNull(workerId, "worker_id");
      Objects.requireNonNull(leaseId, "lease_id");
      Objects.requireNonNull(acquiredAt, "acquired_at");
      Objects.requireNonNull(heartbeatAt, "heartbeat_at");
      Objects.requireNonNull(expiresAt, "expires_at");
    }

    public static final String TYPE = "lease_set";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A worker released the job's lease. */
  record LeaseReleased(String leaseId, String workerId) implements JobEvent {
    public LeaseReleased {
      Objects.requireNonNull(leaseId, "lease_id");
      Objects.requireNonNull(workerId, "worker_id");
    }

    public static final String TYPE = "lease_released";

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A structured checkpoint: plan, progress, decision-needed, blocked or completed. */
  record CheckpointEmitted(
      @JsonProperty("type") String checkpointType,
      String summary,
      JobStatus status,
      BudgetState budgetState,
      ArtifactsDelta artifactsDelta,
      Optional<RequiredAction> requiredAction,
      List<String> reasonCodes)
      implements JobEvent {
    public static final String TYPE = "checkpoint_emitted";

    public CheckpointEmitted {
      Objects.requireNonNull(checkpointType, "type");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(budgetState, "budget_state");
      Objects.requireNonNull(artifactsDelta, "artifacts_delta");
      requiredAction = requiredAction == null ? Optional.empty() : requiredAction;
      reasonCodes = reasonCodes == null ? List.of() : List.copyOf(reasonCodes);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A person approved a decision-needed checkpoint. */
  record ApprovalRecorded(
      String schemaId,
      String schemaVersion,
      Instant createdAt,
      String producerVersion,
      String jobId,
      String checkpointId,
      String reason,
      String approvedBy)
      implements JobEvent {
    public static final String TYPE = "approval_recorded";

    public ApprovalRecorded {
      Objects.requireNonNull(checkpointId, "checkpoint_id");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(approvedBy, "approved_by");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * An adapter step ended (or was recorded as not executed): the "recorded done" point of a step.
   * Ours: {@code outcome} ({@code succeeded}, {@code not_executed}, {@code decision_needed},
   * {@code failed}, {@code timed_out}, {@code canceled}; absent in Wrkr ledgers, read as succeeded),
   * the exit code, the attempt and where its logs are.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record AdapterStep(
      String adapter,
      List<String> artifacts,
      String command,
      boolean executed,
      String stepId,
      long stepIndex,
      String summary,
      Optional<String> outcome,
      Optional<Integer> exitCode,
      Optional<Integer> attempt,
      Optional<StepLogs> logs)
      implements JobEvent {
    public static final String TYPE = "adapter_step";

    /** Outcomes after which the cursor moves past the step. */
    public static final List<String> ADVANCING = List.of("succeeded", "not_executed", "decision_needed");

    public AdapterStep {
      Objects.requireNonNull(adapter, "adapter");
      artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
      command = command == null ? "" : command;
      Objects.requireNonNull(stepId, "step_id");
      summary = summary == null ? "" : summary;
      outcome = outcome == null ? Optional.empty() : outcome;
      exitCode = exitCode == null ? Optional.empty() : exitCode;
      attempt = attempt == null ? Optional.empty() : attempt;
      logs = logs == null ? Optional.empty() : logs;
    }

    public AdapterStep(
        String adapter, List<String> artifacts, String command, boolean executed, String stepId,
        long stepIndex, String summary) {
      this(adapter, artifacts, command, executed, stepId, stepIndex, summary,
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** True when the step is done and the cursor moves past it. */
    public boolean advances() {
      return outcome.map(ADVANCING::contains).orElse(true);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Where a step's output went (bounded, rotated files on the worker that ran it). */
  record StepLogs(String stdout, String stderr, long stdoutBytes, long stderrBytes, boolean truncated) {}

  /** A step's command is about to start (ours): a step in flight until its adapter_step. */
  record StepStarted(String stepId, long stepIndex, int attempt, String workerId) implements JobEvent {
    public static final String TYPE = "step_started";

    public StepStarted {
      Objects.requireNonNull(stepId, "step_id");
      Objects.requireNonNull(workerId, "worker_id");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * A step's command is running as process (group) {@code pid} on {@code host} (ours): lets a
   * worker that takes the job over after a crash stop what the dead worker left running.
   */
  record StepProcess(String stepId, long stepIndex, int attempt, long pid, String host) implements JobEvent {
    public static final String TYPE = "step_process";

    public StepProcess {
      Objects.requireNonNull(stepId, "step_id");
      Objects.requireNonNull(host, "host");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** A step failed and will run again after {@code backoffMillis} (ours). */
  record StepRetried(String stepId, long stepIndex, int attempt, String reason, long backoffMillis)
      implements JobEvent {
    public static final String TYPE = "step_retried";

    public StepRetried {
      Objects.requireNonNull(stepId, "step_id");
      Objects.requireNonNull(reason, "reason");
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Budgets raised on resume (ours): {@code key=value} changes, with who and why. */
  record BudgetRaised(List<String> changes, String approvedBy, String reason) implements JobEvent {
    public static final String TYPE = "budget_raised";

    public BudgetRaised {
      changes = List.copyOf(changes);
      approvedBy = approvedBy == null ? "" : approvedBy;
      reason = reason == null ? "" : reason;
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /** Resume went ahead in a different environment; who allowed it, why, and both hashes. */
  record EnvOverrideRecorded(
      String actualHash,
      String approvedBy,
      Instant capturedAt,
      String expectedHash,
      String reason,
      List<String> rules,
      Map<String, String> values)
      implements JobEvent {
    public static final String TYPE = "env_override_recorded";

    public EnvOverrideRecorded {
      Objects.requireNonNull(actualHash, "actual_hash");
      Objects.requireNonNull(expectedHash, "expected_hash");
      rules = rules == null ? List.of() : List.copyOf(rules);
      values = values == null ? Map.of() : Map.copyOf(values);
      reason = reason == null ? "" : reason;
      approvedBy = approvedBy == null ? "" : approvedBy;
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Ours: the content digests of artifacts a step declared, taken from the workspace when the step
   * was recorded (in the same commit as its adapter_step), so a jobpack exported later reports what
   * the step produced, not what the file holds by then. {@code source} names the recorder
   * ({@code step:<id>}, {@code wrap}).
   */
  record ArtifactsRecorded(String source, List<ArtifactRecord> artifacts) implements JobEvent {
    public static final String TYPE = "artifacts_recorded";

    public ArtifactsRecorded {
      Objects.requireNonNull(source, "source");
      artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * Ours: an {@code accept run} finished; {@code result} is its {@code wrkr.accept_result} document
   * (reference §7.3). The latest one travels in the next jobpack as
   * {@code accept/accept_result.json}. Recording a result never changes the job's status.
   */
  record AcceptRecorded(JsonNode result) implements JobEvent {
    public static final String TYPE = "accept_recorded";

    public AcceptRecorded {
      Objects.requireNonNull(result, "result");
      if (!result.isObject()) {
        throw new IllegalArgumentException("accept result must be a JSON object");
      }
    }

    @Override
    public String type() {
      return TYPE;
    }
  }

  /**
   * One artifact as recorded: {@code status} is {@code present} (with sha256 and size),
   * {@code missing}, {@code not_a_file}, {@code outside_workspace} or {@code unreadable}.
   */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record ArtifactRecord(String path, String status, Optional<String> sha256, Optional<Long> size) {
    public ArtifactRecord {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(status, "status");
      sha256 = sha256 == null ? Optional.empty() : sha256;
      size = size == null ? Optional.empty() : size;
    }
  }

  /** Usage counters as a checkpoint reports them. */
  record BudgetState(long wallTimeSeconds, long retryCount, long stepCount, long toolCallCount) {}

  /** Artifact paths a checkpoint added, changed or removed. */
  record ArtifactsDelta(List<String> added, List<String> changed, List<String> removed) {
    public ArtifactsDelta {
      added = added == null ? List.of() : List.copyOf(added);
      changed = changed == null ? List.of() : List.copyOf(changed);
      removed = removed == null ? List.of() : List.copyOf(removed);
    }

    public static ArtifactsDelta none() {
      return new ArtifactsDelta(List.of(), List.of(), List.of());
    }
  }

  /** What a person must do to unblock a decision-needed checkpoint. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record RequiredAction(Optional<String> kind, Optional<String> instructions) {
    public RequiredAction {
      kind = kind == null ? Optional.empty() : kind;
      instructions = instructions == null ? Optional.empty() : instructions;
    }
  }
}
