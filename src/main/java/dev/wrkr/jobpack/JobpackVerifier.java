package dev.wrkr.jobpack;

import dev.wrkr.codec.Json;
import dev.wrkr.codec.JsonFormatException;
import dev.wrkr.codec.Sha256;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.jobpack.archive.JobpackArchive;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.SchemaViolation;
import dev.wrkr.schema.Schemas;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wrkr verify}: Wrkr's checks in Wrkr's order (reference §6.5) — manifest schema, manifest
 * digest, every listed file's digest, no undeclared entry, then the schema of every known entry
 * and every JSONL line — on a bounded, hostile-input-safe reading of the archive. Entries of ours
 * ({@code job_metadata.json}, {@code artifacts_index.json}, {@code jobspec.json}) are checked
 * against our schemas too. Reads only: nothing is written anywhere.
 */
public final class JobpackVerifier {
  /** Longest JSON document or JSONL line read into memory (manifest, job.json, one event). */
  static final long MAX_JSON_BYTES = 64L * 1024 * 1024;
  static final int MAX_LINE_BYTES = 4 * 1024 * 1024;
  private static final int BUFFER = 256 * 1024;

  private final Schemas schemas;

  public JobpackVerifier(Schemas schemas) {
    this.schemas = schemas;
  }

  /** What a passing verify found. {@code missingArtifacts} come from our artifacts index. */
  public record Verified(String jobId, String manifestSha256, int filesVerified, List<String> missingArtifacts,
      JsonNode manifest) {}

  public Verified verify(Path zip) {
    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      return verify(archive);
    } catch (IOException e) {
      throw new WrkrException(ReasonCode.E_JOBPACK_INVALID, "cannot read jobpack " + zip + ": " + e.getMessage(),
          Map.of("path", zip.toString(), "kind", "unreadable"), e);
    }
  }

  private Verified verify(JobpackArchive archive) throws IOException {
    if (!archive.contains(JobpackEntries.MANIFEST)) {
      throw mismatch("manifest.json missing", Map.of("path", JobpackEntries.MANIFEST));
    }
    JsonNode manifest = json(archive, JobpackEntries.MANIFEST, "manifest schema invalid");
    requireSchema(SchemaId.JOBPACK_MANIFEST, manifest, "manifest schema invalid");
    String expected = Manifests.digest(goNormalized(manifest));
    String actual = manifest.get("manifest_sha256").asString();
    if (!expected.equals(actual)) {
      throw mismatch("manifest_sha256 mismatch", ordered("expected", expected, "actual", actual));
    }
    // The two JSONL entries are parsed and validated line by line on a second thread while this
    // one hashes every file; their outcomes are taken below in Wrkr's order (hashes first).
    Background<Void> events = Background.start("wrkr-verify-events", stop -> lines(archive, JobpackEntries.EVENTS,
        SchemaId.EVENT, "event schema invalid", stop));
    Background<Void> checkpoints = Background.start("wrkr-verify-checkpoints", stop -> lines(archive,
        JobpackEntries.CHECKPOINTS, SchemaId.CHECKPOINT, "checkpoint schema invalid", stop));
    try {
      return verify(archive, manifest, actual, events, checkpoints);
    } finally {
      events.stop();
      checkpoints.stop();
    }
  }

  private Verified verify(JobpackArchive archive, JsonNode manifest, String actual, Background<Void> events,
      Background<Void> checkpoints) throws IOException {
    Set<String> declared = new HashSet<>();
    int files = 0;
    for (JsonNode file : manifest.get("files")) {
      String path = file.get("path").asString();
      declared.add(path);
      files++;
      if (!archive.contains(path)) {
        throw mismatch("manifest references missing file", Map.of("path", path));
      }
      String digest = sha256(archive, path);
      String listed = file.get("sha256").asString();
      if (!digest.equals(listed)) {
        throw mismatch("file hash mismatch", ordered("path", path, "expected", listed, "actual", digest));
      }
    }
    for (String name : archive.names()) {
      if (!name.equals(JobpackEntries.MANIFEST) && !declared.contains(name)) {
        throw mismatch("archive contains undeclared file", Map.of("path", name));
      }
    }
    document(archive, JobpackEntries.JOB, SchemaId.JOB, "job schema invalid");
    document(archive, JobpackEntries.ARTIFACTS_MANIFEST, SchemaId.ARTIFACTS_MANIFEST,
        "artifacts_manifest schema invalid");
    document(archive, JobpackEntries.ACCEPT_RESULT, SchemaId.ACCEPT_RESULT, "accept_result schema invalid");
    events.result();
    checkpoints.result();
    lines(archive, JobpackEntries.APPROVALS, SchemaId.APPROVAL_RECORD, "approval schema invalid", () -> false);
    document(archive, JobpackEntries.JOB_METADATA, SchemaId.JOB_METADATA, "job_metadata schema invalid");
    JsonNode index = document(archive, JobpackEntries.ARTIFACTS_INDEX, SchemaId.ARTIFACTS_INDEX,
        "artifacts_index schema invalid");
    document(archive, JobpackEntries.JOBSPEC, SchemaId.JOBSPEC, "jobspec schema invalid");
    List<String> missing = new ArrayList<>();
    if (index != null) {
      for (JsonNode a : index.get("artifacts")) {
        if (!a.get("status").asString().equals("present")) {
          missing.add(a.get("path").asString());
        }
      }
    }
    return new Verified(manifest.get("job_id").asString(), actual, files, List.copyOf(missing), manifest);
  }

  /**
   * The manifest as Wrkr hashes it: Wrkr decodes it into a struct and encodes it again, so its
   * {@code created_at} is hashed in Go's RFC 3339 form whatever the file spelled.
   */
  private static JsonNode goNormalized(JsonNode manifest) {
    ObjectNode copy = ((ObjectNode) manifest).deepCopy();
    try {
      copy.put("created_at", Timestamps.format(Timestamps.parse(copy.get("created_at").asString())));
    } catch (RuntimeException e) {
      // not a time Go could have decoded: leave it, the digest will not match
    }
    return copy;
  }

  private JsonNode document(JobpackArchive archive, String name, SchemaId schema, String message)
      throws IOException {
    if (!archive.contains(name)) {
      return null;
    }
    JsonNode doc = json(archive, name, message);
    requireSchema(schema, doc, message);
    return doc;
  }

  private Void lines(JobpackArchive archive, String name, SchemaId schema, String message, BooleanSupplier stop)
      throws IOException {
    if (!archive.contains(name)) {
      return null;
    }
    try (InputStream in = archive.open(name)) {
      JsonlLines.forEach(in, MAX_LINE_BYTES, (number, line, problem) -> {
        if (stop.getAsBoolean()) {
          throw new CancellationException("verify stopped");
        }
        if (problem != null) {
          throw invalid(message, ordered("line", number, "error", problem));
        }
        JsonNode node;
        try {
          node = Json.parse(line);
        } catch (JsonFormatException | IllegalArgumentException e) {
          throw invalid(message, ordered("line", number, "error", "not JSON: " + e.getMessage()));
        }
        List<SchemaViolation> violations = schemas.validate(schema, node);
        if (!violations.isEmpty()) {
          throw invalid(message, ordered("line", number, "error", describe(violations)));
        }
      });
    }
    return null;
  }

  private JsonNode json(JobpackArchive archive, String name, String message) {
    byte[] bytes = archive.readAll(name, MAX_JSON_BYTES);
    try {
      return Json.parse(JsonlLines.strictUtf8(bytes));
    } catch (RuntimeException e) {
      throw invalid(message, Map.of("error", name + " is not JSON: " + e.getMessage()));
    }
  }

  private void requireSchema(SchemaId schema, JsonNode doc, String message) {
    List<SchemaViolation> violations = schemas.validate(schema, doc);
    if (!violations.isEmpty()) {
      throw invalid(message, Map.of("error", describe(violations)));
    }
  }

  private static String describe(List<SchemaViolation> violations) {
    SchemaViolation first = violations.get(0);
    return (first.path().isEmpty() ? "" : first.path() + ": ") + first.message()
        + (violations.size() > 1 ? " (and " + (violations.size() - 1) + " more)" : "");
  }

  private static String sha256(JobpackArchive archive, String name) throws IOException {
    Sha256 sha = Sha256.create();
    byte[] buf = new byte[BUFFER];
    try (InputStream in = archive.open(name)) {
      for (int n; (n = in.read(buf)) >= 0; ) {
        sha.update(buf, 0, n);
      }
    }
    return sha.hex();
  }

  private static Map<String, Object> ordered(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  private static WrkrException mismatch(String message, Map<String, ?> details) {
    return new WrkrException(ReasonCode.E_VERIFY_HASH_MISMATCH, message, details);
  }

  private static WrkrException invalid(String message, Map<String, ?> details) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, message, details);
  }
}
