package dev.wrkr.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.accept.AcceptConfig;
import dev.wrkr.accept.AcceptConfigs;
import dev.wrkr.spec.StrictYaml;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The GitHub Actions kit in {@code examples/ci/} stays in step with the CLI: the workflow is
 * well-formed YAML, every {@code ./wrkr} line names a command and flags this build accepts, and
 * the example accept config loads.
 */
class CiKitTest {
  private static final Path KIT = Path.of("examples/ci");

  @TempDir Path dir;

  private static List<String> wrkrLines() throws Exception {
    JsonNode workflow = StrictYaml.parse(Files.readAllBytes(KIT.resolve("wrkr-agent-job.yml"))).root();
    List<String> lines = new ArrayList<>();
    for (JsonNode job : workflow.get("jobs")) {
      for (JsonNode step : job.get("steps")) {
        if (step.has("run")) {
          step.get("run").asString().lines().map(String::strip).filter(l -> l.startsWith("./wrkr "))
              .forEach(lines::add);
        }
      }
    }
    return lines;
  }

  @Test
  void the_workflow_should_run_submit_accept_verify_report_and_upload_the_jobpack() throws Exception {
    String text = Files.readString(KIT.resolve("wrkr-agent-job.yml"));
    assertThat(wrkrLines()).anyMatch(l -> l.startsWith("./wrkr submit "))
        .anyMatch(l -> l.startsWith("./wrkr accept run ") && l.contains("--ci"))
        .anyMatch(l -> l.startsWith("./wrkr verify "))
        .anyMatch(l -> l.startsWith("./wrkr report github "));
    assertThat(text).contains("actions/upload-artifact").contains("wrkr-out/jobpacks/");
  }

  @Test
  void the_workflows_wrkr_lines_should_run_in_order_against_a_real_job() throws Exception {
    Specs.write(Files.createDirectories(dir.resolve(".wrkr")), "jobspec", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("result", "mkdir -p reports && echo done > reports/result.md", "artifacts: [reports/result.md]"));
    Files.writeString(dir.resolve("accept.yaml"), Files.readString(KIT.resolve("accept.yaml"))
        .replace("mvn -B -q test", "'true'").replace("mvn -B -q -DskipTests verify", "'true'"));
    CliHarness cli = new CliHarness(Map.of("WRKR_HOME", dir.resolve("home").toString(),
        "PATH", System.getenv("PATH")), dir);
    assertThat(cli.run("keys", "generate", "--out", "k").exitCode()).isZero();
    for (String line : wrkrLines()) {
      List<String> argv = new ArrayList<>();
      for (String word : line.substring("./wrkr ".length()).split(" ")) {
        argv.add(word.replace("\"$JOB_ID\"", "pr-1").replace("\"$RUNNER_TEMP/wrkr.key\"", "k.key"));
      }
      CliRun r = cli.run(argv.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s: %s", line, r.err()).isZero();
    }
    assertThat(dir.resolve("wrkr-out/jobpacks/jobpack_pr-1.zip")).exists();
    assertThat(dir.resolve("wrkr-out/jobpacks/jobpack_pr-1.sig.json")).exists();
    assertThat(dir.resolve("wrkr-out/reports/accept_pr-1.junit.xml")).exists();
  }

  @Test
  void the_example_accept_config_should_load() {
    AcceptConfig config = AcceptConfigs.load(KIT.resolve("accept.yaml").toAbsolutePath());
    assertThat(config.requiredArtifacts()).containsExactly("reports/result.md");
    assertThat(config.commandTimeout().toSeconds()).isEqualTo(1800);
  }
}
