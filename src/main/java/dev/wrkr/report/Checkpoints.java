package dev.wrkr.report;

import dev.wrkr.codec.Timestamps;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/** Which checkpoint of a jobpack is the latest (reference §8.1), and Go's string order. */
final class Checkpoints {
  /** Go's {@code sort.Strings}: by UTF-8 bytes, which differs from UTF-16 order above the BMP. */
  static final Comparator<String> UTF8_ORDER = dev.wrkr.codec.Utf8Order.COMPARATOR;

  private Checkpoints() {}

  /**
   * The trimmed summary of the checkpoint with the greatest {@code created_at}; at the same
   * instant the higher {@code cp_N} wins, an ordinal id beats a non-ordinal one, and two
   * non-ordinal ids go by string order. {@code (none)} without checkpoints.
   */
  static String latestSummary(List<JsonNode> checkpoints) {
    if (checkpoints.isEmpty()) {
      return "(none)";
    }
    JsonNode latest = checkpoints.get(0);
    for (JsonNode cp : checkpoints.subList(1, checkpoints.size())) {
      if (later(cp, latest)) {
        latest = cp;
      }
    }
    return latest.get("summary").asString().strip();
  }

  private static boolean later(JsonNode cp, JsonNode latest) {
    int byTime = at(cp).compareTo(at(latest));
    if (byTime != 0) {
      return byTime > 0;
    }
    String a = cp.get("checkpoint_id").asString();
    String b = latest.get("checkpoint_id").asString();
    OptionalLong oa = ordinal(a);
    OptionalLong ob = ordinal(b);
    if (oa.isPresent() && ob.isPresent()) {
      return oa.getAsLong() > ob.getAsLong();
    }
    if (oa.isPresent() || ob.isPresent()) {
      return oa.isPresent();
    }
    return UTF8_ORDER.compare(a, b) > 0;
  }

  private static Instant at(JsonNode cp) {
    return Timestamps.parse(cp.get("created_at").asString());
  }

  /** N of {@code cp_N} when N is a positive integer that fits a long. */
  static OptionalLong ordinal(String id) {
    if (!id.startsWith("cp_")) {
      return OptionalLong.empty();
    }
    try {
      long v = Long.parseLong(id.substring(3));
      return v > 0 ? OptionalLong.of(v) : OptionalLong.empty();
    } catch (NumberFormatException e) {
      return OptionalLong.empty();
    }
  }
}
