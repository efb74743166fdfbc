package dev.wrkr.sign;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.sign.SignatureInvalidException.Reason;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The signed payload: "the jobpack of this job has this manifest digest". */
record SignatureStatement(JobId jobId, String manifestSha256) {
  static final String SCHEMA_ID = "wrkr.jobpack_signature_statement";
  static final String SCHEMA_VERSION = "v1";

  private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
  private static final Set<String> FIELDS = Set.of("schema_id", "schema_version", "job_id", "manifest_sha256");

  SignatureStatement {
    requireDigest(manifestSha256, "manifestSha256");
  }

  /**
   * @throws IllegalArgumentException when {@code digest} is not 64 lower-case hex characters
   */
  static String requireDigest(String digest, String name) {
    if (digest == null || !SHA256_HEX.matcher(digest).matches()) {
      throw new IllegalArgumentException(name + " must be a sha256 digest: 64 lower-case hex characters");
    }
    return digest;
  }

  /** The RFC 8785 canonical JSON of the statement: the DSSE payload. */
  byte[] canonicalBytes() {
    ObjectNode tree = Json.wire().createObjectNode();
    tree.put("schema_id", SCHEMA_ID);
    tree.put("schema_version", SCHEMA_VERSION);
    tree.put("job_id", jobId.value());
    tree.put("manifest_sha256", manifestSha256);
    return Canonical.canonicalize(tree);
  }

  /**
   * Reads a payload back: strict JSON, exactly the four fields, this schema and version.
   *
   * @throws SignatureInvalidException {@link Reason#MALFORMED_STATEMENT} otherwise
   */
  static SignatureStatement parse(byte[] payload) {
    JsonNode tree;
    try {
      tree = Json.parse(payload);
    } catch (WrkrException e) {
      throw malformed("the payload is not JSON: " + e.getMessage());
    }
    if (!tree.isObject() || !Set.copyOf(tree.propertyNames()).equals(FIELDS)) {
      throw malformed("the payload must be an object with exactly the fields " + FIELDS.stream().sorted().toList());
    }
    if (!SCHEMA_ID.equals(string(tree, "schema_id")) || !SCHEMA_VERSION.equals(string(tree, "schema_version"))) {
      throw malformed("the payload is not a " + SCHEMA_ID + " " + SCHEMA_VERSION);
    }
    try {
      return new SignatureStatement(new JobId(string(tree, "job_id")), string(tree, "manifest_sha256"));
    } catch (WrkrException | IllegalArgumentException e) {
      throw malformed("the payload's job_id or manifest_sha256 is not valid: " + e.getMessage());
    }
  }

  private static String string(JsonNode tree, String field) {
    JsonNode value = tree.get(field);
    if (!value.isString()) {
      throw malformed("the payload's " + field + " must be a string");
    }
    return value.stringValue();
  }

  private static SignatureInvalidException malformed(String problem) {
    return new SignatureInvalidException(Reason.MALFORMED_STATEMENT, "malformed jobpack signature statement: " + problem,
        Map.of());
  }
}
