package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link StepProcessesContract} with each step in a session of its own ({@code setsid}), plus what
 * only a process group can do: reach orphans and clean up after a shell that exited.
 */
class SessionStepProcessesTest extends StepProcessesContract {
  private static ProcessGroupMode mode;

  @BeforeAll
  static void detect() {
    mode = ProcessGroupMode.detect(Path.of("/bin/sh"));
  }

  @Override
  OsStepProcesses processes() {
    return new OsStepProcesses(config(mode));
  }

  @Test
  void detect_should_find_setsid_with_the_wait_flag_on_linux() {
    assertThat(mode).isInstanceOfSatisfying(ProcessGroupMode.NewSession.class,
        session -> assertThat(session.waitFlag()).isTrue());
    assertThat(mode.launcher()).endsWith("-w");
  }

  @Test
  void the_step_should_lead_its_own_process_group_and_session() {
    StepRun run = processes().start(aStep("sleep 60"));
    await().atMost(PATIENCE).until(() -> ProcTable.stat(run.pid())
        .filter(s -> s.pgrp() == run.pid()).isPresent());

    assertThat(ProcTable.stat(run.pid())).hasValueSatisfying(stat -> {
      assertThat(stat.pgrp()).isEqualTo(run.pid());
      assertThat(stat.session()).isEqualTo(run.pid());
    });
    run.cancel(Duration.ZERO);
    assertThat(finish(run)).isInstanceOf(StepOutcome.Canceled.class);
  }

  @Test
  void cancel_should_reach_an_orphan_whose_parent_already_exited() {
    StepRun run = processes().start(aStep("echo $$; sh -c 'sleep 60 & echo $!'; sleep 60"));
    await("orphan printed").atMost(PATIENCE).until(() -> pidsPrinted(run).size() >= 2);
    Set<Long> pids = pidsPrinted(run);
    long orphan = pids.stream().filter(pid -> pid != run.pid()).findFirst().orElseThrow();
    await("orphan reparented").atMost(PATIENCE)
        .until(() -> ProcTable.stat(orphan).map(ProcTable.Stat::ppid).orElse(-1L) != run.pid()
            && ProcTable.stat(orphan).isPresent());

    run.cancel(Duration.ofSeconds(5));

    assertThat(finish(run)).isInstanceOf(StepOutcome.Canceled.class);
    assertAllGone(pids);
  }

  @Test
  void the_window_of_newer_pids_should_find_the_members_a_full_scan_finds() {
    StepRun run = processes().start(aStep("sleep 300 & echo $!; exec sleep 300"));
    await("background pid printed").atMost(PATIENCE).until(() -> pidsPrinted(run).size() == 1);
    long pgid = run.pid();
    long background = pidsPrinted(run).iterator().next();

    List<Long> full = ProcTable.livingMembers(pgid);

    assertThat(full).contains(pgid, background);
    assertThat(ProcTable.livingMembersOfRecentGroup(pgid, Duration.ZERO)).containsExactlyInAnyOrderElementsOf(full);
    assertThat(ProcTable.livingMembersOfRecentGroup(pgid, ProcTable.RECENT)).containsExactlyInAnyOrderElementsOf(full);
    run.cancel(Duration.ofSeconds(5));
    assertThat(finish(run)).isInstanceOf(StepOutcome.Canceled.class);
  }

  @Test
  void the_window_of_pids_since_the_release_should_find_the_members_a_full_scan_finds() {
    StepRun run = processes().startHeld(aStep("sleep 300 & echo $!; exec sleep 300"));
    long before = ProcTable.lastPid();
    run.release();
    await("background pid printed").atMost(PATIENCE).until(() -> pidsPrinted(run).size() == 1);
    long pgid = run.pid();
    long background = pidsPrinted(run).iterator().next();

    List<Long> full = ProcTable.livingMembers(pgid);

    assertThat(before).isPositive();
    assertThat(full).contains(pgid, background);
    // The leader's pid is below the window: it is read on its own.
    assertThat(ProcTable.livingMembersCreatedAfter(pgid, before, Duration.ZERO))
        .containsExactlyInAnyOrderElementsOf(full);
    // A window too wide to read pid by pid: the listing of /proc, from the window up.
    assertThat(ProcTable.livingMembersCreatedAfter(pgid, Math.max(1, before - ProcTable.DIRECT_READS - 1),
        Duration.ZERO)).containsExactlyInAnyOrderElementsOf(full);
    assertThat(ProcTable.livingMembersCreatedAfter(pgid, before, ProcTable.RECENT))
        .containsExactlyInAnyOrderElementsOf(full);
    run.cancel(Duration.ofSeconds(5));
    assertThat(finish(run)).isInstanceOf(StepOutcome.Canceled.class);
  }

  @Test
  void what_a_step_held_long_before_its_release_leaves_running_should_be_terminated() throws InterruptedException {
    StepRun run = processes().startHeld(aStep("sleep 300 & echo $!; exit 0"));
    Thread.sleep(3 * ProcTable.RECENT.toMillis()); // the sweep's window counts from the release

    run.release();
    StepOutcome outcome = finish(run);

    assertExitedAndItsLeftoverGone(run, outcome);
  }

  @Test
  void what_a_step_leaves_running_should_be_terminated_when_the_awaiting_thread_finishes_it()
      throws InterruptedException {
    StepRun run = processes().start(aStep("sleep 300 & echo $!; exit 0"));

    StepOutcome outcome = finishAwaiting(run);

    assertExitedAndItsLeftoverGone(run, outcome);
  }

  @Test
  void what_a_step_leaves_running_should_be_terminated_when_its_shell_exits() {
    StepRun run = processes().start(aStep("sleep 300 & echo $!; exit 0"));

    StepOutcome outcome = finish(run);

    assertExitedAndItsLeftoverGone(run, outcome);
  }

  /** The step exited 0 and the one process it left running (whose pid it printed) is gone. */
  private void assertExitedAndItsLeftoverGone(StepRun run, StepOutcome outcome) {
    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class,
        exited -> assertThat(exited.code()).isZero());
    Set<Long> pids = pidsPrinted(run);
    assertThat(pids).hasSize(1);
    assertAllGone(pids);
  }
}
