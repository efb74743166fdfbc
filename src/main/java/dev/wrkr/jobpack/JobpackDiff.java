package dev.wrkr.jobpack;

import dev.wrkr.codec.Json;
import dev.wrkr.jobpack.archive.JobpackArchive;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code wrkr job diff}: Wrkr's file-level comparison of two verified jobpacks (paths only in B
 * are added, only in A removed, different digests changed), and ours beyond it: events compared by
 * id on type, {@code executed} and payload, and checkpoints by id on type, status, summary,
 * reason codes, required action and artifact delta. Times, job ids and producer versions are not
 * compared: two runs of the same work differ in them by nature. All lists are sorted.
 */
public record JobpackDiff(
    String jobIdA,
    String jobIdB,
    List<String> added,
    List<String> removed,
    List<String> changed,
    Section events,
    Section checkpoints) {

  /** Ids only in B, only in A, and in both with different content. */
  public record Section(List<String> added, List<String> removed, List<String> changed) {}

  public static JobpackDiff of(Path a, JobpackVerifier.Verified va, Path b, JobpackVerifier.Verified vb) {
    Section files = compare(files(va.manifest()), files(vb.manifest()), Names.ORDER);
    Section events = compare(lines(a, JobpackEntries.EVENTS, "event_id", JobpackDiff::eventContent),
        lines(b, JobpackEntries.EVENTS, "event_id", JobpackDiff::eventContent), IdOrder.NUMERIC);
    Section checkpoints = compare(
        lines(a, JobpackEntries.CHECKPOINTS, "checkpoint_id", JobpackDiff::checkpointContent),
        lines(b, JobpackEntries.CHECKPOINTS, "checkpoint_id", JobpackDiff::checkpointContent), IdOrder.NUMERIC);
    return new JobpackDiff(va.jobId(), vb.jobId(), files.added(), files.removed(), files.changed(), events,
        checkpoints);
  }

  private static Map<String, String> files(JsonNode manifest) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode f : manifest.get("files")) {
      out.put(f.get("path").asString(), f.get("sha256").asString());
    }
    return out;
  }

  private static String eventContent(JsonNode e) {
    ObjectNode n = Json.wire().createObjectNode();
    n.set("type", e.get("type"));
    n.set("executed", e.get("executed"));
    n.set("payload", e.get("payload"));
    return dev.wrkr.codec.Canonical.canonicalString(n);
  }

  private static String checkpointContent(JsonNode c) {
    ObjectNode n = Json.wire().createObjectNode();
    for (String f : List.of("type", "status", "summary", "reason_codes", "required_action", "artifacts_delta")) {
      if (c.has(f)) {
        n.set(f, c.get(f));
      }
    }
    return dev.wrkr.codec.Canonical.canonicalString(n);
  }

  private static Map<String, String> lines(Path zip, String entry, String idField,
      java.util.function.Function<JsonNode, String> content) {
    Map<String, String> out = new TreeMap<>();
    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      if (!archive.contains(entry)) {
        return out;
      }
      try (InputStream in = archive.open(entry)) {
        JsonlLines.forEach(in, JobpackVerifier.MAX_LINE_BYTES, (n, text, problem) -> {
          JsonNode node = Json.parse(text);
          out.put(node.get(idField).asString(), content.apply(node));
        });
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static Section compare(Map<String, String> a, Map<String, String> b, java.util.Comparator<String> order) {
    TreeSet<String> added = new TreeSet<>(order);
    TreeSet<String> removed = new TreeSet<>(order);
    TreeSet<String> changed = new TreeSet<>(order);
    for (Map.Entry<String, String> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        added.add(e.getKey());
      } else if (!Objects.equals(a.get(e.getKey()), e.getValue())) {
        changed.add(e.getKey());
      }
    }
    for (String k : a.keySet()) {
      if (!b.containsKey(k)) {
        removed.add(k);
      }
    }
    return new Section(new ArrayList<>(added), new ArrayList<>(removed), new ArrayList<>(changed));
  }

  /** Orders {@code evt_9} before {@code evt_10}: ids by their number, then as text. */
  private enum IdOrder {
    ;
    static final java.util.Comparator<String> NUMERIC = java.util.Comparator
        .comparingLong(IdOrder::number).thenComparing(java.util.Comparator.naturalOrder());

    private static long number(String id) {
      int u = id.lastIndexOf('_');
      try {
        return Long.parseLong(id.substring(u + 1));
      } catch (NumberFormatException e) {
        return Long.MAX_VALUE;
      }
    }
  }
}
