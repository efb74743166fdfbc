package dev.wrkr.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.codec.Digests;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code wrkr wrap -- <command…>} in-process on a real SQLite store, with real subprocesses. */
class WrapCommandTest {
  private static final String JOB = "job_wrap_" + CliHarness.FIXED.getEpochSecond();

  @TempDir Path dir;

  private CliRun run(String... argv) {
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"),
        "HOME", dir.toString());
    return new CliHarness(env, dir, InstantSource.fixed(CliHarness.FIXED)).run(argv);
  }

  private static JsonNode zipEntry(String zip, String entry) throws Exception {
    try (ZipFile z = new ZipFile(zip)) {
      return Json.parse(new String(z.getInputStream(z.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8));
    }
  }

  @Test
  void a_successful_command_should_stream_its_output_then_print_a_verifiable_jobpack_and_exit_0() throws Exception {
    CliRun r = run("wrap", "--artifact", "out/data.txt", "--",
        "sh", "-c", "echo hello; echo oops >&2; mkdir -p out; printf 'data\\n' > out/data.txt");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("hello\njob_id=" + JOB + "\njobpack=")
        .contains("\nfooter=WRKR job_id=" + JOB + " manifest=sha256:");
    assertThat(r.err()).isEqualTo("oops\n");
    String zip = dir.resolve("wrkr-out/jobpacks/jobpack_" + JOB + ".zip").toString();
    assertThat(r.out()).contains("jobpack=" + zip + "\n");
    assertThat(run("verify", JOB).exitCode()).isZero();
    assertThat(zipEntry(zip, "artifacts_manifest.json").get("artifacts").get(0).get("sha256").asString())
        .isEqualTo(Digests.sha256Hex("data\n".getBytes(StandardCharsets.UTF_8)));
    JsonNode jobspec = zipEntry(zip, "jobspec.json");
    assertThat(jobspec.get("objective").asString())
        .isEqualTo("wrap mode executing command: sh -c echo hello; echo oops >&2; mkdir -p out; printf 'data\\n' > out/data.txt");
    assertThat(run("status", JOB).out()).isEqualTo("job=" + JOB + " status=completed\n");
    assertThat(run("checkpoint", "list", JOB).out()).contains(" type=plan ").contains(" type=progress ")
        .contains(" type=completed ");
  }

  @Test
  void a_failing_command_should_block_the_job_still_export_and_exit_with_its_code() throws Exception {
    CliRun text = run("wrap", "--job-id", "fails", "--", "sh", "-c", "echo before; exit 3");
    assertThat(text.exitCode()).isEqualTo(3);
    assertThat(text.out()).startsWith("before\njob_id=fails\njobpack=");
    assertThat(text.err()).endsWith("E_ADAPTER_FAIL: wrap command failed (exit=3, job blocked_error)\n");
    assertThat(run("status", "fails").out()).startsWith("job=fails status=blocked_error");
    assertThat(run("verify", "fails").exitCode()).isZero();

    CliRun json = run("wrap", "--json", "--job-id", "fails-json", "--", "sh", "-c", "echo before; exit 3");
    assertThat(json.exitCode()).isEqualTo(3);
    JsonNode result = Json.parse(json.out());
    assertThat(result.propertyNames()).containsExactly("adapter_result", "footer", "job_id", "jobpack_path",
        "manifest_sha256");
    assertThat(result.get("adapter_result").toString())
        .isEqualTo("{\"exit_code\":3,\"job_id\":\"fails-json\",\"status\":\"blocked_error\"}");
    assertThat(json.err()).startsWith("before\n{");
    JsonNode envelope = Json.parse(json.err().substring(json.err().indexOf('{')));
    assertThat(envelope.get("code").asString()).isEqualTo("E_ADAPTER_FAIL");
    assertThat(envelope.get("details").toString())
        .isEqualTo("{\"command\":\"sh -c echo before; exit 3\",\"exit_code\":3,\"job_id\":\"fails-json\"}");
    assertThat(run("verify", result.get("jobpack_path").asString()).exitCode()).isZero();
  }

  @Test
  void a_missing_executable_should_exit_with_the_shells_127() {
    CliRun r = run("wrap", "--job-id", "missing", "--", "no-such-command-for-wrkr-wrap");
    assertThat(r.exitCode()).isEqualTo(127);
    assertThat(r.err()).contains("no-such-command-for-wrkr-wrap").endsWith("(exit=127, job blocked_error)\n");
  }

  @Test
  void arguments_should_reach_the_command_exactly_as_given() {
    CliRun r = run("wrap", "--", "printf", "[%s]\\n", "a b", "it's", "$HOME", "*", "\"q\"", "back\\slash", "--json-ish");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).startsWith("[a b]\n[it's]\n[$HOME]\n[*]\n[\"q\"]\n[back\\slash]\n[--json-ish]\njob_id=");
  }

  @Test
  void json_after_the_separator_should_switch_on_json_and_explain_should_pass_through() {
    CliRun r = run("wrap", "--", "sh", "-c", "echo \"args:$*\"", "sh", "--explain", "--json");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Json.parse(r.out()).get("adapter_result").get("status").asString()).isEqualTo("completed");
    assertThat(r.err()).as("the command's stdout goes to stderr in JSON mode").isEqualTo("args:--explain\n");
  }

  @Test
  void explain_before_the_separator_should_explain_wrap_and_run_nothing() {
    CliRun r = run("wrap", "--explain", "--", "touch", "ran");
    assertThat(r.out()).startsWith("wrkr wrap: run a command as a job");
    assertThat(dir.resolve("ran")).doesNotExist();
  }

  @Test
  void a_missing_separator_or_command_should_be_an_input_error() {
    for (String[] argv : new String[][] {{"wrap"}, {"wrap", "echo", "hi"}, {"wrap", "--"}, {"wrap", "--", "", " "},
        {"wrap", "echo", "--", "hi"}}) {
      CliRun r = run(argv);
      assertThat(r.exitCode()).as(String.join(" ", argv)).isEqualTo(6);
      assertThat(r.err()).isEqualTo("E_INVALID_INPUT_SCHEMA: " + WrapCommand.NEEDS_COMMAND + "\n");
    }
    assertThat(run("jobs").out()).isEmpty();
  }

  @Test
  void an_existing_job_id_should_be_refused_but_a_generated_one_should_move_on() {
    assertThat(run("wrap", "--job-id", "My Job", "--", "true").out()).startsWith("job_id=my_job\n");
    CliRun again = run("wrap", "--job-id", "my_job", "--", "touch", "ran");
    assertThat(again.exitCode()).isEqualTo(6);
    assertThat(again.err()).isEqualTo("E_INVALID_INPUT_SCHEMA: job already exists\n");
    assertThat(dir.resolve("ran")).doesNotExist();

    assertThat(run("wrap", "--", "true").out()).startsWith("job_id=" + JOB + "\n");
    assertThat(run("wrap", "--", "true").out()).startsWith("job_id=" + JOB + "_2\n");
  }
}
