package dev.wrkr.dispatch;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * Usage a step reports: if it writes {@code {"tokens":…, "estimated_cost":…, "tool_calls":…}}
 * (any subset) to the file named by {@code WRKR_STEP_USAGE_FILE}, the runner adds it to the job's
 * counters and budgets see it. A file that is not such JSON fails the step's recording with
 * {@code E_ADAPTER_FAIL}: usage is never guessed.
 */
final class StepUsageFile {
  static final long MAX_BYTES = 64 * 1024;

  StepBatches.StepUsage read(Path file) {
    if (!Files.isRegularFile(file)) {
      return StepBatches.StepUsage.NONE;
    }
    try {
      if (Files.size(file) > MAX_BYTES) {
        throw bad(file, "larger than " + MAX_BYTES + " bytes");
      }
      JsonNode node = Json.parse(Files.readAllBytes(file));
      long tokens = count(node, "tokens", file);
      long tools = count(node, "tool_calls", file);
      double cost = node.has("estimated_cost") ? node.get("estimated_cost").asDouble(-1) : 0;
      if (!(cost >= 0) || Double.isInfinite(cost)) {
        throw bad(file, "estimated_cost must be a number >= 0");
      }
      return new StepBatches.StepUsage(tools, tokens, cost);
    } catch (IOException e) {
      throw bad(file, e.getMessage());
    } catch (WrkrException e) {
      if (e.code() == ReasonCode.E_ADAPTER_FAIL) {
        throw e;
      }
      throw bad(file, e.getMessage());
    }
  }

  private static long count(JsonNode node, String field, Path file) {
    if (!node.has(field)) {
      return 0;
    }
    JsonNode v = node.get(field);
    if (!v.canConvertToLong() || !v.isIntegralNumber() || v.asLong() < 0) {
      throw bad(file, field + " must be a whole number >= 0");
    }
    return v.asLong();
  }

  private static WrkrException bad(Path file, String why) {
    return new WrkrException(ReasonCode.E_ADAPTER_FAIL, "step wrote an unreadable usage file: " + why,
        Map.of("usage_file", file.toString()));
  }
}
