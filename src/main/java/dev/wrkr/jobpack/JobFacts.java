package dev.wrkr.jobpack;

import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.StoredEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
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

  /** Receives each event the facts pass reads, in sequence order. */
  interface EventSink {
    void accept(StoredEvent event) throws IOException;
  }

  /** Reads the job's ledger page by page; empty when the job does not exist. */
  static Optional<JobFacts> read(Ledger ledger, JobId job, String producerVersion) {
    try {
      return read(ledger, job, producerVersion, ledger.lastSeq(job), e -> {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // the sink above cannot throw
    }
  }

  /**
   * Reads the job's events up to {@code lastSeq} page by page, handing each to {@code sink} as it
   * goes; empty when the job has none.
   */
  static Optional<JobFacts> read(Ledger ledger, JobId job, String producerVersion, long lastSeq, EventSink sink)
      throws IOException {
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
    while (after < lastSeq) {
      List<StoredEvent> page = ledger.readPage(job, after, (int) Math.min(PAGE, lastSeq - after));
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
          default -> {
            Lead.apply(stored.seq(), event, approvals, artifacts);
            if (event instanceof JobEvent.AcceptRecorded a) {
              acceptResult = Optional.of(a.result());
            } else if (event instanceof JobEvent.JobInitialized i && i.submission().isPresent()) {
              submission = i.submission();
            }
          }
        }
        sink.accept(stored);
        after = stored.seq();
      }
    }
    if (count == 0) {
      return Optional.empty();
    }
    return Optional.of(new JobFacts(job, state, count, first, last, List.copyOf(checkpoints),
        List.copyOf(approvals), artifacts, submission, acceptResult));
  }

  /**
   * The facts the entries written before {@code events.jsonl} need — the acceptance result,
   * approvals, and the recorded artifacts with the workspace they live in — read from the few
   * events that hold them, so raw capture can start while the whole ledger is still being read.
   * {@link #agrees} checks them against the full pass.
   */
  record Lead(Optional<JobEvent.Submission> submission, List<ApprovalRecord> approvals,
      Optional<JsonNode> acceptResult, SortedMap<String, RecordedArtifact> recorded) {
    private static final Set<String> TYPES = Set.of(JobEvent.JobInitialized.TYPE, JobEvent.ApprovalRecorded.TYPE,
        JobEvent.AcceptRecorded.TYPE, JobEvent.ArtifactsRecorded.TYPE);

    static Lead read(Ledger ledger, JobId job, long lastSeq) {
      Optional<JobEvent.Submission> submission = Optional.empty();
      List<ApprovalRecord> approvals = new ArrayList<>();
      Optional<JsonNode> acceptResult = Optional.empty();
      SortedMap<String, RecordedArtifact> recorded = new TreeMap<>();
      for (StoredEvent stored : ledger.readTypes(job, TYPES, lastSeq)) {
        JobEvent event = EventCodec.decode(job, stored.seq(), stored.type(), stored.payloadJson());
        apply(stored.seq(), event, approvals, recorded);
        if (event instanceof JobEvent.AcceptRecorded a) {
          acceptResult = Optional.of(a.result());
        } else if (event instanceof JobEvent.JobInitialized i && i.submission().isPresent()) {
          submission = i.submission();
        }
      }
      return new Lead(submission, List.copyOf(approvals), acceptResult, recorded);
    }

    /** What approvals and artifact records add; shared by both passes so they cannot differ in kind. */
    private static void apply(long seq, JobEvent event, List<ApprovalRecord> approvals,
        SortedMap<String, RecordedArtifact> artifacts) {
      if (event instanceof JobEvent.ApprovalRecorded a) {
        approvals.add(ApprovalRecord.of(a));
      } else if (event instanceof JobEvent.ArtifactsRecorded r) {
        for (JobEvent.ArtifactRecord a : r.artifacts()) {
          artifacts.put(a.path(), new RecordedArtifact(a.path(), Optional.of(a), seq));
        }
      }
    }

    /** True when the full pass found the same lead facts (both read the same ledger prefix). */
    boolean agrees(JobFacts facts) {
      SortedMap<String, RecordedArtifact> recordedThere = new TreeMap<>();
      facts.artifacts().forEach((path, a) -> {
        if (a.record().isPresent()) {
          recordedThere.put(path, a);
        }
      });
      return submission.equals(facts.submission()) && approvals.equals(facts.approvals())
          && acceptResult.equals(facts.acceptResult()) && recorded.equals(recordedThere);
    }
  }
}
