package dev.wrkr.dispatch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code wrkr demo} runs offline through the whole lifecycle and says what to try next. */
class DemoTest {
  @TempDir Path dir;

  private CliRun run(String... argv) {
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  @Test
  void demo_should_go_from_plan_to_approval_to_completed_with_real_artifacts() throws Exception {
    CliRun text = run("demo");
    assertThat(text.exitCode()).as(text.err()).isZero();
    assertThat(text.out()).contains(" status=completed\n").contains(" plan (running)")
        .contains(" decision-needed (blocked_decision)").contains("-> approved by wrkr-demo")
        .contains(" completed (completed)").contains("try next:");

    JsonNode json = Json.parse(run("demo", "--json").out());
    assertThat(json.get("status").asString()).isEqualTo("completed");
    assertThat(json.get("job_id").asString()).isNotEqualTo(text.out().substring(7, text.out().indexOf(' ')));
    Path workspace = Path.of(json.get("workspace").asString());
    assertThat(Files.readString(workspace.resolve("reports/plan.md"))).startsWith("# Plan");
    assertThat(Files.readString(workspace.resolve("reports/result.md"))).startsWith("# Result");
    assertThat(workspace).startsWith(dir.resolve("wrkr-out/demo"));
    assertThat(run("jobs").out().lines()).hasSize(2).allMatch(l -> l.contains("status=completed"));
  }
}
