package dev.wrkr.spec;

import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.envfp.EnvRules;
import dev.wrkr.failure.WrkrException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Reads the typed values of a JobSpec that passed its schema: the schema has settled the types,
 * this class applies the rules the schema cannot express (ranges of Java types, RFC 3339, known
 * fingerprint rules, artifact paths).
 */
final class SpecValues {
  private SpecValues() {}

  /** A member, with an explicit null counted as absent. */
  static Optional<JsonNode> present(JsonNode parent, String key) {
    JsonNode value = parent.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  static Optional<Instant> createdAt(JsonNode doc) {
    return present(doc, "created_at").map(value -> {
      try {
        return Timestamps.parse(value.stringValue());
      } catch (WrkrException e) {
        throw Problem.at("/created_at", "/created_at must be an RFC 3339 time such as 2026-02-13T00:00:00Z");
      }
    });
  }

  static Budgets budgets(JsonNode doc) {
    JsonNode b = doc.get("budgets");
    return new Budgets(
        integer(b, "/budgets", "max_wall_time_seconds").orElse(0L),
        integer(b, "/budgets", "max_retries").orElse(0L),
        integer(b, "/budgets", "max_step_count").orElse(0L),
        integer(b, "/budgets", "max_tool_calls").orElse(0L),
        present(b, "max_estimated_cost").map(JsonNode::doubleValue),
        integer(b, "/budgets", "max_tokens"));
  }

  static CheckpointPolicy checkpointPolicy(JsonNode doc) {
    JsonNode policy = doc.get("checkpoint_policy");
    long interval = integer(policy, "/checkpoint_policy", "min_interval_seconds").orElse(0L);
    List<String> types = new ArrayList<>();
    present(policy, "required_types").ifPresent(list -> list.forEach(t -> types.add(t.stringValue())));
    return new CheckpointPolicy(interval, types);
  }

  static List<String> envRules(JsonNode doc) {
    JsonNode rules = doc.get("environment_fingerprint").get("rules");
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < rules.size(); i++) {
      String rule = rules.get(i).stringValue();
      try {
        EnvRules.normalize(List.of(rule));
      } catch (WrkrException e) {
        throw Problem.at(Pointers.child("/environment_fingerprint/rules", i), e.getMessage()).with("rule", rule);
      }
      raw.add(rule);
    }
    return EnvRules.normalize(raw);
  }

  static List<String> expectedArtifacts(JsonNode doc) {
    List<String> out = new ArrayList<>();
    Optional<JsonNode> list = present(doc, "expected_artifacts");
    for (int i = 0; list.isPresent() && i < list.get().size(); i++) {
      String at = Pointers.child("/expected_artifacts", i);
      String path = list.get().get(i).stringValue().strip();
      if (path.isEmpty()) {
        throw Problem.at(at, at + " must not be empty");
      }
      out.add(ArtifactPaths.requireInside(path, at));
    }
    return out;
  }

  /** An integer member the schema has checked; it must also fit a Java long. */
  private static Optional<Long> integer(JsonNode parent, String parentPointer, String key) {
    return present(parent, key).map(value -> {
      if (!value.canConvertToExactIntegral() || !value.canConvertToLong()) {
        String at = parentPointer + "/" + key;
        throw Problem.at(at, at + " must be a whole number of at most " + Long.MAX_VALUE);
      }
      return value.asLong();
    });
  }
}
