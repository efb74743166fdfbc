package dev.wrkr.dispatch;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.store.TestStoreUrls;
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
 * The next step is started held while the one before it runs ({@link StepAhead}): it
 * must behave exactly as if it had been started at its turn. What a crash does to it is in
 * {@code DispatchProcessIT.kill_9_mid_step_…} (the step after the killed one runs once); pauses and
 * budget stops at the boundary in {@code RunningJobControlTest} and {@code DispatchFlowTest}.
 */
class StepsAheadTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private void useStore(String kind) {
    env.put("WRKR_STORE_URL", TestStoreUrls.fresh(kind, dir));
    env.put("WRKR_HOME", dir.resolve("home").toString());
    env.put("PATH", System.getenv("PATH"));
  }

  private CliRun run(String... argv) {
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void the_step_after_a_failed_one_should_never_run_and_leave_no_logs(String kind) throws IOException {
    useStore(kind);
    Specs.write(dir, "failing", budgets(20, 200, 0), List.of("os"),
        step("one", "sleep 0.3; exit 3"), step("two", "echo x >> two.runs"));

    assertThat(run("submit", "failing.yaml", "--job-id", "failing").exitCode()).isEqualTo(1);

    assertThat(dir.resolve("two.runs")).doesNotExist();
    try (Stream<Path> logs = Files.list(dir.resolve("home/logs/failing"))) {
      assertThat(logs.map(p -> p.getFileName().toString()))
          .as("the step started ahead is discarded with its log files")
          .noneMatch(name -> name.startsWith("step-1-"));
    }
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
  void the_next_step_should_run_in_the_workspace_the_step_before_it_replaced(String kind) throws IOException {
    useStore(kind);
    Files.createDirectories(dir.resolve("ws"));
    Path spec = Specs.write(dir, "replaced", budgets(20, 200, 0), List.of("os"),
        step("replace", "cd .. && rm -rf ws && mkdir ws && echo fresh > ws/marker && sleep 0.3"),
        step("read", "cat marker > ../seen"));
    Files.writeString(spec, Files.readString(spec).replace("workspace: .", "workspace: ws"));

    CliRun r = run("submit", "replaced.yaml", "--job-id", "replaced");

    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.readString(dir.resolve("seen"))).isEqualTo("fresh\n");
  }
}
