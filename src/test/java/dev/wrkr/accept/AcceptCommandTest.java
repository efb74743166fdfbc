package dev.wrkr.accept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The CI flow end to end: demo, then accept run --ci with a failing and a passing config. */
class AcceptCommandTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private CliRun run(String... argv) {
    env.putIfAbsent("WRKR_HOME", dir.resolve("home").toString());
    env.putIfAbsent("PATH", System.getenv("PATH"));
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  private String demoJob() {
    CliRun demo = run("demo", "--json");
    assertThat(demo.exitCode()).as(demo.err()).isZero();
    return Json.parse(demo.out()).get("job_id").asString();
  }

  private static String entry(Path zip, String name) throws Exception {
    try (ZipFile z = new ZipFile(zip.toFile())) {
      var e = z.getEntry(name);
      return e == null ? null : new String(z.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void ci_run_with_a_missing_artifact_should_exit_5_then_a_passing_config_should_exit_0() throws Exception {
    String job = demoJob();
    env.put("GITHUB_STEP_SUMMARY", dir.resolve("step_summary.md").toString());
    Files.writeString(dir.resolve("accept.yaml"), """
        required_artifacts: [reports/plan.md, reports/never.md]
        test_command: "echo tests ran"
        lint_command: "true"
        """);
    CliRun failed = run("accept", "run", job, "--ci", "--json");
    assertThat(failed.exitCode()).as(failed.err()).isEqualTo(5);
    assertThat(failed.err()).isEmpty();
    JsonNode out = Json.parse(failed.out());
    JsonNode result = out.get("accept_result");
    assertThat(result.get("reason_codes").toString()).isEqualTo("[\"E_ACCEPT_MISSING_ARTIFACT\"]");
    assertThat(result.get("failures").get(0).get("artifact").asString()).isEqualTo("reports/never.md");
    assertThat(result.get("checks_passed").asInt()).isEqualTo(4);

    Path junit = dir.resolve("wrkr-out/reports/accept_" + job + ".junit.xml");
    assertThat(out.get("junit_path").asString()).isEqualTo(junit.toString());
    assertThat(Files.readString(junit)).contains("type=\"E_ACCEPT_MISSING_ARTIFACT\"").contains("tests=\"5\"");
    Path zip = Path.of(out.get("jobpack_path").asString());
    assertThat(Json.parse(entry(zip, "accept/accept_result.json"))).isEqualTo(result);
    assertThat(run("verify", zip.toString()).exitCode()).isZero();
    try (ZipFile z = new ZipFile(zip.toFile())) {
      assertThat(z.entries().nextElement().getName()).isEqualTo("accept/accept_result.json");
    }
    assertThat(Files.readString(dir.resolve("step_summary.md"))).isNotEmpty();
    assertThat(Files.readString(Path.of(out.get("summary_markdown_path").asString()))).contains("4/5");
    JsonNode status = Json.parse(run("status", job, "--json").out());
    assertThat(status.get("status").asString()).isEqualTo("completed");

    Files.writeString(dir.resolve("ok.yaml"), """
        required_artifacts: [reports/plan.md, reports/result.md]
        test_command: "true"
        lint_command: "true"
        path_rules:
          allowed_prefixes: [reports/]
        """);
    CliRun passed = run("accept", "run", job, "--ci", "--config", "ok.yaml");
    assertThat(passed.exitCode()).as(passed.out() + passed.err()).isZero();
    assertThat(passed.out()).startsWith("job=" + job + " checks=5 passed=5 failures=0\naccept_result=");
    assertThat(entry(zip, "accept/accept_result.json")).contains("\"checks_passed\":5");
  }

  @Test
  void a_hanging_command_should_be_killed_at_its_timeout_and_fail_its_check() throws Exception {
    String job = demoJob();
    Files.writeString(dir.resolve("accept.yaml"), """
        test_command: "echo started; sleep 60"
        lint_command: "echo lint is unhappy >&2; exit 3"
        command_timeout_seconds: 1
        """);
    long start = System.nanoTime();
    CliRun r = run("accept", "run", job, "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
    assertThat((System.nanoTime() - start) / 1_000_000_000L).isLessThan(30);
    JsonNode result = Json.parse(r.out()).get("accept_result");
    assertThat(result.get("failures").get(0).get("message").asString())
        .startsWith("command timed out after 1s and was killed").contains("started");
    assertThat(result.get("failures").get(1).get("message").asString())
        .isEqualTo("command failed (exit=3): lint is unhappy");
    assertThat(result.get("reason_codes").toString()).isEqualTo("[\"E_ACCEPT_TEST_FAIL\",\"E_ACCEPT_LINT_FAIL\"]");
    assertThat(Json.parse(r.out()).has("junit_path")).isFalse();
  }

  @Test
  void junit_without_ci_should_write_only_the_junit_and_print_failures_as_text() throws Exception {
    String job = demoJob();
    Files.writeString(dir.resolve("accept.yaml"), "test_command: \"true\"\nlint_command: \"\"\n");
    Path demoPack = dir.resolve("wrkr-out/jobpacks/jobpack_" + job + ".zip");
    byte[] before = Files.readAllBytes(demoPack);
    CliRun r = run("accept", "run", job, "--junit", "out/accept.xml");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(5);
    assertThat(r.out()).contains("checks=5 passed=4 failures=1\n")
        .contains("junit=" + dir.resolve("out/accept.xml") + "\n")
        .endsWith("failure check=lint_command message=lint_command is not configured\n")
        .doesNotContain("summary=");
    assertThat(Files.readString(dir.resolve("out/accept.xml"))).contains("type=\"E_ACCEPT_LINT_FAIL\"");
    assertThat(Files.readAllBytes(demoPack)).as("without --ci the demo's jobpack is not re-exported")
        .isEqualTo(before);
  }

  @Test
  void hostile_configs_should_fail_with_clear_input_errors() throws Exception {
    String job = demoJob();
    Files.writeString(dir.resolve("accept.yaml"), "required_artifacts:\n  - ../outside.md\n");
    CliRun r = run("accept", "run", job);
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.err()).contains("E_INVALID_INPUT_SCHEMA").contains("escapes the working directory")
        .contains("line 2");
    Files.writeString(dir.resolve("accept.yaml"), "test_command: [unclosed\n");
    assertThat(run("accept", "run", job).err()).contains("YAML syntax error");
    assertThat(run("accept", "run", job, "--config", "../x.yaml").exitCode()).isEqualTo(6);
    assertThat(run("accept", "run", "job_missing").exitCode()).isEqualTo(6);
  }

  @Test
  void init_should_write_the_commented_config_once() {
    CliRun r = run("accept", "init");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).isEqualTo("config=" + dir.toAbsolutePath().resolve("accept.yaml") + "\n");
    CliRun again = run("accept", "init");
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("config already exists");
  }
}
