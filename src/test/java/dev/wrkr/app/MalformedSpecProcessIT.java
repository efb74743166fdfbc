package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.WrkrProcess.Result;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * A bad JobSpec given to the real {@code ./wrkr submit}: exit 6, an {@code E_INVALID_INPUT_SCHEMA}
 * envelope that points at the problem, and a store with no trace of the job (the same job id can
 * be submitted afterwards); SQLite and PostgreSQL.
 */
class MalformedSpecProcessIT {
  @TempDir Path root;
  private Path work;
  private WrkrProcess wrkr;

  private void useStore(String kind) throws Exception {
    work = Files.createDirectories(root.resolve("work"));
    wrkr = WrkrProcess.fresh(kind, root).in(work);
  }

  /** A valid JobSpec; line 10 is {@code max_step_count}, line 17 is {@code workspace}. */
  private static String valid(String name) {
    return "schema_id: wrkr.jobspec\nschema_version: v1\nproducer_version: t\nname: " + name + "\nobjective: o\n"
        + "adapter:\n  name: reference\nbudgets:\n  max_wall_time_seconds: 60\n  max_step_count: 5\n"
        + "  max_tool_calls: 5\ncheckpoint_policy:\n  min_interval_seconds: 1\nenvironment_fingerprint:\n"
        + "  rules: [os]\ninputs:\n  workspace: .\n  steps:\n    - id: s\n      command: 'echo x >> s.runs'\n";
  }

  /** Submits {@code content} as job "bad": refused, nothing recorded; returns the envelope. */
  private JsonNode refused(String content) throws Exception {
    Files.writeString(work.resolve("bad.yaml"), content);
    Result r = wrkr.run("submit", "bad.yaml", "--job-id", "bad", "--json");
    assertThat(r.exit()).as(r.err()).isEqualTo(6);
    assertThat(r.out()).isEmpty();
    JsonNode envelope = r.envelope();
    assertThat(envelope.get("code").asString()).isEqualTo("E_INVALID_INPUT_SCHEMA");
    assertThat(envelope.get("exit_code").asInt()).isEqualTo(6);
    assertThat(envelope.get("message").asString()).startsWith("jobspec");

    assertThat(wrkr.json("jobs", "--json")).as("no job recorded").isEmpty();
    assertThat(wrkr.lastSeq("bad")).isZero();
    Files.writeString(work.resolve("good.yaml"), valid("good"));
    assertThat(wrkr.run("submit", "good.yaml", "--job-id", "bad"))
        .as("the id is still free").isEqualTo(new Result(0, "job_id=bad status=completed adapter=reference\n", ""));
    assertThat(wrkr.lines("work/s.runs")).isEqualTo(1);
    return envelope;
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void bad_yaml_should_name_the_line(String kind) throws Exception {
    useStore(kind);
    JsonNode e = refused(valid("bad") + "extra: [unclosed\n");
    assertThat(e.get("details").get("line").asInt()).isGreaterThanOrEqualTo(21);
    assertThat(e.get("message").asString()).contains("line");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_wrong_type_should_name_the_pointer_and_line(String kind) throws Exception {
    useStore(kind);
    JsonNode e = refused(valid("typed").replace("max_step_count: 5", "max_step_count: five"));
    assertThat(e.get("details").get("path").asString()).isEqualTo("/budgets/max_step_count");
    assertThat(e.get("details").get("line").asInt()).isEqualTo(10);
    assertThat(e.get("message").asString()).contains("max_step_count");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void an_unknown_adapter_should_be_named(String kind) throws Exception {
    useStore(kind);
    JsonNode e = refused(valid("adapter").replace("name: reference", "name: teleport"));
    assertThat(e.get("message").asString()).contains("unsupported adapter \"teleport\"");
    assertThat(e.get("details").get("line").asInt()).isEqualTo(7);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_ten_megabyte_file_should_be_refused_with_the_limit(String kind) throws Exception {
    useStore(kind);
    JsonNode e = refused(valid("huge") + "# " + "x".repeat(10 * 1024 * 1024) + "\n");
    assertThat(e.get("message").asString()).contains("the limit is");
    assertThat(e.get("details").get("limit").asLong()).isEqualTo(1024 * 1024);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_workspace_outside_the_jobspecs_directory_should_be_refused(String kind) throws Exception {
    useStore(kind);
    Files.createDirectories(root.resolve("elsewhere"));
    JsonNode e = refused(valid("escape").replace("workspace: .", "workspace: ../elsewhere"));
    assertThat(e.get("message").asString()).contains("inputs.workspace \"../elsewhere\" escapes the directory");
    assertThat(e.get("details").get("path").asString()).isEqualTo("/inputs/workspace");
    assertThat(e.get("details").get("line").asInt()).isEqualTo(17);
  }
}
