package dev.wrkr.spec;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code inputs.steps} for the reference adapter, with Wrkr's messages for a missing, empty
 * or malformed list and Wrkr's defaults (see {@link Step} for every key). Stricter than Wrkr: a
 * value of the wrong type, an unknown key or a repeated id is an error rather than ignored. An
 * explicit {@code null} counts as absent, as Wrkr reads it.
 */
final class StepReader {
  static final Set<String> KEYS = Set.of(
      "id", "summary", "command", "artifacts", "executed", "decision_needed", "required_action",
      "checkpoint", "timeout", "env", "retries", "retry_backoff");
  private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
  private static final String STEPS = "/inputs/steps";

  private StepReader() {}

  static List<Step> read(JsonNode inputs) {
    JsonNode steps = inputs.get("steps");
    if (steps == null || steps.isNull()) {
      Problem missing = Problem.at("/inputs", "jobspec.inputs.steps is required for reference adapter");
      for (String key : inputs.propertyNames()) {
        if (!key.equals("steps") && Suggestions.closest(key, Set.of("steps")).isPresent()) {
          throw missing.hint("found \"" + key + "\"; did you mean \"steps\"?");
        }
      }
      throw missing;
    }
    if (!steps.isArray()) {
      throw Problem.at(STEPS, "jobspec.inputs.steps must be a list");
    }
    if (steps.isEmpty()) {
      throw Problem.at(STEPS, "reference adapter requires at least one step");
    }
    List<Step> out = new ArrayList<>();
    Map<String, Integer> firstUse = new HashMap<>();
    for (int i = 0; i < steps.size(); i++) {
      String pointer = Pointers.child(STEPS, i);
      JsonNode item = steps.get(i);
      if (!item.isObject()) {
        throw Problem.at(pointer, "jobspec step must be an object").with("index", i);
      }
      Step step = step(item, pointer);
      Integer first = firstUse.putIfAbsent(step.id(), i);
      if (first != null) {
        String at = item.hasNonNull("id") ? pointer + "/id" : pointer;
        throw Problem.at(at, "duplicate step id \"" + step.id() + "\" (also the id of "
            + Pointers.child(STEPS, first) + "); step ids must be unique").with("index", i);
      }
      out.add(step);
    }
    return out;
  }

  private static Step step(JsonNode item, String pointer) {
    for (String key : item.propertyNames()) {
      if (!KEYS.contains(key)) {
        String at = Pointers.child(pointer, key);
        throw Problem.atKey(at, "unknown step key \"" + key + "\" at " + at)
            .hint(Suggestions.forUnknownKey(key, new TreeSet<>(KEYS)));
      }
    }
    String id = text(item, pointer, "id").map(String::strip).filter(s -> !s.isEmpty()).orElse(Step.DEFAULT_ID);
    String summary = text(item, pointer, "summary").map(String::strip).filter(s -> !s.isEmpty())
        .orElse("reference adapter step " + id);
    Optional<String> command = text(item, pointer, "command").filter(s -> !s.isBlank());
    command.ifPresent(c -> noNul(c, pointer + "/command"));
    boolean decisionNeeded = bool(item, pointer, "decision_needed").orElse(false);
    Optional<String> requiredAction = text(item, pointer, "required_action").map(String::strip)
        .filter(s -> !s.isEmpty())
        .or(() -> decisionNeeded ? Optional.of(Step.DEFAULT_REQUIRED_ACTION) : Optional.empty());
    Optional<Duration> timeout = present(item, "timeout")
        .map(n -> SpecDurations.read(n, pointer + "/timeout", false, Step.MAX_TIMEOUT));
    Duration backoff = present(item, "retry_backoff")
        .map(n -> SpecDurations.read(n, pointer + "/retry_backoff", true, Step.MAX_RETRY_BACKOFF))
        .orElse(Step.DEFAULT_RETRY_BACKOFF);
    return new Step(id, summary, command, artifacts(item, pointer), bool(item, pointer, "executed").orElse(true),
        decisionNeeded, requiredAction, timeout, env(item, pointer), retries(item, pointer), backoff);
  }

  private static List<String> artifacts(JsonNode item, String pointer) {
    Optional<JsonNode> list = present(item, "artifacts");
    if (list.isEmpty()) {
      return List.of();
    }
    String at = pointer + "/artifacts";
    if (!list.get().isArray()) {
      throw typeProblem(at, "a list of strings", list.get());
    }
    TreeSet<String> paths = new TreeSet<>();
    for (int j = 0; j < list.get().size(); j++) {
      JsonNode entry = list.get().get(j);
      String entryAt = Pointers.child(at, j);
      if (!entry.isString()) {
        throw typeProblem(entryAt, "a string", entry);
      }
      String path = entry.stringValue().strip();
      if (!path.isEmpty()) {
        paths.add(ArtifactPaths.requireInside(path, entryAt));
      }
    }
    return List.copyOf(paths);
  }

  private static Map<String, String> env(JsonNode item, String pointer) {
    Optional<JsonNode> env = present(item, "env");
    if (env.isEmpty()) {
      return Map.of();
    }
    String at = pointer + "/env";
    if (!env.get().isObject()) {
      throw typeProblem(at, "an object of strings", env.get());
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (var member : env.get().properties()) {
      String entryAt = Pointers.child(at, member.getKey());
      if (!ENV_NAME.matcher(member.getKey()).matches()) {
        throw Problem.atKey(entryAt, "environment variable name \"" + member.getKey()
            + "\" at " + entryAt + " is not valid (letters, digits and _, not starting with a digit)");
      }
      if (!member.getValue().isString()) {
        throw typeProblem(entryAt, "a string", member.getValue()).hint("quote numbers and booleans");
      }
      out.put(member.getKey(), noNul(member.getValue().stringValue(), entryAt));
    }
    return out;
  }

  private static int retries(JsonNode item, String pointer) {
    Optional<JsonNode> node = present(item, "retries");
    if (node.isEmpty()) {
      return 0;
    }
    String at = pointer + "/retries";
    if (!node.get().isIntegralNumber()) {
      throw typeProblem(at, "an integer", node.get());
    }
    if (!node.get().canConvertToInt() || node.get().intValue() < 0 || node.get().intValue() > Step.MAX_RETRIES) {
      throw Problem.at(at, at + " must be 0 to " + Step.MAX_RETRIES);
    }
    return node.get().intValue();
  }

  private static Optional<JsonNode> present(JsonNode item, String key) {
    JsonNode value = item.get(key);
    return value == null || value.isNull() ? Optional.empty() : Optional.of(value);
  }

  private static Optional<String> text(JsonNode item, String pointer, String key) {
    return present(item, key).map(value -> {
      if (!value.isString()) {
        throw typeProblem(pointer + "/" + key, "a string", value)
            .hint(key.equals("command") ? "quote it (Wrkr silently skips a command that is not a string)"
                : "quote it");
      }
      return value.stringValue();
    });
  }

  private static Optional<Boolean> bool(JsonNode item, String pointer, String key) {
    return present(item, key).map(value -> {
      if (!value.isBoolean()) {
        throw typeProblem(pointer + "/" + key, "true or false", value);
      }
      return value.booleanValue();
    });
  }

  private static String noNul(String value, String pointer) {
    if (value.indexOf('\0') >= 0) {
      throw Problem.at(pointer, pointer + " must not contain a NUL character");
    }
    return value;
  }

  static Problem typeProblem(String pointer, String expected, JsonNode actual) {
    return Problem.at(pointer, pointer + " must be " + expected + ", not " + TypeNames.of(actual));
  }
}
