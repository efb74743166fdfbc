package dev.wrkr.dispatch;

import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.checkpoint.CheckpointRules;
import dev.wrkr.codec.JsonPull;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.CheckpointHead;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Lists, shows and emits checkpoints, and records approvals, on the job's ledger. */
public final class CheckpointService {
  private final JobHistory history;
  private final InstantSource clock;
  private final String producerVersion;

  public CheckpointService(JobHistory history, InstantSource clock, String producerVersion) {
    this.history = history;
    this.clock = clock;
    this.producerVersion = producerVersion;
  }

  /** What {@code checkpoint emit} asks for. */
  public record EmitRequest(
      String type,
      String summary,
      Optional<String> status,
      Optional<String> requiredKind,
      Optional<String> requiredInstructions,
      List<String> reasonCodes,
      JobEvent.ArtifactsDelta artifactsDelta) {}

  /** The job's checkpoints in ledger order. */
  public List<Checkpoint> list(JobId job) {
    List<Checkpoint> out = new ArrayList<>();
    for (JobHistory.RecordedEvent e : checkpointEvents(job)) {
      if (e.event() instanceof JobEvent.CheckpointEmitted c) {
        out.add(Checkpoint.of(job.value(), e.seq(), e.at(), c, producerVersion));
      }
    }
    return out;
  }

  /** The job's checkpoint events, decoded; "job not found" when there is no such job. */
  private List<JobHistory.RecordedEvent> checkpointEvents(JobId job) {
    List<JobHistory.RecordedEvent> events = history.events(job, JobEvent.CheckpointEmitted.TYPE);
    // A job with checkpoints exists: the job row is read only to tell "none yet" from "no job".
    if (events.isEmpty() && !history.exists(job)) {
      throw StatusService.jobNotFound(job);
    }
    return events;
  }

  /** What a text listing prints of a checkpoint, whose id is {@code cp_<seq>}. */
  public record Headline(long seq, String type, String status, String summary) {}

  /**
   * What a text listing prints of the job's checkpoints, in ledger order. When the store picks
   * the three fields out of the payloads itself ({@link JobHistory#checkpointHeads}) and each is a
   * string (the status a known one), they are used as they are, and the rest of each payload is
   * not decoded; otherwise — another store, or any head that is not plain, which a damaged
   * payload gives — the checkpoints are decoded in full, exactly as {@link #list} does, so a
   * damaged event is reported as it always was (docs/lifecycle.md, "What a checkpoint listing
   * checks").
   */
  public List<Headline> headlines(JobId job) {
    Optional<List<Headline>> plain = history.checkpointHeads(job).flatMap(CheckpointService::plainHeadlines);
    if (plain.isPresent()) {
      if (plain.get().isEmpty() && !history.exists(job)) {
        throw StatusService.jobNotFound(job);
      }
      return plain.get();
    }
    List<Headline> out = new ArrayList<>();
    for (JobHistory.RecordedEvent e : checkpointEvents(job)) {
      if (e.event() instanceof JobEvent.CheckpointEmitted c) {
        out.add(new Headline(e.seq(), c.checkpointType(), c.status().wire(), c.summary()));
      }
    }
    return out;
  }

  /** The heads as headlines; empty when any head is not plain. */
  private static Optional<List<Headline>> plainHeadlines(List<CheckpointHead> heads) {
    List<Headline> out = new ArrayList<>(heads.size());
    for (CheckpointHead head : heads) {
      Headline line = head.complete() ? headline(head) : null;
      if (line == null) {
        return Optional.empty();
      }
      out.add(line);
    }
    return Optional.of(out);
  }

  /** The head as a headline; null when a member is not a string or the status is unknown. */
  private static Headline headline(CheckpointHead head) {
    String type = JsonPull.unquote(head.typeJson());
    String status = JsonPull.unquote(head.statusJson());
    String summary = JsonPull.unquote(head.summaryJson());
    Optional<JobStatus> known = status == null ? Optional.empty() : JobStatus.fromWire(status);
    if (type == null || known.isEmpty() || summary == null) {
      return null;
    }
    return new Headline(head.seq(), type, known.get().wire(), summary);
  }

  /** One checkpoint; {@code E_INVALID_INPUT_SCHEMA} for a bad or unknown id. */
  public Checkpoint show(JobId job, String checkpointId) {
    long seq = CheckpointRules.seqOf(checkpointId);
    if (!history.exists(job)) {
      throw StatusService.jobNotFound(job);
    }
    for (JobHistory.RecordedEvent e : history.events(job, JobEvent.CheckpointEmitted.TYPE)) {
      if (e.seq() == seq && e.event() instanceof JobEvent.CheckpointEmitted c) {
        return Checkpoint.of(job.value(), seq, e.at(), c, producerVersion);
      }
    }
    throw notFound(job, checkpointId);
  }

  /** Records a checkpoint; emitting never changes the job's status. */
  public Checkpoint emit(JobId job, EmitRequest request) {
    String type = CheckpointRules.type(request.type());
    String summary = CheckpointRules.summary(request.summary());
    Optional<JobEvent.RequiredAction> action =
        CheckpointRules.requiredAction(type, request.requiredKind(), request.requiredInstructions());
    JobState after =
        history.update(job, state -> List.of(new JobEvent.CheckpointEmitted(
            type, summary, CheckpointRules.status(request.status(), state.status()),
            budgetState(state, clock.instant()), sorted(request.artifactsDelta()), action,
            request.reasonCodes())));
    return show(job, "cp_" + after.lastAppliedSeq());
  }

  /** Records who approved a decision-needed checkpoint and why; the status does not change. */
  public ApprovalRecord approve(JobId job, String checkpointId, String reason, String approvedBy) {
    Checkpoint cp = show(job, checkpointId);
    if (!cp.type().equals("decision-needed")) {
      throw new WrkrException(
          ReasonCode.E_INVALID_INPUT_SCHEMA, "only decision-needed checkpoints can be approved",
          Map.of("checkpoint_id", cp.checkpointId(), "type", cp.type()));
    }
    String why = CheckpointRules.reason(reason);
    String who = approvedBy == null || approvedBy.isBlank() ? "unknown" : approvedBy.strip();
    JobEvent.ApprovalRecorded event =
        new JobEvent.ApprovalRecorded(
            ApprovalRecord.SCHEMA_ID, "v1", clock.instant(), producerVersion, job.value(),
            cp.checkpointId(), why, who);
    history.update(job, state -> List.of(event));
    return ApprovalRecord.of(event);
  }

  /** The job's approvals in ledger order. */
  public List<ApprovalRecord> approvals(JobId job) {
    List<ApprovalRecord> out = new ArrayList<>();
    for (JobHistory.RecordedEvent e : history.events(job, JobEvent.ApprovalRecorded.TYPE)) {
      if (e.event() instanceof JobEvent.ApprovalRecorded a) {
        out.add(ApprovalRecord.of(a));
      }
    }
    return out;
  }

  /** Usage counters as a checkpoint reports them, wall time counted from the job's start. */
  static JobEvent.BudgetState budgetState(JobState state, Instant now) {
    return new JobEvent.BudgetState(
        state.usage(now).wallTimeSeconds(), state.retryCount(), state.stepCount(), state.toolCallCount());
  }

  private static JobEvent.ArtifactsDelta sorted(JobEvent.ArtifactsDelta d) {
    return new JobEvent.ArtifactsDelta(
        CheckpointRules.paths(d.added()), CheckpointRules.paths(d.changed()), CheckpointRules.paths(d.removed()));
  }

  private static WrkrException notFound(JobId job, String checkpointId) {
    return new WrkrException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, "checkpoint not found",
        Map.of("job_id", job.value(), "checkpoint_id", checkpointId));
  }
}
