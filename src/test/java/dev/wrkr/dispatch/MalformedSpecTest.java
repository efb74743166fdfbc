package dev.wrkr.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** A bad JobSpec exits 6 with a message that points at the problem, and the store is untouched. */
class MalformedSpecTest {
  @TempDir Path root;
  private Path work;
  private Map<String, String> env;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createDirectories(root.resolve("work"));
    env = Map.of("WRKR_HOME", root.resolve("home").toString(), "PATH", System.getenv("PATH"));
    // A job already in the store, which no failed submit may disturb.
    Files.writeString(work.resolve("ok.yaml"), valid("ok"));
    assertThat(run("submit", "ok.yaml", "--job-id", "ok").exitCode()).isZero();
  }

  private CliRun run(String... argv) {
    return new CliHarness(env, work, InstantSource.system()).run(argv);
  }

  private static String valid(String name) {
    return "schema_id: wrkr.jobspec\nschema_version: v1\nproducer_version: t\nname: " + name + "\nobjective: o\n"
        + "adapter:\n  name: noop\nbudgets:\n  max_wall_time_seconds: 60\n  max_step_count: 5\n  max_tool_calls: 5\n"
        + "checkpoint_policy:\n  min_interval_seconds: 1\nenvironment_fingerprint:\n  rules: [os]\n";
  }

  private JsonNode refused(String file, String content) throws IOException {
    if (content != null) {
      Files.writeString(work.resolve(file), content);
    }
    CliRun r = run("submit", file, "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(6);
    assertThat(r.out()).isEmpty();
    JsonNode envelope = Json.parse(r.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_INVALID_INPUT_SCHEMA");
    assertThat(run("jobs").out()).as("store untouched").isEqualTo(run("jobs").out()).startsWith("job=ok status=completed");
    assertThat(run("jobs").out().lines()).hasSize(1);
    return envelope;
  }

  @Test
  void bad_yaml_should_name_the_line() throws IOException {
    JsonNode e = refused("bad.yaml", valid("bad") + "inputs: [unclosed\n");
    assertThat(e.get("details").get("line").asInt()).isPositive();
  }

  @Test
  void a_wrong_type_should_name_the_field_and_line() throws IOException {
    JsonNode e = refused("typed.yaml", valid("typed").replace("max_step_count: 5", "max_step_count: five"));
    assertThat(e.get("details").get("path").asString()).isEqualTo("/budgets/max_step_count");
    assertThat(e.get("details").get("line").asInt()).isEqualTo(10);
  }

  @Test
  void an_unknown_key_should_be_reported_not_dropped() throws IOException {
    JsonNode e = refused("unknown.yaml", valid("unknown") + "nmae: typo\n");
    assertThat(e.get("message").asString()).contains("nmae");
  }

  @Test
  void an_unknown_adapter_should_be_refused_before_anything_is_recorded() throws IOException {
    JsonNode e = refused("adapter.yaml", valid("adapter").replace("name: noop", "name: teleport"));
    assertThat(e.get("message").asString()).contains("unsupported adapter \"teleport\"");
  }

  @Test
  void a_ten_megabyte_file_should_be_refused_unread() throws IOException {
    JsonNode e = refused("huge.yaml", valid("huge") + "# " + "x".repeat(10 * 1024 * 1024) + "\n");
    assertThat(e.get("message").asString()).contains("limit");
  }

  @Test
  void a_spec_outside_the_working_directory_should_be_refused() throws IOException {
    Files.writeString(root.resolve("outside.yaml"), valid("outside"));
    refused("../outside.yaml", null);
  }

  @Test
  void an_artifact_escaping_the_workspace_should_be_refused() throws IOException {
    String spec = valid("escape").replace("name: noop", "name: reference")
        + "inputs:\n  steps:\n    - id: s\n      command: 'true'\n      artifacts: [../../etc/passwd]\n";
    JsonNode e = refused("escape.yaml", spec);
    assertThat(e.get("message").asString()).contains("../../etc/passwd");
  }
}
