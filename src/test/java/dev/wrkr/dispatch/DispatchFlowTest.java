package dev.wrkr.dispatch;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.decision;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.AppServices;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * The dispatch lifecycle end to end through the real CLI, real step processes and both real
 * stores: the blessed flow, budgets, environment gating, retries and failures.
 */
class DispatchFlowTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private void useStore(String kind) {
    env.putAll(CliHarness.storeEnv(kind, dir));
    env.put("USER", "ana");
  }

  private CliRun run(String... argv) {
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  private JsonNode json(String... argv) {
    CliRun r = run(argv);
    assertThat(r.exitCode()).as("%s: %s", List.of(argv), r.err()).isZero();
    return Json.parse(r.out());
  }

  private int lines(String file) throws IOException {
    Path p = dir.resolve(file);
    return Files.exists(p) ? Files.readAllLines(p).size() : 0;
  }

  private List<JobEvent> events(String job) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(env.get("WRKR_STORE_URL")))) {
      return new JobHistory(store.ledger(), store.index(), InstantSource.system()).events(JobId.of(job))
          .stream().map(JobHistory.RecordedEvent::event).toList();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void blessed_flow_should_block_for_a_decision_then_complete_after_approval(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "blessed", budgets(20, 200, 2), List.of("go_version", "os", "arch"),
        step("plan", "mkdir -p reports && echo plan > reports/plan.md && echo x >> plan.runs", "artifacts: [reports/plan.md]"),
        decision("manager_review"),
        step("finalize", "echo x >> finalize.runs"));

    assertThat(run("submit", "blessed.yaml", "--job-id", "blessed"))
        .isEqualTo(new CliRun(0, "job_id=blessed status=blocked_decision adapter=reference\n", ""));
    assertThat(Files.readString(dir.resolve("reports/plan.md"))).isEqualTo("plan\n");

    CliRun unapproved = run("resume", "blessed", "--json");
    assertThat(unapproved.exitCode()).isEqualTo(4);
    JsonNode envelope = Json.parse(unapproved.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_CHECKPOINT_APPROVAL_REQUIRED");
    String decisionId = envelope.get("details").get("checkpoint_id").asString();

    JsonNode checkpoints = json("checkpoint", "list", "blessed", "--json");
    assertThat(checkpoints).extracting(c -> c.get("type").asString())
        .containsExactly("plan", "progress", "decision-needed");
    for (JsonNode cp : checkpoints) {
      assertThat(Schemas.standard().validate(SchemaId.CHECKPOINT, cp)).isEmpty();
    }
    assertThat(checkpoints.get(2).get("checkpoint_id").asString()).isEqualTo(decisionId);

    assertThat(run("approve", "blessed", "--checkpoint", decisionId, "--reason", "plan reviewed").exitCode()).isZero();
    assertThat(run("resume", "blessed")).isEqualTo(new CliRun(0, "job=blessed status=completed\n", ""));
    assertThat(run("resume", "blessed").out()).isEqualTo("job=blessed status=completed\nnote=job is completed; nothing to resume\n");
    assertThat(lines("plan.runs")).as("plan ran once").isEqualTo(1);
    assertThat(lines("finalize.runs")).as("finalize ran once").isEqualTo(1);

    JsonNode status = json("status", "blessed", "--json");
    assertThat(status.get("status").asString()).isEqualTo("completed");
    assertThat(status.has("lease")).as("lease released").isFalse();
    assertThat(Schemas.standard().validate(SchemaId.STATUS_RESPONSE, status)).isEmpty();
    assertThat(events("blessed")).filteredOn(JobEvent.LeaseReleased.class::isInstance).hasSize(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_budget_stop_should_resume_from_the_same_cursor_after_a_raise(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "budgeted", budgets(2, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs"), step("three", "echo x >> three.runs"));

    CliRun stopped = run("submit", "budgeted.yaml", "--job-id", "budgeted", "--json");
    assertThat(stopped.exitCode()).isEqualTo(1);
    assertThat(Json.parse(stopped.err()).get("code").asString()).isEqualTo("E_BUDGET_EXCEEDED");
    assertThat(json("status", "budgeted", "--json").get("status").asString()).isEqualTo("blocked_budget");
    JsonNode blocked = json("checkpoint", "list", "budgeted", "--json");
    assertThat(blocked.get(blocked.size() - 1).get("summary").asString()).isEqualTo("budget exceeded: step_count>2");
    assertThat(List.of(lines("one.runs"), lines("two.runs"), lines("three.runs"))).containsExactly(1, 1, 0);

    assertThat(run("resume", "budgeted").exitCode()).as("same limits stop again").isEqualTo(1);
    assertThat(lines("three.runs")).isZero();

    assertThat(run("resume", "budgeted", "--budget", "max_step_count=5", "--reason", "one more step"))
        .isEqualTo(new CliRun(0, "job=budgeted status=completed\n", ""));
    assertThat(List.of(lines("one.runs"), lines("two.runs"), lines("three.runs"))).containsExactly(1, 1, 1);
    assertThat(events("budgeted")).filteredOn(JobEvent.BudgetRaised.class::isInstance)
        .singleElement().isEqualTo(new JobEvent.BudgetRaised(List.of("max_step_count=5"), "ana", "one more step"));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void an_environment_change_should_block_resume_until_an_audited_override(String kind) {
    useStore(kind);
    env.put("DEPLOY_TARGET", "staging");
    Specs.write(dir, "envjob", budgets(20, 200, 0), List.of("env:DEPLOY_TARGET", "os"),
        step("one", "true"), decision("gate"), step("two", "true"));
    assertThat(run("submit", "envjob.yaml", "--job-id", "envjob").exitCode()).isZero();
    String gate = json("checkpoint", "list", "envjob", "--json").get(2).get("checkpoint_id").asString();
    run("approve", "envjob", "--checkpoint", gate, "--reason", "go");

    env.put("DEPLOY_TARGET", "production");
    CliRun blocked = run("resume", "envjob", "--json");
    assertThat(blocked.exitCode()).isEqualTo(1);
    JsonNode envelope = Json.parse(blocked.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_ENV_FINGERPRINT_MISMATCH");
    assertThat(envelope.get("message").asString()).contains("env:DEPLOY_TARGET staging -> production");
    assertThat(json("status", "envjob", "--json").get("status").asString()).isEqualTo("blocked_error");

    assertThat(run("resume", "envjob", "--force-env", "--reason", "promoted to production", "--approved-by", "bo"))
        .isEqualTo(new CliRun(0, "job=envjob status=completed\n", ""));
    JobEvent.EnvOverrideRecorded override = events("envjob").stream()
        .filter(JobEvent.EnvOverrideRecorded.class::isInstance).map(JobEvent.EnvOverrideRecorded.class::cast)
        .findFirst().orElseThrow();
    assertThat(override.approvedBy()).isEqualTo("bo");
    assertThat(override.reason()).isEqualTo("promoted to production");
    assertThat(override.expectedHash()).isNotEqualTo(override.actualHash());
    assertThat(override.values()).containsEntry("env:DEPLOY_TARGET", "production");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void a_flaky_step_should_be_retried_and_counted(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "flaky", budgets(20, 200, 3), List.of("os"),
        step("flaky", "echo x >> flaky.runs; [ $(wc -l < flaky.runs) -ge 3 ]", "retries: 3", "retry_backoff: 0s"));
    assertThat(run("submit", "flaky.yaml", "--job-id", "flaky").exitCode()).isZero();
    assertThat(lines("flaky.runs")).isEqualTo(3);
    assertThat(events("flaky")).filteredOn(JobEvent.StepRetried.class::isInstance).hasSize(2);
    JsonNode checkpoints = json("checkpoint", "list", "flaky", "--json");
    assertThat(checkpoints.get(checkpoints.size() - 1).get("budget_state").get("retry_count").asLong()).isEqualTo(2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_failing_step_should_block_and_rerun_only_that_step_on_resume(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "failing", budgets(20, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs; test -f fixed"));
    CliRun failed = run("submit", "failing.yaml", "--job-id", "failing", "--json");
    assertThat(failed.exitCode()).isEqualTo(1);
    JsonNode envelope = Json.parse(failed.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_ADAPTER_FAIL");
    assertThat(envelope.get("details").get("exit_code").asInt()).isEqualTo(1);
    JsonNode checkpoints = json("checkpoint", "list", "failing", "--json");
    assertThat(checkpoints.get(checkpoints.size() - 1).get("summary").asString()).isEqualTo("reference step two failed (exit=1)");
    assertThat(json("status", "failing", "--json").get("status").asString()).isEqualTo("blocked_error");

    Files.writeString(dir.resolve("fixed"), "");
    assertThat(run("resume", "failing").out()).isEqualTo("job=failing status=completed\n");
    assertThat(List.of(lines("one.runs"), lines("two.runs"))).containsExactly(1, 2);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void reported_token_usage_should_count_against_the_budget(String kind) {
    useStore(kind);
    Specs.write(dir, "tokens", budgets(20, 200, 0) + "  max_tokens: 1000\n", List.of("os"),
        step("agent", "echo '{\"tokens\": 1500, \"estimated_cost\": 0.25}' > \"$WRKR_STEP_USAGE_FILE\""),
        step("after", "echo x >> after.runs"));
    CliRun r = run("submit", "tokens.yaml", "--job-id", "tokens", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(Json.parse(r.err()).get("details").get("violations").get(0).asString()).isEqualTo("tokens>1000");
    assertThat(dir.resolve("after.runs")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void a_step_past_its_timeout_should_fail_as_timed_out(String kind) {
    useStore(kind);
    Specs.write(dir, "slow", budgets(20, 200, 0), List.of("os"), step("slow", "sleep 30", "timeout: 1s"));
    CliRun r = run("submit", "slow.yaml", "--job-id", "slow", "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(Json.parse(r.err()).get("code").asString()).isEqualTo("E_ADAPTER_FAIL");
    assertThat(events("slow")).filteredOn(JobEvent.AdapterStep.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((JobEvent.AdapterStep) e).outcome()).contains("timed_out"));
  }
}
