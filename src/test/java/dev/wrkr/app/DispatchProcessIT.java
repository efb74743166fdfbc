package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wrkr.app.WrkrProcess.Result;
import dev.wrkr.codec.Json;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Crash safety and lease exclusion with the real {@code ./wrkr} binary in separate OS processes:
 * kill -9 mid-step and after a step was recorded, a cancel after kill -9, and two resumers racing
 * for one job.
 */
class DispatchProcessIT {
  @TempDir Path dir;
  private WrkrProcess wrkr;

  private void setUp(String kind) {
    wrkr = WrkrProcess.fresh(kind, dir).env("WRKR_LEASE_TTL_SECONDS", "3");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void kill_9_mid_step_should_rerun_only_that_step_once_and_never_a_recorded_one(String kind) throws Exception {
    setUp(kind);
    // "two" sleeps on its first try (the crash lands there) and finishes at once when run again.
    Specs.write(dir, "crashy", Specs.budgets(20, 200, 0), List.of("os"),
        Specs.step("one", "echo x >> one.runs"),
        Specs.step("two", "echo $$ > two.pid; if [ ! -f two.tried ]; then touch two.tried; sleep 60; fi; echo x >> two.runs"),
        Specs.step("three", "echo x >> three.runs"),
        Specs.step("four", "echo x >> four.runs")); // "three" and "four" are held ahead at the crash
    Process submit = wrkr.builder("submit", "crashy.yaml", "--job-id", "crashy")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dir.resolve("two.tried")));
    long orphan = Long.parseLong(Files.readString(dir.resolve("two.pid")).strip());
    submit.destroyForcibly();  // SIGKILL: no lease release, step "two" left running
    assertThat(submit.waitFor(30, TimeUnit.SECONDS)).isTrue();

    Result early = wrkr.run("resume", "crashy", "--json");
    assertThat(early.exit()).as("the dead worker's lease still lives").isEqualTo(1);
    assertThat(Json.parse(early.err()).get("code").asString()).isEqualTo("E_LEASE_CONFLICT");
    assertThat(wrkr.run("status", "crashy").out()).startsWith("job=crashy status=running lease_worker=");

    Thread.sleep(3_500);  // the lease TTL
    Result resumed = wrkr.run("resume", "crashy");
    assertThat(resumed.out()).isEqualTo("job=crashy status=completed\n");
    // Stopped before the step ran again; a zombie waits a moment for init to reap it.
    await().atMost(Duration.ofSeconds(20))
        .until(() -> !ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false));
    assertThat(List.of(wrkr.lines("one.runs"), wrkr.lines("two.runs"), wrkr.lines("three.runs"),
        wrkr.lines("four.runs"))).containsExactly(1, 1, 1, 1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void kill_9_after_a_step_is_recorded_should_never_run_it_again(String kind) throws Exception {
    setUp(kind);
    Specs.write(dir, "recorded", Specs.budgets(20, 200, 0), List.of("os"),
        Specs.step("one", "echo x >> one.runs"),
        Specs.step("two", "touch two.started; sleep 60; echo x >> two.runs"));
    Process submit = wrkr.builder("submit", "recorded.yaml", "--job-id", "recorded")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dir.resolve("two.started")));
    submit.destroyForcibly();
    submit.waitFor(30, TimeUnit.SECONDS);
    Files.delete(dir.resolve("two.started"));

    Thread.sleep(3_500);
    assertThat(wrkr.run("checkpoint", "list", "recorded").out()).contains("step one completed");
    Process resume = wrkr.builder("resume", "recorded")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dir.resolve("two.started")));
    resume.destroyForcibly();
    resume.waitFor(30, TimeUnit.SECONDS);
    assertThat(wrkr.lines("one.runs")).as("a step recorded done never runs again").isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void cancel_after_kill_9_should_stop_the_step_the_dead_worker_left_running(String kind) throws Exception {
    setUp(kind);
    Specs.write(dir, "abandoned", Specs.budgets(20, 200, 0), List.of("os"),
        Specs.step("loop", "echo $$ > loop.pid; while true; do echo x >> loop.ticks; sleep 0.2; done"));
    Process submit = wrkr.builder("submit", "abandoned.yaml", "--job-id", "abandoned")
        .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    await().atMost(Duration.ofSeconds(90)).until(() -> Files.exists(dir.resolve("loop.ticks")));
    long group = Long.parseLong(Files.readString(dir.resolve("loop.pid")).strip());
    submit.destroyForcibly();
    assertThat(submit.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(WrkrProcess.livingInGroup(group)).as("the step outlives its worker").isPositive();

    Thread.sleep(3_500);  // the lease TTL: no worker will ever come back for this step
    assertThat(wrkr.run("cancel", "abandoned")).isEqualTo(new Result(0, "job=abandoned status=canceled\n", ""));
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
        .until(() -> WrkrProcess.livingInGroup(group) == 0);
    assertThat(wrkr.run("resume", "abandoned").out()).endsWith("note=job is canceled; nothing to resume\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void two_resumers_at_once_should_leave_exactly_one_running_each_step(String kind) throws Exception {
    setUp(kind);
    Specs.write(dir, "raced", Specs.budgets(20, 200, 0), List.of("os"),
        Specs.decision("gate"),
        Specs.step("slow", "sleep 2; echo x >> slow.runs"),
        Specs.step("after", "echo x >> after.runs"));
    assertThat(wrkr.run("submit", "raced.yaml", "--job-id", "raced").exit()).isZero();
    String gate = Json.parse(wrkr.run("checkpoint", "list", "raced", "--json").out()).get(1).get("checkpoint_id").asString();
    assertThat(wrkr.run("approve", "raced", "--checkpoint", gate, "--reason", "go").exit()).isZero();

    List<Process> racers = new ArrayList<>();
    List<Path> errs = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path err = dir.resolve("racer" + i + ".err");
      errs.add(err);
      racers.add(wrkr.builder("resume", "raced", "--json").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(err.toFile()).start());
    }
    List<Integer> exits = new ArrayList<>();
    for (Process p : racers) {
      assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
      exits.add(p.exitValue());
    }
    assertThat(exits).containsExactlyInAnyOrder(0, 1);
    String loserErr = Files.readString(errs.get(exits.indexOf(1)));
    assertThat(Json.parse(loserErr).get("code").asString()).isEqualTo("E_LEASE_CONFLICT");
    assertThat(List.of(wrkr.lines("slow.runs"), wrkr.lines("after.runs"))).containsExactly(1, 1);
    assertThat(wrkr.run("status", "raced").out()).isEqualTo("job=raced status=completed\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void blessed_flow_should_work_through_the_real_binary(String kind) throws Exception {
    setUp(kind);
    Specs.write(dir, "blessed", Specs.budgets(20, 200, 2), List.of("go_version", "os", "arch"),
        Specs.step("plan", "mkdir -p reports && echo plan > reports/plan.md", "artifacts: [reports/plan.md]"),
        Specs.decision("manager_review"),
        Specs.step("finalize", "echo done > reports/result.md", "artifacts: [reports/result.md]"));
    assertThat(wrkr.run("submit", "blessed.yaml", "--job-id", "blessed"))
        .isEqualTo(new Result(0, "job_id=blessed status=blocked_decision adapter=reference\n", ""));
    Result unapproved = wrkr.run("resume", "blessed");
    assertThat(unapproved.exit()).isEqualTo(4);
    assertThat(unapproved.err()).startsWith("E_CHECKPOINT_APPROVAL_REQUIRED: approval required before resume");
    String decision = Json.parse(wrkr.run("checkpoint", "list", "blessed", "--json").out()).get(2).get("checkpoint_id").asString();
    assertThat(wrkr.run("approve", "blessed", "--checkpoint", decision, "--reason", "reviewed").out())
        .isEqualTo("approved checkpoint=" + decision + "\n");
    assertThat(wrkr.run("resume", "blessed").out()).isEqualTo("job=blessed status=completed\n");
    assertThat(Files.readString(dir.resolve("reports/result.md"))).isEqualTo("done\n");
    assertThat(wrkr.run("jobs", "--status", "completed").out()).startsWith("job=blessed status=completed");
  }
}
