package dev.wrkr.dispatch;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wrkr.app.AppServices;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pause and cancel reach a job that is running in another invocation. */
class RunningJobControlTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private JobStore observer;

  private void useStore(String kind) {
    env.putAll(CliHarness.storeEnv(kind, dir));
  }

  private CliRun run(String... argv) {
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  /** One store connection for the test's own looks at the ledger (polled every 100 ms). */
  private JobHistory history() {
    if (observer == null) {
      observer = AppServices.openStore(StoreLocation.parse(env.get("WRKR_STORE_URL")));
    }
    return new JobHistory(observer.ledger(), observer.index(), InstantSource.system());
  }

  @AfterEach
  void closeObserver() {
    if (observer != null) {
      observer.close();
    }
  }

  private Optional<JobState> state(String job) {
    return history().load(JobId.of(job));
  }

  private List<JobEvent> events(String job) {
    return history().events(JobId.of(job)).stream().map(JobHistory.RecordedEvent::event).toList();
  }

  private void awaitStepInFlight(String job, String stepId) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(
        () -> state(job).flatMap(JobState::stepInFlight).map(s -> s.stepId().equals(stepId)).orElse(false));
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void cancel_should_stop_a_running_step_and_its_whole_process_group(String kind) throws Exception {
    useStore(kind);
    Specs.write(dir, "long", budgets(20, 200, 0), List.of("os"),
        step("long", "sleep 300 & echo $! > child.pid; wait"), step("never", "echo x >> never.runs"));
    CompletableFuture<CliRun> submit = CompletableFuture.supplyAsync(() -> run("submit", "long.yaml", "--job-id", "long"));
    awaitStepInFlight("long", "long");
    await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(dir.resolve("child.pid"))
        && !Files.readString(dir.resolve("child.pid")).isBlank());
    long child = Long.parseLong(Files.readString(dir.resolve("child.pid")).strip());

    assertThat(run("cancel", "long")).isEqualTo(new CliRun(0, "job=long status=canceled\n", ""));
    CliRun submitted = submit.get(60, TimeUnit.SECONDS);
    assertThat(submitted.out()).isEqualTo("job_id=long status=canceled adapter=reference\n");
    await().atMost(Duration.ofSeconds(30)).until(() -> ProcessHandle.of(child).map(p -> !p.isAlive()).orElse(true));
    assertThat(dir.resolve("never.runs")).doesNotExist();
    assertThat(events("long")).filteredOn(JobEvent.AdapterStep.class::isInstance)
        .singleElement().satisfies(e -> assertThat(((JobEvent.AdapterStep) e).outcome()).contains("canceled"));
    assertThat(run("status", "long").out()).isEqualTo("job=long status=canceled\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void pause_should_stop_at_the_next_step_boundary_and_resume_continue(String kind) throws Exception {
    useStore(kind);
    Files.writeString(dir.resolve("gate"), "");
    Specs.write(dir, "pausable", budgets(20, 200, 0), List.of("os"),
        step("first", "while [ -f gate ]; do sleep 0.1; done; echo x >> first.runs"),
        step("second", "echo x >> second.runs"));
    CompletableFuture<CliRun> submit =
        CompletableFuture.supplyAsync(() -> run("submit", "pausable.yaml", "--job-id", "pausable"));
    awaitStepInFlight("pausable", "first");

    assertThat(run("pause", "pausable")).isEqualTo(new CliRun(0, "job=pausable status=paused\n", ""));
    Files.delete(dir.resolve("gate"));
    assertThat(submit.get(60, TimeUnit.SECONDS).out()).isEqualTo("job_id=pausable status=paused adapter=reference\n");
    assertThat(Files.readAllLines(dir.resolve("first.runs"))).hasSize(1);
    assertThat(dir.resolve("second.runs")).as("stopped at the step boundary").doesNotExist();
    assertThat(events("pausable")).filteredOn(JobEvent.StepStarted.class::isInstance)
        .as("the step held ahead is not recorded with the paused step's outcome")
        .map(e -> ((JobEvent.StepStarted) e).stepId()).containsExactly("first");

    assertThat(run("resume", "pausable").out()).isEqualTo("job=pausable status=completed\n");
    assertThat(Files.readAllLines(dir.resolve("first.runs"))).as("the paused step is not run again").hasSize(1);
    assertThat(Files.readAllLines(dir.resolve("second.runs"))).hasSize(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void pause_and_cancel_should_refuse_illegal_moves(String kind) {
    useStore(kind);
    Specs.write(dir, "done", budgets(20, 200, 0), List.of("os"), step("one", "true"));
    run("submit", "done.yaml", "--job-id", "done");
    CliRun pause = run("pause", "done", "--json");
    assertThat(pause.exitCode()).isEqualTo(1);
    assertThat(pause.err()).contains("E_INVALID_STATE_TRANSITION").contains("\\\"completed\\\" -\\u003e \\\"paused\\\"");
    assertThat(run("cancel", "done").err())
        .isEqualTo("E_INVALID_STATE_TRANSITION: invalid status transition \"completed\" -> \"canceled\"\n");
    assertThat(run("cancel", "nope").exitCode()).isEqualTo(6);
  }
}
