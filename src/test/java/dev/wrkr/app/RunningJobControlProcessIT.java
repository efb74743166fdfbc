package dev.wrkr.app;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wrkr.app.WrkrProcess.Result;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/**
 * Pause and cancel sent by one {@code ./wrkr} process to a job another {@code ./wrkr} process is
 * running, and resume of a job that has nothing left to do; SQLite and PostgreSQL.
 */
class RunningJobControlProcessIT {
  private static final Duration PATIENCE = Duration.ofSeconds(120);
  @TempDir Path dir;
  private WrkrProcess wrkr;

  private void awaitFile(String name) {
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(100)).until(() -> Files.exists(dir.resolve(name)));
  }

  private List<String> statusChangesTo(String job) {
    return wrkr.events(job, "status_changed").stream().map(e -> e.get("to").asString()).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void pause_from_another_process_should_stop_at_the_step_boundary_until_resume(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir);
    Files.writeString(dir.resolve("gate"), "");
    Specs.write(dir, "pausable", budgets(20, 200, 0), List.of("os"),
        step("first", "touch first.started; while [ -f gate ]; do sleep 0.1; done; echo x >> first.runs"),
        step("second", "echo x >> second.runs"));
    Process submit = wrkr.start("submit", "submit", "pausable.yaml", "--job-id", "pausable");
    awaitFile("first.started");

    assertThat(wrkr.run("pause", "pausable")).isEqualTo(new Result(0, "job=pausable status=paused\n", ""));
    Files.delete(dir.resolve("gate"));
    assertThat(wrkr.finish("submit", submit))
        .isEqualTo(new Result(0, "job_id=pausable status=paused adapter=reference\n", ""));
    assertThat(wrkr.json("status", "pausable", "--json").get("status").asString()).isEqualTo("paused");
    assertThat(List.of(wrkr.lines("first.runs"), wrkr.lines("second.runs")))
        .as("the step in flight finished; the next one did not start").containsExactly(1, 0);
    assertThat(statusChangesTo("pausable")).containsExactly("running", "paused");

    assertThat(wrkr.run("resume", "pausable")).isEqualTo(new Result(0, "job=pausable status=completed\n", ""));
    assertThat(List.of(wrkr.lines("first.runs"), wrkr.lines("second.runs"))).containsExactly(1, 1);
    assertThat(statusChangesTo("pausable")).containsExactly("running", "paused", "running", "completed");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void cancel_from_another_process_should_kill_the_steps_whole_process_group(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir);
    // A background child that writes late.out once "release" exists: only a group kill stops it.
    Specs.write(dir, "long", budgets(20, 200, 0), List.of("os"),
        step("long", "(while [ ! -f release ]; do sleep 0.1; done; echo late > late.out) & touch long.started; wait"),
        step("never", "echo x >> never.runs"));
    Process submit = wrkr.start("submit", "submit", "long.yaml", "--job-id", "long");
    awaitFile("long.started");
    long group = wrkr.events("long", "step_process").getFirst().get("pid").asLong();
    assertThat(WrkrProcess.livingInGroup(group)).as("the step shell and its background child").isGreaterThanOrEqualTo(2);

    assertThat(wrkr.run("cancel", "long")).isEqualTo(new Result(0, "job=long status=canceled\n", ""));
    assertThat(wrkr.finish("submit", submit))
        .isEqualTo(new Result(0, "job_id=long status=canceled adapter=reference\n", ""));
    await().atMost(PATIENCE).pollInterval(Duration.ofMillis(200)).until(() -> WrkrProcess.livingInGroup(group) == 0);
    Files.writeString(dir.resolve("release"), "");
    assertThat(dir.resolve("late.out")).as("the background child died with its group").doesNotExist();
    assertThat(dir.resolve("never.runs")).doesNotExist();
    assertThat(wrkr.events("long", "adapter_step")).singleElement()
        .satisfies(e -> assertThat(e.get("outcome").asString()).isEqualTo("canceled"));
    assertThat(statusChangesTo("long")).containsExactly("running", "canceled");

    assertThat(wrkr.run("resume", "long"))
        .isEqualTo(new Result(0, "job=long status=canceled\nnote=job is canceled; nothing to resume\n", ""));
    assertThat(dir.resolve("never.runs")).doesNotExist();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void resuming_a_completed_job_again_and_again_should_change_nothing_and_say_so(String kind) throws Exception {
    wrkr = WrkrProcess.fresh(kind, dir);
    Specs.write(dir, "done", budgets(20, 200, 0), List.of("os"),
        step("one", "echo x >> one.runs"), step("two", "echo x >> two.runs"));
    assertThat(wrkr.run("submit", "done.yaml", "--job-id", "done"))
        .isEqualTo(new Result(0, "job_id=done status=completed adapter=reference\n", ""));
    long seq = wrkr.lastSeq("done");
    assertThat(seq).isPositive();

    for (int i = 0; i < 2; i++) {
      assertThat(wrkr.run("resume", "done"))
          .isEqualTo(new Result(0, "job=done status=completed\nnote=job is completed; nothing to resume\n", ""));
    }
    JsonNode json = wrkr.json("resume", "done", "--json");
    assertThat(json.get("status").asString()).isEqualTo("completed");
    assertThat(json.get("note").asString()).isEqualTo("job is completed; nothing to resume");
    assertThat(wrkr.lastSeq("done")).as("nothing appended to the ledger").isEqualTo(seq);
    assertThat(List.of(wrkr.lines("one.runs"), wrkr.lines("two.runs"))).containsExactly(1, 1);
    assertThat(wrkr.json("status", "done", "--json").get("status").asString()).isEqualTo("completed");
  }
}
