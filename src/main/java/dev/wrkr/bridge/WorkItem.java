package dev.wrkr.bridge;

import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import dev.wrkr.codec.Utf8Order;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wrkr.work_item} (reference §8.2): a blocked or decision-needed checkpoint as a ticket
 * payload, with the commands that move the job on. Built from the checkpoint alone, so the same
 * checkpoint always gives the same payload ({@code created_at} is the checkpoint's time).
 *
 * @param artifactPointers the unique sorted union of the checkpoint's added, changed and removed
 *     paths; left out of the JSON when empty
 */
public record WorkItem(
    Instant createdAt,
    String producerVersion,
    String jobId,
    String checkpointId,
    String checkpointType,
    String requiredAction,
    List<String> reasonCodes,
    List<String> artifactPointers,
    List<String> nextCommands) {
  public static final String SCHEMA_ID = "wrkr.work_item";
  static final String DECISION = "decision-needed";
  static final String BLOCKED = "blocked";

  public WorkItem {
    reasonCodes = List.copyOf(reasonCodes);
    artifactPointers = List.copyOf(artifactPointers);
    nextCommands = List.copyOf(nextCommands);
  }

  /**
   * The work item of {@code cp}.
   *
   * @throws WrkrException {@code E_INVALID_INPUT_SCHEMA} "checkpoint type must be blocked or
   *     decision-needed" {@code {type}} for any other checkpoint
   */
  public static WorkItem of(Checkpoint cp, String producerVersion) {
    if (!DECISION.equals(cp.type()) && !BLOCKED.equals(cp.type())) {
      throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
          "checkpoint type must be blocked or decision-needed", Map.of("type", cp.type()));
    }
    JobEvent.ArtifactsDelta d = cp.artifactsDelta();
    List<String> all = new ArrayList<>(d.added());
    all.addAll(d.changed());
    all.addAll(d.removed());
    return new WorkItem(cp.createdAt(), producerVersion, cp.jobId(), cp.checkpointId(), cp.type(),
        requiredAction(cp), uniqueSorted(cp.reasonCodes()), uniqueSorted(all), nextCommands(cp));
  }

  private static String requiredAction(Checkpoint cp) {
    if (cp.requiredAction().isPresent()) {
      JobEvent.RequiredAction a = cp.requiredAction().get();
      String kind = a.kind().map(String::strip).orElse("");
      if (!kind.isEmpty()) {
        return kind;
      }
      String instructions = a.instructions().map(String::strip).orElse("");
      if (!instructions.isEmpty()) {
        return instructions;
      }
    }
    return DECISION.equals(cp.type()) ? "approval" : "resume";
  }

  private static List<String> nextCommands(Checkpoint cp) {
    String job = cp.jobId().strip();
    List<String> out = new ArrayList<>();
    if (DECISION.equals(cp.type())) {
      out.add("wrkr approve " + job + " --checkpoint " + cp.checkpointId() + " --reason \"approved\"");
    }
    out.add("wrkr resume " + job);
    out.add("wrkr export " + job);
    out.add("wrkr accept run " + job + " --json");
    return out;
  }

  /** Trimmed, non-blank, unique, in Go's byte order. */
  private static List<String> uniqueSorted(List<String> values) {
    Set<String> seen = new LinkedHashSet<>();
    for (String v : values) {
      if (!v.strip().isEmpty()) {
        seen.add(v.strip());
      }
    }
    List<String> out = new ArrayList<>(seen);
    out.sort(Utf8Order.COMPARATOR);
    return out;
  }

  /** The payload as a JSON tree, fields in Wrkr's order; {@code artifact_pointers} only when non-empty. */
  public ObjectNode toJson() {
    ObjectNode n = Json.document(SCHEMA_ID, createdAt, producerVersion, jobId);
    n.put("checkpoint_id", checkpointId);
    n.put("checkpoint_type", checkpointType);
    n.put("required_action", requiredAction);
    reasonCodes.forEach(n.putArray("reason_codes")::add);
    if (!artifactPointers.isEmpty()) {
      artifactPointers.forEach(n.putArray("artifact_pointers")::add);
    }
    nextCommands.forEach(n.putArray("next_commands")::add);
    return n;
  }

  /**
   * The canonical (RFC 8785) bytes of {@code work_item_<job>_<cp>.json}, after checking the
   * payload against its schema.
   */
  public byte[] canonicalJson(Schemas schemas) {
    ObjectNode n = toJson();
    schemas.requireValid(SchemaId.WORK_ITEM, n, "work-item");
    return Canonical.canonicalize(n);
  }
}
