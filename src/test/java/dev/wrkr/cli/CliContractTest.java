package dev.wrkr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The command surface: version, help, --explain, argument errors; golden where bytes are promised. */
class CliContractTest {
  @TempDir Path home;

  private CliRun run(String... argv) {
    return CliHarness.withHome(home).run(argv);
  }

  @Test
  void version_and_no_command_should_print_the_version_line() {
    BuildInfo b = BuildInfo.current();
    String expected = "wrkr " + b.version() + " (commit=" + b.commit() + " date=" + b.date() + ")\n";
    assertThat(run("version")).isEqualTo(new CliRun(0, expected, ""));
    assertThat(run()).isEqualTo(new CliRun(0, expected, ""));
  }

  @Test
  void version_json_should_be_compact_with_sorted_keys() {
    BuildInfo b = BuildInfo.current();
    String expected =
        "{\"commit\":\"" + b.commit() + "\",\"date\":\"" + b.date() + "\",\"version\":\"" + b.version() + "\"}\n";
    assertThat(run("version", "--json")).isEqualTo(new CliRun(0, expected, ""));
    assertThat(run("--json")).isEqualTo(new CliRun(0, expected, ""));
  }

  @Test
  void explain_should_print_every_intent_and_run_nothing() {
    StringBuilder text = new StringBuilder();
    StringBuilder json = new StringBuilder();
    for (String command : Intents.all().keySet()) {
      CliRun t = run("--explain", command, "no-such-job");
      CliRun j = run(command, "--explain", "--json");
      assertThat(t.exitCode()).isZero();
      assertThat(j.exitCode()).isZero();
      text.append(t.out());
      json.append(j.out());
    }
    Golden.assertMatches("cli/explain.txt", text.toString());
    Golden.assertMatches("cli/explain.jsonl", json.toString());
    assertThat(home.resolve(".wrkr")).as("explain must not open the store").doesNotExist();
  }

  @Test
  void explain_without_a_command_should_explain_version() {
    assertThat(run("--explain").out()).isEqualTo("wrkr version: " + Intents.of("version").orElseThrow() + "\n");
  }

  @Test
  void explain_of_an_unknown_command_should_be_an_input_error() {
    CliRun r = run("--explain", "teleport");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.err()).isEqualTo("E_INVALID_INPUT_SCHEMA: unknown command \"teleport\"\n");
  }

  @Test
  void help_should_print_the_command_map() {
    CliRun help = run("help");
    assertThat(help.exitCode()).isZero();
    assertThat(help.err()).isEmpty();
    Golden.assertMatches("cli/help.txt", help.out());
    assertThat(run("--help")).isEqualTo(help);
    assertThat(run("-h")).isEqualTo(help);
  }

  static Stream<String> commands() {
    return Intents.all().keySet().stream().filter(c -> !c.equals("help"));
  }

  @ParameterizedTest
  @MethodSource("commands")
  void help_should_work_at_every_level_in_every_spelling(String command) {
    CliRun help = run("help", command);
    assertThat(help.exitCode()).isZero();
    Golden.assertMatches("cli/help_" + command + ".txt", help.out());
    assertThat(run(command, "--help")).isEqualTo(help);
    assertThat(run(command, "-h")).isEqualTo(help);
  }

  @Test
  void an_unknown_command_should_exit_6_with_the_command_in_details() {
    CliRun text = run("teleport", "now");
    assertThat(text).isEqualTo(new CliRun(6, "", "E_INVALID_INPUT_SCHEMA: unknown command \"teleport\"\n"));
    CliRun json = run("teleport", "--json");
    assertThat(json.exitCode()).isEqualTo(6);
    assertThat(json.out()).as("stdout stays clean").isEmpty();
    Golden.assertMatches("cli/unknown_command.json", json.err().replace(BuildInfo.current().version(), "VERSION"));
    assertThat(Schemas.standard().validate(SchemaId.ERROR_ENVELOPE, Json.parse(json.err()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"--frobnicate", "-x"})
  void an_unknown_flag_should_exit_6_and_name_the_command(String flag) {
    CliRun r = run("status", "job_1", flag, "--json");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.out()).isEmpty();
    var envelope = Json.parse(r.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_INVALID_INPUT_SCHEMA");
    assertThat(envelope.get("message").asString()).contains(flag).contains("wrkr status --help");
    assertThat(envelope.get("details").get("command").asString()).isEqualTo("wrkr status");
  }

  @Test
  void a_missing_argument_should_exit_6() {
    CliRun r = run("status");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.err()).startsWith("E_INVALID_INPUT_SCHEMA: Missing required parameter: '<job_id>'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"../etc", "a/b", "job id", ""})
  void an_invalid_job_id_should_exit_6_naming_the_id(String id) {
    CliRun r = run("status", id, "--json");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(Json.parse(r.err()).get("details").get("job_id").asString()).isEqualTo(id.strip());
  }

  @Test
  void stdout_should_carry_only_the_result_in_json_mode() {
    for (List<String> argv : List.of(List.of("version", "--json"), List.of("--explain", "status", "--json"))) {
      CliRun r = run(argv.toArray(String[]::new));
      assertThat(r.err()).isEmpty();
      assertThat(Json.parse(r.out())).isNotNull();
    }
  }
}
