package dev.wrkr.jobpack;

import dev.wrkr.budget.Usage;
import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.CanonicalText;
import dev.wrkr.codec.Json;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.job.JobState;
import dev.wrkr.store.StoredEvent;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON entries of a jobpack, each the canonical (RFC 8785) bytes of its record. The entries
 * Wrkr's verify knows keep exactly Wrkr's fields; what we add travels in entries of our own
 * ({@code job_metadata.json}, {@code artifacts_index.json}, {@code jobspec.json}).
 */
final class JobpackEntries {
  static final String MANIFEST = "manifest.json";
  static final String JOB = "job.json";
  static final String EVENTS = "events.jsonl";
  static final String CHECKPOINTS = "checkpoints.jsonl";
  static final String APPROVALS = "approvals.jsonl";
  static final String ARTIFACTS_MANIFEST = "artifacts_manifest.json";
  static final String ACCEPT_RESULT = "accept/accept_result.json";
  static final String ARTIFACTS_INDEX = "artifacts_index.json";
  static final String JOB_METADATA = "job_metadata.json";
  static final String JOBSPEC = "jobspec.json";
  static final String RAW_PREFIX = "artifacts/";

  private final JobFacts facts;
  private final String producerVersion;
  private final String createdAt;

  JobpackEntries(JobFacts facts, String producerVersion) {
    this.facts = facts;
    this.producerVersion = producerVersion;
    this.createdAt = Timestamps.format(facts.lastEventAt());
  }

  private ObjectNode envelope(String schemaId) {
    return Json.document(schemaId, facts.lastEventAt(), producerVersion, facts.jobId().value());
  }

  /** {@code job.json}: Wrkr's fields only. */
  byte[] job() {
    JobState s = facts.state();
    ObjectNode n = envelope("wrkr.job");
    n.put("name", facts.jobId().value());
    n.put("status", s.status().wire());
    n.putObject("budgets").put("retry_count", s.retryCount()).put("step_count", s.stepCount())
        .put("tool_call_count", s.toolCallCount());
    return Canonical.canonicalize(n);
  }

  /** One line of {@code events.jsonl} (without its newline). */
  static byte[] eventLine(StoredEvent e, String producerVersion) {
    byte[] copied = copiedEventLine(e, producerVersion);
    return copied != null ? copied : parsedEventLine(e, producerVersion);
  }

  /**
   * The line written around the stored payload's own text, when that text is canonical (as the
   * ledger stores it) and the envelope's strings need no escaping: the bytes {@link
   * #parsedEventLine} would produce, without a parse and a re-serialisation per event. Null when
   * the general path must decide.
   */
  static byte[] copiedEventLine(StoredEvent e, String producerVersion) {
    String payload = e.payloadJson();
    int executed = CanonicalText.scanObject(payload, "executed");
    String createdAt = Timestamps.format(e.createdAt());
    String job = e.jobId().value();
    if (executed == CanonicalText.NOT_CANONICAL || !CanonicalText.isPlainString(createdAt)
        || !CanonicalText.isPlainString(job) || !CanonicalText.isPlainString(e.type())
        || !CanonicalText.isPlainString(producerVersion)) {
      return null;
    }
    // Members in canonical order: created_at, event_id, executed, job_id, payload,
    // producer_version, schema_id, schema_version, type.
    StringBuilder b = new StringBuilder(payload.length() + 192 + producerVersion.length());
    b.append("{\"created_at\":\"").append(createdAt)
        .append("\",\"event_id\":\"evt_").append(e.seq())
        .append("\",\"executed\":").append(executed != CanonicalText.FALSE)
        .append(",\"job_id\":\"").append(job)
        .append("\",\"payload\":").append(payload)
        .append(",\"producer_version\":\"").append(producerVersion)
        .append("\",\"schema_id\":\"wrkr.event\",\"schema_version\":\"v1\",\"type\":\"").append(e.type())
        .append("\"}");
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** The line built as a tree from the parsed payload and canonicalized: any stored payload. */
  static byte[] parsedEventLine(StoredEvent e, String producerVersion) {
    JsonNode payload = Json.parse(e.payloadJson());
    ObjectNode n = Json.wire().createObjectNode();
    n.put("schema_id", "wrkr.event");
    n.put("schema_version", "v1");
    n.put("created_at", Timestamps.format(e.createdAt()));
    n.put("producer_version", producerVersion);
    n.put("event_id", "evt_" + e.seq());
    n.put("job_id", e.jobId().value());
    n.put("type", e.type());
    JsonNode executed = payload.isObject() ? payload.get("executed") : null;
    n.put("executed", executed == null || !executed.isBoolean() || executed.asBoolean());
    if (payload.isObject()) {
      n.set("payload", payload);
    } else if (payload.isNull()) {
      n.putObject("payload");
    } else {
      n.putObject("payload").set("value", payload);
    }
    return Canonical.canonicalize(n);
  }

  /** {@code checkpoints.jsonl}. */
  static byte[] checkpoints(List<Checkpoint> checkpoints) {
    return lines(checkpoints);
  }

  /** {@code approvals.jsonl}. */
  static byte[] approvals(List<ApprovalRecord> approvals) {
    return lines(approvals);
  }

  private static byte[] lines(List<?> items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Object item : items) {
      out.writeBytes(Canonical.canonicalize(item));
      out.write('\n');
    }
    return out.toByteArray();
  }

  /**
   * {@code artifacts_manifest.json}: Wrkr's shape, listing only artifacts whose real content was
   * digested; missing ones are in {@link #artifactsIndex}, never given a placeholder hash.
   */
  byte[] artifactsManifest(boolean raw, List<JobpackExporter.ArtifactCapture> captures) {
    Map<String, JobpackExporter.ArtifactCapture> byPath = byPath(captures);
    ObjectNode n = envelope("wrkr.artifacts_manifest");
    n.put("capture_mode", raw ? "raw" : "reference-only");
    ArrayNode list = n.putArray("artifacts");
    for (JobFacts.RecordedArtifact a : facts.artifacts().values()) {
      if (!a.present()) {
        continue;
      }
      ObjectNode item = list.addObject().put("path", a.path()).put("sha256", a.record().get().sha256().get());
      JobpackExporter.ArtifactCapture c = byPath.get(a.path());
      if (c != null && c.copied().isPresent()) {
        item.put("redacted", c.copied().get().redactions() > 0);
      }
    }
    return Canonical.canonicalize(n);
  }

  /** {@code artifacts_index.json} (ours): every declared artifact, what was found, what was captured. */
  byte[] artifactsIndex(boolean raw, List<JobpackExporter.ArtifactCapture> captures) {
    Map<String, JobpackExporter.ArtifactCapture> byPath = byPath(captures);
    ObjectNode n = envelope("wrkr.artifacts_index");
    n.put("capture_mode", raw ? "raw" : "reference-only");
    ArrayNode list = n.putArray("artifacts");
    for (JobFacts.RecordedArtifact a : facts.artifacts().values()) {
      ObjectNode item = list.addObject().put("path", a.path()).put("status", a.status());
      a.record().flatMap(r -> r.sha256()).ifPresent(h -> item.put("sha256", h));
      a.record().flatMap(r -> r.size()).ifPresent(z -> item.put("size", z));
      if (a.recordedSeq() > 0) {
        item.put("recorded_by", "evt_" + a.recordedSeq());
      }
      JobpackExporter.ArtifactCapture c = byPath.get(a.path());
      if (c != null) {
        item.put("capture", c.note());
        c.copied().ifPresent(k -> {
          item.put("entry", JobpackEntries.RAW_PREFIX + a.path());
          item.put("entry_sha256", k.entrySha256());
          item.put("captured_sha256", k.fileSha256());
          item.put("binary", k.binary());
          item.put("redactions", k.redactions());
        });
      }
    }
    return Canonical.canonicalize(n);
  }

  private static Map<String, JobpackExporter.ArtifactCapture> byPath(List<JobpackExporter.ArtifactCapture> cs) {
    return cs.stream().collect(Collectors.toMap(JobpackExporter.ArtifactCapture::path, c -> c, (a, b) -> a));
  }

  /**
   * {@code job_metadata.json} (ours): what a reviewer needs without the store: objective, adapter,
   * budgets and usage, environment fingerprint, final cursor and counts.
   */
  byte[] metadata(boolean raw) {
    JobState s = facts.state();
    ObjectNode n = envelope("wrkr.job_metadata");
    n.put("status", s.status().wire());
    facts.submission().ifPresent(sub -> {
      n.put("spec_name", sub.specName());
      n.put("objective", sub.objective());
      n.put("adapter", sub.adapter());
    });
    s.startedAt().ifPresent(t -> n.put("started_at", Timestamps.format(t)));
    n.put("last_event_at", createdAt);
    n.put("event_count", facts.eventCount());
    n.put("last_seq", s.lastAppliedSeq());
    n.put("checkpoint_count", facts.checkpoints().size());
    n.put("approval_count", facts.approvals().size());
    n.put("next_step_index", s.nextStepIndex());
    n.set("budgets", Json.tree(s.budgets()));
    Usage u = s.usage(facts.lastEventAt());
    n.set("usage", Json.tree(u));
    s.envFingerprint().ifPresent(fp -> n.set("env_fingerprint", Json.tree(fp)));
    s.lastCheckpoint().ifPresent(cp -> n.put("last_checkpoint", cp.id()));
    n.putArray("last_reason_codes").addAll(s.lastReasonCodes().stream()
        .map(c -> (JsonNode) Json.wire().getNodeFactory().stringNode(c)).toList());
    n.put("capture_mode", raw ? "raw" : "reference-only");
    n.put("artifacts_missing", facts.artifacts().values().stream().filter(a -> !a.present()).count());
    return Canonical.canonicalize(n);
  }
}
