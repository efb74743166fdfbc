package dev.wrkr.schema;

import java.util.Arrays;
import java.util.Optional;

/**
 * The document schemas of wrkr v1: each document's {@code schema_id} value and the schema's path
 * under {@code https://wrkr.dev/schemas/v1/}, the same ids and paths as Wrkr's, so documents and
 * schemas move between the two.
 */
public enum SchemaId {
  JOBSPEC("wrkr.jobspec", "jobspec/jobspec.schema.json"),
  ENVIRONMENT_FINGERPRINT(
      "wrkr.environment_fingerprint",
      "environment_fingerprint/environment_fingerprint.schema.json"),
  LEASE("wrkr.lease", "lease/lease.schema.json"),
  CHECKPOINT("wrkr.checkpoint", "checkpoint/checkpoint.schema.json"),
  APPROVAL_RECORD("wrkr.approval_record", "checkpoint/approval_record.schema.json"),
  JOBPACK_MANIFEST("wrkr.jobpack_manifest", "jobpack/manifest.schema.json"),
  JOB("wrkr.job", "jobpack/job.schema.json"),
  EVENT("wrkr.event", "jobpack/event.schema.json"),
  ARTIFACTS_MANIFEST("wrkr.artifacts_manifest", "jobpack/artifacts_manifest.schema.json"),
  ACCEPT_RESULT("wrkr.accept_result", "accept/accept_result.schema.json"),
  STATUS_RESPONSE("wrkr.status_response", "status/status_response.schema.json"),
  WORK_ITEM("wrkr.work_item", "bridge/work_item.schema.json"),
  GITHUB_SUMMARY("wrkr.github_summary", "report/github_summary.schema.json"),
  ERROR_ENVELOPE("wrkr.error_envelope", "serve/error_envelope.schema.json"),
  /** Ours: a jobpack's {@code job_metadata.json}. */
  JOB_METADATA("wrkr.job_metadata", "jobpack/job_metadata.schema.json"),
  /** Ours: a jobpack's {@code artifacts_index.json}. */
  ARTIFACTS_INDEX("wrkr.artifacts_index", "jobpack/artifacts_index.schema.json");

  /** Base of every schema's {@code $id}; {@code $ref}s under it resolve to bundled copies. */
  public static final String BASE_URI = "https://wrkr.dev/schemas/v1/";

  private final String value;
  private final String path;

  SchemaId(String value, String path) {
    this.value = value;
    this.path = path;
  }

  /** The {@code schema_id} a document of this kind carries, e.g. {@code wrkr.jobspec}. */
  public String value() {
    return value;
  }

  /** The schema's path relative to {@link #BASE_URI}, e.g. {@code jobspec/jobspec.schema.json}. */
  public String path() {
    return path;
  }

  /** The schema's {@code $id}. */
  public String uri() {
    return BASE_URI + path;
  }

  /** The schema for a document's {@code schema_id} value, if it is one of ours. */
  public static Optional<SchemaId> byValue(String schemaId) {
    return Arrays.stream(values()).filter(id -> id.value.equals(schemaId)).findFirst();
  }
}
