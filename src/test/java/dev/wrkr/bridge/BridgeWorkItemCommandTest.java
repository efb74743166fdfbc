package dev.wrkr.bridge;

import static dev.wrkr.testing.CliRun.ok;
import static dev.wrkr.testing.Golden.versionFree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code wrkr bridge work-item}: deterministic payloads and templates; {@code --dry-run} changes nothing. */
class BridgeWorkItemCommandTest {
  @TempDir Path dir;

  private CliRun run(String... argv) {
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    return new CliHarness(env, dir).run(argv);
  }

  private Path reports() {
    return dir.resolve("wrkr-out/reports");
  }

  /** The id of the job's checkpoint of {@code type}. */
  private String checkpoint(String job, String type) {
    for (JsonNode cp : Json.parse(ok(run("checkpoint", "list", job, "--json")).out())) {
      if (cp.get("type").asString().equals(type)) {
        return cp.get("checkpoint_id").asString();
      }
    }
    throw new AssertionError("no " + type + " checkpoint in " + job);
  }

  private String decisionJob() {
    Specs.write(dir, "gated", Specs.budgets(10, 10, 0), List.of("os"), Specs.decision("gate"),
        Specs.step("after", "true"));
    run("submit", "gated.yaml", "--job-id", "gated");
    return checkpoint("gated", "decision-needed");
  }

  private String blockedJob() {
    Specs.write(dir, "broken", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("fail", "echo boom >&2; exit 3", "artifacts: [out/b.md, out/a.md]"));
    run("submit", "broken.yaml", "--job-id", "broken");
    return checkpoint("broken", "blocked");
  }

  @Test
  void decision_needed_checkpoint_should_give_the_golden_payload_and_templates() throws Exception {
    String cp = decisionJob();
    CliRun r = ok(run("bridge", "work-item", "gated", "--checkpoint", cp, "--template", "github"));
    Path json = reports().resolve("work_item_gated_" + cp + ".json");
    Path md = reports().resolve("work_item_gated_" + cp + "_github.md");
    assertThat(r.out()).isEqualTo("job_id=gated checkpoint=" + cp + " type=decision-needed\nwork_item=" + json
        + "\ntemplate=" + md + "\nnext_commands:\n- wrkr approve gated --checkpoint " + cp
        + " --reason \"approved\"\n- wrkr resume gated\n- wrkr export gated\n- wrkr accept run gated --json\n");
    Golden.assertMatches("bridge/work_item_decision.json", versionFree(Files.readString(json)));
    Golden.assertMatches("bridge/work_item_decision_github.md", Files.readString(md));
    byte[] first = Files.readAllBytes(json);

    ok(run("bridge", "work-item", "gated", "--checkpoint", cp, "--template", "JIRA"));
    assertThat(Files.readAllBytes(json)).as("same checkpoint, same bytes").isEqualTo(first);
    Golden.assertMatches("bridge/work_item_decision_jira.md",
        Files.readString(reports().resolve("work_item_gated_" + cp + "_jira.md")));
  }

  @Test
  void blocked_checkpoint_should_give_the_golden_payload_and_templates() throws Exception {
    String cp = blockedJob();
    JsonNode r = Json.parse(ok(run("bridge", "work-item", "broken", "--checkpoint", cp, "--template", "jira",
        "--json")).out());
    Path json = reports().resolve("work_item_broken_" + cp + ".json");
    assertThat(r.get("json_path").asString()).isEqualTo(json.toString());
    assertThat(r.get("template_path").asString()).endsWith("_jira.md");
    assertThat(r.get("payload")).isEqualTo(Json.parse(Files.readString(json)));
    Golden.assertMatches("bridge/work_item_blocked.json", versionFree(Files.readString(json)));
    Golden.assertMatches("bridge/work_item_blocked_jira.md",
        Files.readString(reports().resolve("work_item_broken_" + cp + "_jira.md")));
    ok(run("bridge", "work-item", "broken", "--checkpoint", cp, "--template", "github"));
    Golden.assertMatches("bridge/work_item_blocked_github.md",
        Files.readString(reports().resolve("work_item_broken_" + cp + "_github.md")));
  }

  @Test
  void dry_run_should_print_the_payload_and_write_nothing() throws Exception {
    String cp = decisionJob();
    long eventsBefore = Json.parse(ok(run("job", "inspect", "gated", "--json")).out()).get("event_count").asLong();

    JsonNode r = Json.parse(ok(run("bridge", "work-item", "gated", "--checkpoint", cp, "--dry-run", "--template",
        "jira", "--json")).out());
    assertThat(r.has("json_path")).isFalse();
    assertThat(r.has("template_path")).isFalse();
    Golden.assertMatches("bridge/work_item_decision.json", versionFree(dev.wrkr.codec.Canonical.canonicalString(r.get("payload"))));
    CliRun text = ok(run("bridge", "work-item", "gated", "--checkpoint", cp, "--dry-run"));
    assertThat(text.out()).doesNotContain("work_item=").startsWith("job_id=gated checkpoint=" + cp);

    assertThat(dir.resolve("wrkr-out")).doesNotExist();
    assertThat(Json.parse(ok(run("job", "inspect", "gated", "--json")).out()).get("event_count").asLong())
        .isEqualTo(eventsBefore);
  }

  @Test
  void a_checkpoint_that_needs_no_one_should_be_refused() {
    decisionJob();
    String plan = checkpoint("gated", "plan");
    CliRun r = run("bridge", "work-item", "gated", "--checkpoint", plan);
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.err()).isEqualTo("E_INVALID_INPUT_SCHEMA: checkpoint type must be blocked or decision-needed\n");
    assertThat(dir.resolve("wrkr-out")).doesNotExist();
  }

  @Test
  void bad_or_unknown_checkpoint_ids_and_templates_should_be_input_errors() {
    String cp = decisionJob();
    assertThat(run("bridge", "work-item", "gated", "--checkpoint", "nope").exitCode()).isEqualTo(6);
    assertThat(run("bridge", "work-item", "gated", "--checkpoint", "cp_999").exitCode()).isEqualTo(6);
    assertThat(run("bridge", "work-item", "nosuchjob", "--checkpoint", cp).exitCode()).isEqualTo(6);
    assertThat(run("bridge", "work-item", "gated").exitCode()).isEqualTo(6);
    CliRun r = run("bridge", "work-item", "gated", "--checkpoint", cp, "--template", "../x");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(dir.resolve("wrkr-out")).doesNotExist();
  }
}
