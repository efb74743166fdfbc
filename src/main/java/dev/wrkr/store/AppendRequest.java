package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A batch of events to append after {@code expectedLastSeq}, with an optional snapshot of the
 * job's state after the batch (a cache; the ledger stays the truth), and what its commit must
 * survive.
 */
public record AppendRequest(
    JobId jobId, long expectedLastSeq, List<NewEvent> events, Optional<JobSnapshot> snapshot,
    Durability durability) {
  public AppendRequest {
    Objects.requireNonNull(jobId, "jobId");
    Objects.requireNonNull(snapshot, "snapshot");
    Objects.requireNonNull(durability, "durability");
    if (expectedLastSeq < 0) {
      throw new IllegalArgumentException("expectedLastSeq must be >= 0: " + expectedLastSeq);
    }
    events = List.copyOf(events);
    if (events.isEmpty()) {
      throw new IllegalArgumentException("an append needs at least one event");
    }
    long last = expectedLastSeq + events.size();
    if (snapshot.isPresent() && snapshot.get().seq() != last) {
      throw new IllegalArgumentException(
          "snapshot seq " + snapshot.get().seq() + " must equal the batch's last seq " + last);
    }
  }

  /** A batch whose commit survives a crash of the machine. */
  public AppendRequest(
      JobId jobId, long expectedLastSeq, List<NewEvent> events, Optional<JobSnapshot> snapshot) {
    this(jobId, expectedLastSeq, events, snapshot, Durability.MACHINE_CRASH);
  }

  public AppendRequest(JobId jobId, long expectedLastSeq, List<NewEvent> events) {
    this(jobId, expectedLastSeq, events, Optional.empty());
  }
}
