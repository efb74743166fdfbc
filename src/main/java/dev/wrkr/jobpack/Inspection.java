package dev.wrkr.jobpack;

import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.codec.Json;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.archive.JobpackArchive;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code wrkr job inspect}: a job's timeline of events, checkpoints and approvals (reference
 * §6.7), from a verified jobpack or from the store. Items sort by time, then kind, then id as a
 * string (Wrkr's order, so {@code cp_10} comes before {@code cp_9} at the same instant). Ours:
 * the artifacts a jobpack reports missing.
 */
public record Inspection(
    String jobId,
    String status,
    long eventCount,
    long checkpointCount,
    long approvalCount,
    List<Item> timeline,
    List<String> artifactsMissing) {

  /** One timeline entry: {@code kind} is {@code event}, {@code checkpoint} or {@code approval}. */
  public record Item(Instant at, String kind, String id, String summary) {}

  static final Comparator<Item> ORDER = Comparator.comparing(Item::at)
      .thenComparing(Item::kind).thenComparing(Item::id);

  /** From the store, without exporting. */
  public static java.util.Optional<Inspection> ofStore(Ledger ledger, JobId job, String producerVersion) {
    return JobFacts.read(ledger, job, producerVersion).map(facts -> {
      List<Item> items = new ArrayList<>();
      long after = 0;
      while (true) {
        List<StoredEvent> page = ledger.readPage(job, after, JobFacts.PAGE);
        if (page.isEmpty()) {
          break;
        }
        for (StoredEvent e : page) {
          items.add(new Item(e.createdAt(), "event", "evt_" + e.seq(), e.type()));
          after = e.seq();
        }
      }
      for (Checkpoint c : facts.checkpoints()) {
        items.add(new Item(c.createdAt(), "checkpoint", c.checkpointId(), c.type() + ":" + c.status()));
      }
      addApprovals(items, facts.approvals());
      items.sort(ORDER);
      List<String> missing = facts.artifacts().values().stream().filter(a -> !a.present())
          .map(JobFacts.RecordedArtifact::path).toList();
      return new Inspection(job.value(), facts.state().status().wire(), facts.eventCount(),
          facts.checkpoints().size(), facts.approvals().size(), List.copyOf(items), missing);
    });
  }

  private static void addApprovals(List<Item> items, List<ApprovalRecord> approvals) {
    for (int i = 0; i < approvals.size(); i++) {
      ApprovalRecord a = approvals.get(i);
      items.add(new Item(a.createdAt(), "approval", "approval_" + (i + 1), a.checkpointId()));
    }
  }

  /** From a jobpack that {@link JobpackVerifier} has passed. */
  public static Inspection ofJobpack(Path zip, JobpackVerifier.Verified verified) {
    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      JsonNode job = Json.parse(JsonlLines.strictUtf8(
          archive.readAll(JobpackEntries.JOB, JobpackVerifier.MAX_JSON_BYTES)));
      List<Item> items = new ArrayList<>();
      long[] counts = new long[3];
      read(archive, JobpackEntries.EVENTS, line -> {
        counts[0]++;
        items.add(new Item(Timestamps.parse(line.get("created_at").asString()), "event",
            line.get("event_id").asString(), line.get("type").asString()));
      });
      read(archive, JobpackEntries.CHECKPOINTS, line -> {
        counts[1]++;
        items.add(new Item(Timestamps.parse(line.get("created_at").asString()), "checkpoint",
            line.get("checkpoint_id").asString(),
            line.get("type").asString() + ":" + line.get("status").asString()));
      });
      read(archive, JobpackEntries.APPROVALS, line -> {
        counts[2]++;
        items.add(new Item(Timestamps.parse(line.get("created_at").asString()), "approval",
            "approval_" + counts[2], line.get("checkpoint_id").asString()));
      });
      items.sort(ORDER);
      return new Inspection(job.get("job_id").asString(), job.get("status").asString(), counts[0], counts[1],
          counts[2], List.copyOf(items), verified.missingArtifacts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void read(JobpackArchive archive, String name, java.util.function.Consumer<JsonNode> each)
      throws IOException {
    if (!archive.contains(name)) {
      return;
    }
    try (InputStream in = archive.open(name)) {
      JsonlLines.forEach(in, JobpackVerifier.MAX_LINE_BYTES, (n, text, problem) -> each.accept(Json.parse(text)));
    }
  }
}
