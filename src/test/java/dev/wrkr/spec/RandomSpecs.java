package dev.wrkr.spec;

import dev.wrkr.codec.Timestamps;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Random valid JobSpec trees for the seeded property tests: every key the loader reads, each
 * optional one sometimes left out, and strings chosen to trip YAML (values that look like
 * booleans, numbers, nulls, timestamps, comments or indicators; line breaks; astral characters).
 */
final class RandomSpecs {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final List<String> TRICKY = List.of(
      "true", "False", "null", "~", "yes", "on", "1.5", "0x1F", "0o17", "007", "+1", "1e3", "1_000", ".inf",
      ".NaN", "2026-02-13T00:00:00Z", "-", "- x", "a: b", "#c", " lead", "trail ", "[x]", "{y}", "&a", "*a",
      "!tag", "|", ">", "%", "@", "`", "'q'", "\"q\"", "line\nbreak", "tab\there", "\u0001", "é 中 😀",
      "\u2028", "\\", "---", "...", "? k");
  private static final String ALPHABET = "abcXYZ019 _-./:#'\"\\\n\té中😀";
  private static final List<String> RULES = List.of("os", "arch", "go_version", "java_version", "cwd", "hostname", "env:HOME");
  private static final List<String> TYPES = List.of("plan", "progress", "decision-needed", "blocked", "completed");
  private static final List<String> DURATIONS = List.of("90s", "5m", "1h30m", "250ms", "1m30s", "2h");

  private final SplittableRandom random;

  RandomSpecs(long seed) {
    this.random = new SplittableRandom(seed);
  }

  /** Fixed seeds that replay, plus one new seed per run (printed in the test's display name). */
  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  ObjectNode spec() {
    ObjectNode spec = NODES.objectNode();
    spec.put("schema_id", "wrkr.jobspec");
    spec.put("schema_version", random.nextBoolean() ? "v1" : "v1." + random.nextInt(100));
    if (random.nextBoolean()) {
      spec.put("created_at", Timestamps.format(Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L),
          random.nextInt(4) == 0 ? random.nextInt(1_000_000_000) : 0)));
    }
    spec.put("producer_version", text(true));
    spec.put("name", text(true));
    spec.put("objective", text(true));
    boolean reference = random.nextInt(4) != 0;
    ObjectNode adapter = spec.putObject("adapter");
    adapter.put("name", spaced(reference ? "reference" : "noop"));
    if (random.nextBoolean()) {
      adapter.set("config", object(1));
    }
    if (random.nextBoolean()) {
      spec.set("expected_artifacts", artifacts());
    }
    ObjectNode inputs = random.nextBoolean() ? object(1) : NODES.objectNode();
    inputs.remove(List.of("steps", "workspace", "references"));
    if (random.nextBoolean()) {
      inputs.put("workspace", random.nextBoolean() ? "." : "");
    }
    if (reference) {
      inputs.set("steps", steps());
    }
    if (reference || random.nextBoolean()) {
      spec.set("inputs", inputs);
    }
    spec.set("budgets", budgets());
    ObjectNode policy = spec.putObject("checkpoint_policy");
    policy.put("min_interval_seconds", random.nextLong(1, 100_000));
    if (random.nextBoolean()) {
      policy.set("required_types", pick(TYPES));
    }
    if (random.nextBoolean()) {
      spec.putObject("acceptance").put("config_path", text(false)).set("other", value(1));
    }
    spec.putObject("environment_fingerprint").set("rules", pick(RULES));
    return spec;
  }

  private ArrayNode steps() {
    ArrayNode steps = NODES.arrayNode();
    int count = random.nextInt(1, 5);
    for (int i = 0; i < count; i++) {
      ObjectNode step = steps.addObject();
      step.put("id", "s" + i + (random.nextBoolean() ? text(false) : ""));
      maybe(() -> step.put("summary", text(false)));
      maybe(() -> step.put("command", text(false)));
      maybe(() -> step.set("artifacts", artifacts()));
      maybe(() -> step.put("executed", random.nextBoolean()));
      maybe(() -> step.put("decision_needed", random.nextBoolean()));
      maybe(() -> step.put("required_action", text(false)));
      maybe(() -> step.set("checkpoint", value(1)));
      maybe(() -> step.set("timeout", random.nextBoolean()
          ? NODES.numberNode(random.nextInt(1, 100_000)) : NODES.stringNode(DURATIONS.get(random.nextInt(DURATIONS.size())))));
      maybe(() -> step.set("env", env()));
      maybe(() -> step.put("retries", random.nextInt(0, 101)));
      maybe(() -> step.put("retry_backoff", random.nextBoolean() ? "250ms" : "0s"));
    }
    return steps;
  }

  private ObjectNode budgets() {
    ObjectNode budgets = NODES.objectNode();
    budgets.put("max_wall_time_seconds", random.nextLong(1, Long.MAX_VALUE));
    maybe(() -> budgets.put("max_retries", random.nextInt(0, 10)));
    budgets.put("max_step_count", random.nextInt(1, 1000));
    budgets.put("max_tool_calls", random.nextInt(1, 1000));
    maybe(() -> budgets.put("max_estimated_cost", random.nextBoolean() ? random.nextInt(0, 100) / 4.0 : random.nextDouble() * 1e6));
    maybe(() -> budgets.put("max_tokens", random.nextLong(1, 10_000_000_000L)));
    return budgets;
  }

  private ObjectNode env() {
    ObjectNode env = NODES.objectNode();
    for (int i = random.nextInt(3); i > 0; i--) {
      env.put("VAR_" + random.nextInt(100), text(false).replace("\0", ""));
    }
    return env;
  }

  private ArrayNode artifacts() {
    ArrayNode list = NODES.arrayNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      list.add(List.of("reports/plan.md", "out/result.json", "a b/c.txt", "é/😀.md", "x").get(random.nextInt(5)));
    }
    return list;
  }

  private ArrayNode pick(List<String> from) {
    ArrayNode list = NODES.arrayNode();
    from.stream().filter(x -> random.nextBoolean()).forEach(list::add);
    return list;
  }

  private JsonNode value(int depth) {
    return switch (random.nextInt(depth >= 3 ? 6 : 8)) {
      case 0 -> NODES.nullNode();
      case 1 -> NODES.booleanNode(random.nextBoolean());
      case 2 -> NODES.stringNode(text(false));
      case 3 -> NODES.numberNode(random.nextInt());
      case 4 -> random.nextBoolean() ? NODES.numberNode(random.nextLong())
          : NODES.numberNode(new BigInteger(80, new java.util.Random(random.nextLong())));
      case 5 -> NODES.numberNode(random.nextBoolean() ? random.nextDouble() * Math.pow(10, random.nextInt(-20, 20))
          : random.nextInt(-1000, 1000) / 8.0);
      case 6 -> object(depth + 1);
      default -> {
        ArrayNode array = NODES.arrayNode();
        for (int i = random.nextInt(4); i > 0; i--) {
          array.add(value(depth + 1));
        }
        yield array;
      }
    };
  }

  private ObjectNode object(int depth) {
    ObjectNode object = NODES.objectNode();
    for (int i = random.nextInt(4); i > 0; i--) {
      object.set(text(false), value(depth));
    }
    return object;
  }

  private String text(boolean nonEmpty) {
    if (random.nextInt(3) == 0) {
      String tricky = TRICKY.get(random.nextInt(TRICKY.size()));
      return nonEmpty && tricky.isEmpty() ? "x" : tricky;
    }
    int length = random.nextInt(nonEmpty ? 1 : 0, 12);
    StringBuilder out = new StringBuilder();
    int[] codePoints = ALPHABET.codePoints().toArray();
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(codePoints[random.nextInt(codePoints.length)]);
    }
    return out.toString();
  }

  private String spaced(String name) {
    String cased = random.nextBoolean() ? name : name.toUpperCase(java.util.Locale.ROOT);
    return random.nextBoolean() ? cased : " " + cased + " ";
  }

  private void maybe(Runnable action) {
    if (random.nextBoolean()) {
      action.run();
    }
  }

  /** A list of the specs of one seed. */
  List<ObjectNode> specs(int count) {
    List<ObjectNode> out = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      out.add(spec());
    }
    return out;
  }
}
