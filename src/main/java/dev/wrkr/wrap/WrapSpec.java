package dev.wrkr.wrap;

import dev.wrkr.codec.Timestamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JobSpec {@code wrkr wrap -- <command…>} submits, built in memory: the reference adapter with
 * one step whose shell command {@code exec}s the argv, each argument single-quoted, so the shell
 * interprets nothing ({@code $HOME}, {@code *}, quotes and spaces reach the command as typed).
 *
 * <p>The spec has no file. Its path is {@link #virtualPath} in the working directory, so the
 * workspace (the spec's folder) is the working directory, as in Wrkr, and resume finds it again.
 */
public final class WrapSpec {
  /** The recorded spec path's file name; nothing is ever written there. */
  public static final String VIRTUAL_FILE = "wrap.jobspec.json";
  /** The one step's id. */
  public static final String STEP_ID = "command";
  /** Wrkr's default fingerprint rules, sorted. */
  static final List<String> ENV_RULES = List.of("arch", "java_version", "os");
  /** A year: the command, not a budget, decides how long a wrapped run takes. */
  static final long MAX_WALL_TIME_SECONDS = 366L * 24 * 3600;
  static final long MAX_TOOL_CALLS = 1_000_000;

  private WrapSpec() {}

  /** Where the spec is recorded as coming from: a file name in {@code cwd} that is never created. */
  public static Path virtualPath(Path cwd) {
    return cwd.toAbsolutePath().normalize().resolve(VIRTUAL_FILE);
  }

  /** Wrkr's objective: {@code wrap mode executing command: <args joined by space>}. */
  public static String objective(List<String> argv) {
    return "wrap mode executing command: " + String.join(" ", argv);
  }

  /**
   * The JobSpec document for {@code argv} (non-empty, no blanks) with the given artifact paths.
   *
   * @param producerVersion this wrkr's version
   * @param createdAt when the wrap was asked for
   */
  public static JsonNode document(List<String> argv, List<String> artifacts, String producerVersion,
      Instant createdAt) {
    if (argv.isEmpty()) {
      throw new IllegalArgumentException("argv must not be empty");
    }
    JsonNodeFactory f = JsonNodeFactory.instance;
    ObjectNode doc = f.objectNode();
    doc.put("schema_id", "wrkr.jobspec");
    doc.put("schema_version", "v1");
    doc.put("created_at", Timestamps.format(createdAt));
    doc.put("producer_version", Objects.requireNonNull(producerVersion, "producerVersion"));
    doc.put("name", "wrap");
    doc.put("objective", objective(argv));
    doc.set("expected_artifacts", strings(artifacts));
    doc.set("adapter", f.objectNode().put("name", "reference"));
    ObjectNode step = f.objectNode();
    step.put("id", STEP_ID);
    step.put("summary", "run the wrapped command");
    step.put("command", shellCommand(argv));
    step.set("artifacts", strings(artifacts));
    ArrayNode steps = f.arrayNode().add(step);
    doc.set("inputs", f.objectNode().set("steps", steps));
    doc.set("budgets", f.objectNode()
        .put("max_wall_time_seconds", MAX_WALL_TIME_SECONDS)
        .put("max_step_count", 10)
        .put("max_tool_calls", MAX_TOOL_CALLS)
        .put("max_retries", 0));
    doc.set("checkpoint_policy", f.objectNode().put("min_interval_seconds", 1));
    doc.set("environment_fingerprint", f.objectNode().set("rules", strings(ENV_RULES)));
    return doc;
  }

  /** {@code exec 'arg1' 'arg 2'}: each argument single-quoted, a {@code '} written as {@code '\''}. */
  public static String shellCommand(List<String> argv) {
    return "exec " + argv.stream().map(WrapSpec::quote).collect(Collectors.joining(" "));
  }

  static String quote(String arg) {
    return "'" + arg.replace("'", "'\\''") + "'";
  }

  private static ArrayNode strings(List<String> values) {
    ArrayNode array = JsonNodeFactory.instance.arrayNode();
    values.forEach(array::add);
    return array;
  }
}
