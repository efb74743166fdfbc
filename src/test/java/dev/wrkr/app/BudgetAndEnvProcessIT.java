package dev.wrkr.app;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.decision;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.WrkrProcess.Result;
import dev.wrkr.testing.Specs;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Budget stops and environment gating with the real {@code ./wrkr} binary, every command its own OS
 * process: the job blocks with a checkpoint, the audited way past (a budget raise, an environment
 * override) is in the ledger, and the job continues from the same cursor with every step's side
 * effect happening once.
 */
class BudgetAndEnvProcessIT {
  @TempDir Path dir;
  private WrkrProcess wrkr;

  private JsonNode lastCheckpoint(String job) throws Exception {
    JsonNode list = wrkr.json("checkpoint", "list", job, "--json");
    return list.get(list.size() - 1);
  }

  private String status(String job) throws Exception {
    return wrkr.json("status", job, "--json").get("status").asString();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_step_count_stop_should_resume_from_the_same_cursor_after_an_audited_raise(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir);
    Specs.write(dir, "budgeted", budgets(2, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs"), step("three", "echo x >> three.runs"));

    Result stopped = wrkr.run("submit", "budgeted.yaml", "--job-id", "budgeted", "--json");
    assertThat(stopped.exit()).as(stopped.err()).isEqualTo(1);
    assertThat(stopped.out()).isEmpty();
    JsonNode envelope = stopped.envelope();
    assertThat(envelope.get("code").asString()).isEqualTo("E_BUDGET_EXCEEDED");
    assertThat(envelope.get("exit_code").asInt()).isEqualTo(1);
    assertThat(envelope.get("details").get("violations").get(0).asString()).isEqualTo("step_count>2");
    assertThat(status("budgeted")).isEqualTo("blocked_budget");
    JsonNode blocked = lastCheckpoint("budgeted");
    assertThat(blocked.get("type").asString()).isEqualTo("blocked");
    assertThat(blocked.get("summary").asString()).isEqualTo("budget exceeded: step_count>2");
    assertThat(List.of(wrkr.lines("one.runs"), wrkr.lines("two.runs"), wrkr.lines("three.runs")))
        .containsExactly(1, 1, 0);

    Result again = wrkr.run("resume", "budgeted", "--json");
    assertThat(again.exit()).as("the same limits stop again").isEqualTo(1);
    assertThat(again.envelope().get("code").asString()).isEqualTo("E_BUDGET_EXCEEDED");
    assertThat(wrkr.lines("three.runs")).isZero();
    assertThat(wrkr.events("budgeted", "budget_raised")).isEmpty();

    assertThat(wrkr.run("resume", "budgeted", "--budget", "max_step_count=5", "--reason", "one more step",
        "--approved-by", "ana")).isEqualTo(new Result(0, "job=budgeted status=completed\n", ""));
    assertThat(List.of(wrkr.lines("one.runs"), wrkr.lines("two.runs"), wrkr.lines("three.runs")))
        .as("each step ran exactly once across the stop").containsExactly(1, 1, 1);
    JsonNode raised = wrkr.events("budgeted", "budget_raised").getFirst();
    assertThat(wrkr.events("budgeted", "budget_raised")).hasSize(1);
    assertThat(raised.get("changes").get(0).asString()).isEqualTo("max_step_count=5");
    assertThat(raised.get("approved_by").asString()).isEqualTo("ana");
    assertThat(raised.get("reason").asString()).isEqualTo("one more step");
    assertThat(lastCheckpoint("budgeted").get("type").asString()).isEqualTo("completed");
    assertThat(status("budgeted")).isEqualTo("completed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_retry_budget_stop_should_rerun_only_the_flaky_step_after_a_raise(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir);
    // "flaky" fails on its first two tries and succeeds on the third; one retry is allowed.
    Specs.write(dir, "retrying", budgets(20, 200, 1), List.of("os"),
        step("before", "echo x >> before.runs"),
        step("flaky", "echo x >> flaky.tries; [ $(wc -l < flaky.tries) -ge 3 ] && echo x >> flaky.runs",
            "retries: 5", "retry_backoff: 0s"),
        step("after", "echo x >> after.runs"));

    Result stopped = wrkr.run("submit", "retrying.yaml", "--job-id", "retrying", "--json");
    assertThat(stopped.exit()).as(stopped.err()).isEqualTo(1);
    assertThat(stopped.envelope().get("code").asString()).isEqualTo("E_BUDGET_EXCEEDED");
    assertThat(stopped.envelope().get("details").get("violations").get(0).asString()).isEqualTo("retry_count>1");
    assertThat(status("retrying")).isEqualTo("blocked_budget");
    assertThat(lastCheckpoint("retrying").get("summary").asString()).isEqualTo("budget exceeded: retry_count>1");
    assertThat(List.of(wrkr.lines("before.runs"), wrkr.lines("flaky.tries"), wrkr.lines("flaky.runs"),
        wrkr.lines("after.runs"))).containsExactly(1, 2, 0, 0);
    assertThat(wrkr.events("retrying", "step_retried")).hasSize(1);

    assertThat(wrkr.run("resume", "retrying", "--budget", "max_retries=4", "--reason", "flaky network"))
        .isEqualTo(new Result(0, "job=retrying status=completed\n", ""));
    assertThat(List.of(wrkr.lines("before.runs"), wrkr.lines("flaky.tries"), wrkr.lines("flaky.runs"),
        wrkr.lines("after.runs"))).as("only the unfinished step ran again").containsExactly(1, 3, 1, 1);
    JsonNode raised = wrkr.events("retrying", "budget_raised").getFirst();
    assertThat(raised.get("changes").get(0).asString()).isEqualTo("max_retries=4");
    assertThat(raised.get("reason").asString()).isEqualTo("flaky network");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void an_environment_change_should_block_resume_until_an_audited_override(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir).env("DEPLOY_TARGET", "staging");
    Specs.write(dir, "envjob", budgets(20, 200, 0), List.of("env:DEPLOY_TARGET", "os"),
        step("one", "echo x >> one.runs"), decision("gate"), step("two", "echo x >> two.runs"));
    assertThat(wrkr.run("submit", "envjob.yaml", "--job-id", "envjob").out())
        .isEqualTo("job_id=envjob status=blocked_decision adapter=reference\n");
    String submittedHash = wrkr.json("status", "envjob", "--json").get("environment_hash").asString();
    String gate = lastCheckpoint("envjob").get("checkpoint_id").asString();
    assertThat(wrkr.run("approve", "envjob", "--checkpoint", gate, "--reason", "go").exit()).isZero();

    wrkr.env("DEPLOY_TARGET", "production");
    Result blocked = wrkr.run("resume", "envjob", "--json");
    assertThat(blocked.exit()).as(blocked.err()).isEqualTo(1);
    JsonNode envelope = blocked.envelope();
    assertThat(envelope.get("code").asString()).isEqualTo("E_ENV_FINGERPRINT_MISMATCH");
    assertThat(envelope.get("message").asString()).contains("env:DEPLOY_TARGET staging -> production");
    JsonNode details = envelope.get("details");
    assertThat(details.get("expected_hash").asString()).isEqualTo(submittedHash);
    String actualHash = details.get("actual_hash").asString();
    assertThat(actualHash).isNotEqualTo(submittedHash);
    assertThat(status("envjob")).isEqualTo("blocked_error");
    JsonNode checkpoint = lastCheckpoint("envjob");
    assertThat(checkpoint.get("type").asString()).isEqualTo("blocked");
    assertThat(checkpoint.get("summary").asString()).isEqualTo("environment fingerprint mismatch; resume blocked");
    assertThat(wrkr.lines("two.runs")).isZero();
    assertThat(wrkr.events("envjob", "env_override_recorded")).isEmpty();

    assertThat(wrkr.run("resume", "envjob", "--force-env", "--reason", "promoted to production",
        "--approved-by", "bo")).isEqualTo(new Result(0, "job=envjob status=completed\n", ""));
    assertThat(List.of(wrkr.lines("one.runs"), wrkr.lines("two.runs"))).containsExactly(1, 1);
    List<JsonNode> overrides = wrkr.events("envjob", "env_override_recorded");
    assertThat(overrides).hasSize(1);
    JsonNode override = overrides.getFirst();
    assertThat(override.get("approved_by").asString()).isEqualTo("bo");
    assertThat(override.get("reason").asString()).isEqualTo("promoted to production");
    assertThat(override.get("expected_hash").asString()).isEqualTo(submittedHash);
    assertThat(override.get("actual_hash").asString()).isEqualTo(actualHash);
    assertThat(override.get("values").get("env:DEPLOY_TARGET").asString()).isEqualTo("production");
  }
}
