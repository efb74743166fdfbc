package dev.wrkr.dispatch;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.AppServices;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
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
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The next steps (up to {@link StepAhead#DEPTH}) are started held while the one before them runs
 * ({@link StepAhead}): they must behave exactly as if they had been started at their turn. What a crash does to it is in
 * {@code DispatchProcessIT.kill_9_mid_step_…} (the step after the killed one runs once); pauses and
 * budget stops at the boundary in {@code RunningJobControlTest} and {@code DispatchFlowTest}.
 */
class StepsAheadTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private void useStore(String kind) {
    env.putAll(CliHarness.storeEnv(kind, dir));
  }

  private CliRun run(String... argv) {
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  private List<JobHistory.RecordedEvent> events(String job) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(env.get("WRKR_STORE_URL")))) {
      return new JobHistory(store.ledger(), store.index(), InstantSource.system()).events(JobId.of(job));
    }
  }

  private static List<Long> startedIndexes(List<JobHistory.RecordedEvent> events) {
    return events.stream().map(JobHistory.RecordedEvent::event)
        .filter(JobEvent.StepStarted.class::isInstance).map(e -> ((JobEvent.StepStarted) e).stepIndex()).toList();
  }

  /**
   * A step's outcome and the start of the step after it (held ahead) are one commit: one batch,
   * whose events the ledger stamps with one time, right after the outcome's checkpoint. The first
   * step's start has a commit of its own.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_steps_outcome_and_the_next_steps_start_should_commit_together(String kind) {
    useStore(kind);
    Specs.write(dir, "chained", budgets(20, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs"), step("three", "echo x >> three.runs"));

    CliRun r = run("submit", "chained.yaml", "--job-id", "chained");

    assertThat(r.exitCode()).as(r.err()).isZero();
    List<JobHistory.RecordedEvent> events = events("chained");
    assertThat(startedIndexes(events)).containsExactly(0L, 1L, 2L);
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).event() instanceof JobEvent.StepStarted started) {
        JobHistory.RecordedEvent before = events.get(i - 1);
        if (started.stepIndex() == 0) {
          assertThat(before.event()).isNotInstanceOf(JobEvent.CheckpointEmitted.class);
          continue;
        }
        assertThat(before.event()).as("the outcome of step %d", started.stepIndex() - 1)
            .isInstanceOf(JobEvent.CheckpointEmitted.class);
        assertThat(before.at()).as("one commit").isEqualTo(events.get(i).at());
        assertThat(events.get(i + 1).event()).isInstanceOf(JobEvent.StepProcess.class);
        assertThat(events.get(i + 1).at()).isEqualTo(events.get(i).at());
      }
    }
  }

  /**
   * A budget that the step just done leaves no room in stops the job at the boundary: the step's
   * outcome commits alone, and the step held ahead is neither recorded nor run.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_budget_stop_after_a_step_should_record_its_outcome_without_the_next_steps_start(String kind) {
    useStore(kind);
    Specs.write(dir, "budgeted", budgets(2, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs"), step("three", "echo x >> three.runs"));

    assertThat(run("submit", "budgeted.yaml", "--job-id", "budgeted").exitCode()).isEqualTo(1);

    List<JobHistory.RecordedEvent> events = events("budgeted");
    assertThat(startedIndexes(events)).containsExactly(0L, 1L);
    assertThat(events).map(JobHistory.RecordedEvent::event).filteredOn(JobEvent.AdapterStep.class::isInstance)
        .hasSize(2);
    assertThat(dir.resolve("three.runs")).doesNotExist();
  }

  /**
   * Usage only the step reports (tokens) that exceeds a budget stops the job after that step,
   * judged on the state with its outcome, before the next step's start would commit with it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void usage_a_step_reports_over_budget_should_stop_the_job_before_the_next_step_starts(String kind) {
    useStore(kind);
    Specs.write(dir, "tokens", budgets(20, 200, 0) + "  max_tokens: 1000\n", List.of("os"),
        step("agent", "echo '{\"tokens\": 1500}' > \"$WRKR_STEP_USAGE_FILE\""),
        step("after", "echo x >> after.runs"));

    assertThat(run("submit", "tokens.yaml", "--job-id", "tokens").exitCode()).isEqualTo(1);

    assertThat(startedIndexes(events("tokens"))).containsExactly(0L);
    assertThat(dir.resolve("after.runs")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void the_steps_after_a_failed_one_should_never_run_and_leave_no_logs(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "failing", budgets(20, 200, 0), List.of("os"),
        step("one", "sleep 0.3; exit 3"), step("two", "echo x >> two.runs"), step("three", "echo x >> three.runs"));

    assertThat(run("submit", "failing.yaml", "--job-id", "failing").exitCode()).isEqualTo(1);

    assertThat(dir.resolve("two.runs")).doesNotExist();
    assertThat(dir.resolve("three.runs")).doesNotExist();
    try (Stream<Path> logs = Files.list(dir.resolve("home/logs/failing"))) {
      assertThat(logs.map(p -> p.getFileName().toString()))
          .as("the steps started ahead are discarded with their log files")
          .noneMatch(name -> name.startsWith("step-1-") || name.startsWith("step-2-"));
    }
    assertThat(startedIndexes(events("failing"))).containsExactly(0L);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void the_next_steps_timeout_should_count_from_its_turn_not_from_its_start_ahead(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "timed", budgets(20, 200, 0), List.of("os"),
        step("slow", "sleep 2"), step("quick", "echo x >> quick.runs", "timeout: 1s"));

    CliRun r = run("submit", "timed.yaml", "--job-id", "timed");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readAllLines(dir.resolve("quick.runs"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void the_steps_ahead_should_run_in_the_workspace_a_step_before_them_replaced(String kind) throws IOException {
    useStore(kind);
    Files.createDirectories(dir.resolve("ws"));
    Path spec = Specs.write(dir, "replaced", budgets(20, 200, 0), List.of("os"),
        step("replace", "cd .. && rm -rf ws && mkdir ws && echo fresh > ws/marker && sleep 0.3"),
        step("read", "cat marker > ../seen"), step("read-again", "cat marker > ../seen-again"));
    Files.writeString(spec, Files.readString(spec).replace("workspace: .", "workspace: ws"));

    CliRun r = run("submit", "replaced.yaml", "--job-id", "replaced");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("seen"))).isEqualTo("fresh\n");
    assertThat(Files.readString(dir.resolve("seen-again"))).as("started two steps ahead").isEqualTo("fresh\n");
  }
}
