package dev.wrkr.jobpack;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Digests;
import dev.wrkr.codec.Json;
import dev.wrkr.codec.Timestamps;
import java.time.Instant;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code manifest.json} (reference §6.2): every other entry's sha256, sorted by path, and the
 * manifest's own digest: sha256 of its canonical form with {@code manifest_sha256} set to 64 zeros.
 */
final class Manifests {
  static final String ZERO = "0".repeat(64);

  private Manifests() {}

  static ObjectNode build(String jobId, Instant createdAt, String producerVersion, Map<String, String> files) {
    ObjectNode m = Json.wire().createObjectNode();
    m.put("schema_id", "wrkr.jobpack_manifest");
    m.put("schema_version", "v1");
    m.put("created_at", Timestamps.format(createdAt));
    m.put("producer_version", producerVersion);
    m.put("job_id", jobId);
    m.put("manifest_sha256", ZERO);
    ArrayNode list = m.putArray("files");
    files.entrySet().stream()
        .sorted((a, b) -> Names.ORDER.compare(a.getKey(), b.getKey()))
        .forEach(e -> list.addObject().put("path", e.getKey()).put("sha256", e.getValue()));
    m.put("manifest_sha256", digest(m));
    return m;
  }

  /** The digest a manifest must carry: its canonical form with the digest field zeroed. */
  static String digest(JsonNode manifest) {
    ObjectNode copy = ((ObjectNode) manifest).deepCopy();
    copy.put("manifest_sha256", ZERO);
    return Digests.sha256Hex(Canonical.canonicalize(copy));
  }
}
