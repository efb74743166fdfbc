package dev.wrkr.dispatch;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStateJson;
import dev.wrkr.job.JobState.SequencedEvent;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.AppendResult;
import dev.wrkr.store.CheckpointHead;
import dev.wrkr.store.Durability;
import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobRow;
import dev.wrkr.store.JobSnapshot;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.SnapshotCheckpoint;
import dev.wrkr.store.StoredEvent;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * A job's state as the fold of its ledger, and appends that keep the snapshot cache in step.
 *
 * <p>Loading starts from the cached snapshot when it decodes and folds the events after it;
 * a snapshot that does not decode is ignored and the state is rebuilt from the ledger (the
 * ledger is the truth; see {@code JobHistoryTest.load_should_rebuild_when_snapshot_is_garbage}).
 */
public final class JobHistory {
  static final int MAX_ATTEMPTS = 64;

  private final Ledger ledger;
  private final JobIndex index;
  private final InstantSource clock;

  public JobHistory(Ledger ledger, JobIndex index, InstantSource clock) {
    this.ledger = ledger;
    this.index = index;
    this.clock = clock;
  }

  /** The job's current state, or empty when the store has no such job. */
  public Optional<JobState> load(JobId job) {
    Optional<JobRow> row = index.find(job);
    if (row.isEmpty()) {
      return Optional.empty();
    }
    JobState base = row.get().snapshot().flatMap(s -> decodeSnapshot(job, s)).orElse(JobState.empty(job));
    List<StoredEvent> tail = ledger.read(job, base.lastAppliedSeq());
    return Optional.of(base.applyAll(decode(tail)));
  }

  /**
   * Loads the job, lets {@code decide} choose the events to append on its current state, and
   * appends them; when another writer got there first, reloads and decides again (at most
   * {@value #MAX_ATTEMPTS} times). {@code decide} may throw to refuse; an empty list appends
   * nothing.
   *
   * @return the state after the append
   * @throws dev.wrkr.failure.WrkrException E_INVALID_INPUT_SCHEMA "job not found" for an unknown
   *     job; E_STORE_CORRUPT when the job is too contended to update
   */
  public JobState update(JobId job, Function<JobState, List<JobEvent>> decide) {
    for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
      JobState current = load(job).orElseThrow(() -> StatusService.jobNotFound(job));
      List<JobEvent> events = decide.apply(current);
      if (events.isEmpty()) {
        return current;
      }
      Optional<JobState> next = append(current, events);
      if (next.isPresent()) {
        return next.get();
      }
    }
    throw new WrkrException(
        ReasonCode.E_STORE_CORRUPT, "job update contention exceeded retry budget",
        Map.of("job_id", job.value(), "attempts", MAX_ATTEMPTS));
  }

  /** Every event of the job with its sequence number and time; empty for an unknown job. */
  public List<RecordedEvent> events(JobId job) {
    return recorded(ledger.read(job, 0));
  }

  /** The job's events of one type, in order; empty for an unknown job. */
  public List<RecordedEvent> events(JobId job, String type) {
    return recorded(ledger.readType(job, type));
  }

  /** The heads of the job's checkpoints, when the store reads them without whole payloads. */
  public Optional<List<CheckpointHead>> checkpointHeads(JobId job) {
    return ledger.readCheckpointHeads(job);
  }

  /** True when the store has the job. */
  public boolean exists(JobId job) {
    return index.find(job).isPresent();
  }

  private static List<RecordedEvent> recorded(List<StoredEvent> stored) {
    List<RecordedEvent> out = new ArrayList<>(stored.size());
    for (StoredEvent e : stored) {
      out.add(new RecordedEvent(e.seq(), e.createdAt(), EventCodec.decode(e.jobId(), e.seq(), e.type(), e.payloadJson())));
    }
    return out;
  }

  /** An event as the ledger recorded it. */
  public record RecordedEvent(long seq, Instant at, JobEvent event) {}

  /** Folds the whole ledger, ignoring any snapshot. */
  public Optional<JobState> rebuild(JobId job) {
    List<StoredEvent> all = ledger.read(job, 0);
    if (all.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(JobState.empty(job).applyAll(decode(all)));
  }

  /**
   * Appends {@code events} after {@code current} (the state the caller decided on) with a fresh
   * snapshot. Returns the new state, or empty when another writer appended first (nothing was
   * written; reload and decide again).
   */
  public Optional<JobState> append(JobState current, List<JobEvent> events) {
    return append(current, events, Durability.MACHINE_CRASH);
  }

  /** {@link #append(JobState, List)} with a commit that must survive only {@code durability}. */
  public Optional<JobState> append(JobState current, List<JobEvent> events, Durability durability) {
    Instant now = clock.instant();
    JobState next = current;
    List<NewEvent> batch = new ArrayList<>(events.size());
    for (JobEvent e : events) {
      next = next.apply(next.lastAppliedSeq() + 1, e);
      batch.add(new NewEvent(e.type(), now, EventCodec.encode(e)));
    }
    JobSnapshot snapshot =
        new JobSnapshot(next.lastAppliedSeq(), next.status().wire(), now, JobStateJson.write(next),
            next.lastCheckpoint().map(c -> new SnapshotCheckpoint(c.seq(), c.type(), c.summary())));
    AppendResult result =
        ledger.append(
            new AppendRequest(current.jobId(), current.lastAppliedSeq(), batch, Optional.of(snapshot), durability));
    return switch (result) {
      case AppendResult.Appended a -> Optional.of(next);
      case AppendResult.Conflict c -> Optional.empty();
    };
  }

  private static List<SequencedEvent> decode(List<StoredEvent> events) {
    List<SequencedEvent> out = new ArrayList<>(events.size());
    for (StoredEvent e : events) {
      out.add(new SequencedEvent(e.seq(), EventCodec.decode(e.jobId(), e.seq(), e.type(), e.payloadJson())));
    }
    return out;
  }

  private static Optional<JobState> decodeSnapshot(JobId job, JobSnapshot snapshot) {
    try {
      JobState s = JobStateJson.read(snapshot.stateJson());
      if (!s.jobId().equals(job) || s.lastAppliedSeq() != snapshot.seq()) {
        return Optional.empty();
      }
      return Optional.of(s);
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
