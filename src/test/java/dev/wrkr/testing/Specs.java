package dev.wrkr.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes small JobSpecs for tests: a header, budgets, env rules and reference steps. */
public final class Specs {
  private Specs() {}

  /** One reference step as YAML (indented for {@code inputs.steps}). */
  public static String step(String id, String command, String... extra) {
    StringBuilder b = new StringBuilder();
    b.append("    - id: ").append(id).append('\n');
    b.append("      summary: step ").append(id).append('\n');
    b.append("      command: '").append(command.replace("'", "''")).append("'\n");
    for (String e : extra) {
      b.append("      ").append(e).append('\n');
    }
    return b.toString();
  }

  /** A decision-needed step. */
  public static String decision(String id) {
    return "    - id: " + id + "\n      summary: decide " + id + "\n      executed: false\n      decision_needed: true\n"
        + "      required_action: approve\n";
  }

  public static Path write(Path dir, String name, String budgets, List<String> rules, String... steps) {
    StringBuilder b = new StringBuilder();
    b.append("schema_id: wrkr.jobspec\nschema_version: v1\nproducer_version: test\n");
    b.append("name: ").append(name).append("\nobjective: test job ").append(name).append('\n');
    b.append("adapter:\n  name: reference\n");
    b.append("budgets:\n").append(budgets);
    b.append("checkpoint_policy:\n  min_interval_seconds: 1\n");
    b.append("environment_fingerprint:\n  rules: [").append(String.join(", ", rules)).append("]\n");
    b.append("inputs:\n  workspace: .\n  steps:\n");
    for (String s : steps) {
      b.append(s);
    }
    try {
      Path file = dir.resolve(name + ".yaml");
      Files.writeString(file, b.toString());
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static String budgets(int steps, int toolCalls, int retries) {
    return "  max_wall_time_seconds: 3600\n  max_step_count: " + steps + "\n  max_tool_calls: " + toolCalls
        + "\n  max_retries: " + retries + "\n";
  }
}
