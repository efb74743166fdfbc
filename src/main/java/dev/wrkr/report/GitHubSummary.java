package dev.wrkr.report;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import java.time.Instant;
import java.util.Objects;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wrkr.github_summary} (reference §8.1): a jobpack summarized for a GitHub step summary.
 * Every field comes from the jobpack (and the producing wrkr version), never the clock, so the
 * same jobpack gives the same bytes.
 *
 * @param createdAt the jobpack manifest's {@code created_at}
 * @param markdown the summary markdown, trimmed (no trailing newline)
 */
public record GitHubSummary(
    Instant createdAt,
    String producerVersion,
    String jobId,
    String status,
    Acceptance acceptance,
    ArtifactDelta artifactDelta,
    String markdown) {
  public static final String SCHEMA_ID = "wrkr.github_summary";

  public GitHubSummary {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(acceptance, "acceptance");
    Objects.requireNonNull(artifactDelta, "artifactDelta");
  }

  /** The acceptance counts; {@code failed} is true when the accept result lists any failure. */
  public record Acceptance(long checksRun, long checksPassed, boolean failed) {}

  /** Counts of unique non-blank artifact paths added, changed and removed over all checkpoints. */
  public record ArtifactDelta(int added, int changed, int removed) {}

  /** The document as a JSON tree, fields in Wrkr's declaration order. */
  public ObjectNode toJson() {
    ObjectNode n = Json.document(SCHEMA_ID, createdAt, producerVersion, jobId);
    n.put("status", status);
    n.putObject("acceptance").put("checks_run", acceptance.checksRun())
        .put("checks_passed", acceptance.checksPassed()).put("failed", acceptance.failed());
    n.putObject("artifact_delta").put("added", artifactDelta.added()).put("changed", artifactDelta.changed())
        .put("removed", artifactDelta.removed());
    n.put("markdown", markdown);
    return n;
  }

  /**
   * The canonical (RFC 8785) bytes written to {@code github_summary_<job>.json}, after checking
   * the document against its schema.
   *
   * @throws dev.wrkr.schema.SchemaValidationException when it does not match (a bug, not input)
   */
  public byte[] canonicalJson(Schemas schemas) {
    ObjectNode n = toJson();
    schemas.requireValid(SchemaId.GITHUB_SUMMARY, n, "summary");
    return Canonical.canonicalize(n);
  }
}
