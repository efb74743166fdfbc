package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Append-only event log per job. Sequence numbers start at 1 and have no gaps. Appends are
 * optimistic: the caller names the last sequence number it has seen, and a batch is written in
 * one transaction only if nobody appended in between.
 */
public interface Ledger {
  /**
   * Appends {@code request.events()} after {@code request.expectedLastSeq()} in one transaction,
   * together with the optional snapshot. {@code expectedLastSeq == 0} creates the job. Once it
   * returned, the commit survives what {@code request.durability()} names.
   *
   * @return {@link AppendResult.Appended} with the new sequence numbers, or
   *     {@link AppendResult.Conflict} when the job's last sequence number is not the expected one
   *     (another writer won the race; nothing was written)
   */
  AppendResult append(AppendRequest request);

  /** Events of the job with {@code seq > afterSeq}, in sequence order; empty for an unknown job. */
  List<StoredEvent> read(JobId job, long afterSeq);

  /**
   * At most {@code limit} events of the job with {@code seq > afterSeq}, in sequence order: lets a
   * reader stream a long ledger (jobpack export) in bounded memory, page after page.
   */
  List<StoredEvent> readPage(JobId job, long afterSeq, int limit);

  /**
   * The job's events of one {@code type}, in sequence order; empty for an unknown job. Lets a
   * reader skip decoding the rest of a long ledger (checkpoint listings).
   */
  List<StoredEvent> readType(JobId job, String type);

  /**
   * The heads of the job's {@code checkpoint_emitted} events, in sequence order, picked out of the
   * payloads by the database in one round trip (see {@link CheckpointHead}); empty when this store
   * does not do that, and the reader must decode {@link #readType} instead. A listing of a
   * thousand checkpoints on a cold JVM spent most of its time fetching and decoding whole
   * payloads it printed three fields of (docs/performance.md, "Dispatch").
   */
  Optional<List<CheckpointHead>> readCheckpointHeads(JobId job);

  /**
   * The job's events whose type is one of {@code types}, with {@code seq <= upToSeq}, in sequence
   * order, in one read: lets an exporter gather a job's few significant events without reading
   * the whole ledger first.
   */
  List<StoredEvent> readTypes(JobId job, Set<String> types, long upToSeq);

  /** The job's last sequence number, 0 when the job does not exist. */
  long lastSeq(JobId job);
}
