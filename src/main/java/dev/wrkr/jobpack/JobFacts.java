package dev.wrkr.jobpack;

import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.StoredEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What a jobpack says about a job, gathered in one bounded pass over its ledger: the folded state,
 * checkpoints, approvals, artifact records, what it was submitted with and the latest acceptance
 * result. Only stored facts: the
 * "now" of a jobpack is its last event's time.
 */
record JobFacts(
    JobId jobId,
    JobState state,
    long eventCount,
    Instant firstEventAt,
    Instant lastEventAt,
    List<Checkpoint> checkpoints,
    List<ApprovalRecord> approvals,
    SortedMap<String, RecordedArtifact> artifacts,
    Optional<JobEvent.Submission> submission,
    Optional<JsonNode> acceptResult) {

  /** Ledger events are read this many at a time. */
  static final int PAGE = 2_000;

  /**
   * An artifact a step recorded or a checkpoint declared; {@code record} is empty for a path a
   * checkpoint declared that no step digested.
   */
  record RecordedArtifact(String path, Optional<JobEvent.ArtifactRecord> record, long recordedSeq) {
    String status() {
      return record.map(JobEvent.ArtifactRecord::status).orElse("unrecorded");
    }

    boolean present() {
      return record.flatMap(JobEvent.ArtifactRecord::sha256).isPresent();
    }
  }

  /** Reads the job's ledger page by page; empty when the job does not exist. */
  static Optional<JobFacts> read(Ledger ledger, JobId job, String producerVersion) {
    JobState state = JobState.empty(job);
    List<Checkpoint> checkpoints = new ArrayList<>();
    List<ApprovalRecord> approvals = new ArrayList<>();
    SortedMap<String, RecordedArtifact> artifacts = new TreeMap<>();
    Optional<JobEvent.Submission> submission = Optional.empty();
    Optional<JsonNode> acceptResult = Optional.empty();
    Instant first = null;
    Instant last = null;
    long count = 0;
    long after = 0;
    while (true) {
      List<StoredEvent> page = ledger.readPage(job, after, PAGE);
      if (page.isEmpty()) {
        break;
      }
      for (StoredEvent stored : page) {
        JobEvent event = EventCodec.decode(job, stored.seq(), stored.type(), stored.payloadJson());
        state = state.apply(stored.seq(), event);
        count++;
        first = first == null ? stored.createdAt() : first;
        last = stored.createdAt();
        switch (event) {
          case JobEvent.CheckpointEmitted c -> {
            checkpoints.add(Checkpoint.of(job.value(), stored.seq(), stored.createdAt(), c, producerVersion));
            for (String p : c.artifactsDelta().added()) {
              artifacts.putIfAbsent(p, new RecordedArtifact(p, Optional.empty(), 0));
            }
            for (String p : c.artifactsDelta().changed()) {
              artifacts.putIfAbsent(p, new RecordedArtifact(p, Optional.empty(), 0));
            }
          }
          case JobEvent.ApprovalRecorded a -> approvals.add(ApprovalRecord.of(a));
          case JobEvent.ArtifactsRecorded r -> {
            for (JobEvent.ArtifactRecord a : r.artifacts()) {
              artifacts.put(a.path(), new RecordedArtifact(a.path(), Optional.of(a), stored.seq()));
            }
          }
          case JobEvent.AcceptRecorded a -> acceptResult = Optional.of(a.result());
          case JobEvent.JobInitialized i when i.submission().isPresent() -> submission = i.submission();
          default -> {}
        }
        after = stored.seq();
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(new JobFacts(job, state, count, first, last, List.copyOf(checkpoints),
        List.copyOf(approvals), artifacts, submission, acceptResult));
  }
}
