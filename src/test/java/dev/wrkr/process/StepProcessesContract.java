package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * What every way of running steps must do, with real {@code sh} processes. Run once per {@link
 * ProcessGroupMode}; the subclasses add what only their mode can do.
 */
abstract class StepProcessesContract {
  static final Duration PATIENCE = Duration.ofMinutes(2);

  @TempDir Path dir;

  /** The adapter under test, in the mode of the subclass. */
  abstract OsStepProcesses processes();

  static OsStepProcesses.Config config(ProcessGroupMode mode) {
    return new OsStepProcesses.Config(
        Path.of("/bin/sh"), mode, Duration.ofSeconds(2), Duration.ofSeconds(5));
  }

  StepCommand aStep(String shellCommand) {
    return StepCommand.of(shellCommand, dir, dir.resolve("logs"), "step");
  }

  static StepOutcome finish(StepRun run) {
    await("outcome of pid " + run.pid()).atMost(PATIENCE).until(() -> run.poll().isPresent());
    return run.poll().orElseThrow();
  }

  /** The outcome as the job runner waits for it: {@link StepRun#await(Duration)} in a loop. */
  static StepOutcome finishAwaiting(StepRun run) throws InterruptedException {
    long deadline = System.nanoTime() + PATIENCE.toNanos();
    while (System.nanoTime() < deadline) {
      Optional<StepOutcome> outcome = run.await(Duration.ofMillis(100));
      if (outcome.isPresent()) {
        return outcome.get();
      }
    }
    throw new AssertionError("no outcome of pid " + run.pid() + " within " + PATIENCE);
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The distinct pids the step printed on stdout, one per line. */
  static Set<Long> pidsPrinted(StepRun run) {
    return read(run.stdoutLog()).lines()
        .filter(line -> line.matches("[0-9]+"))
        .map(Long::valueOf)
        .collect(Collectors.toCollection(LinkedHashSet::new));
  }

  static void assertAllGone(Set<Long> pids) {
    // Not one of them may still run once the outcome is known ...
    assertThat(pids).allSatisfy(pid -> assertThat(
            ProcTable.stat(pid).filter(ProcTable.Stat::living))
        .as("process %d once the outcome is known", pid)
        .isEmpty());
    // ... and each disappears for good once init has reaped it.
    for (long pid : pids) {
      await("pid " + pid + " reaped").atMost(PATIENCE)
          .until(() -> ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty());
    }
  }

  @Test
  void a_step_awaited_with_a_limit_should_be_finished_as_its_supervisor_would() throws InterruptedException {
    StepRun run = processes().start(aStep("printf out; printf errs >&2; exit 3"));

    StepOutcome outcome = finishAwaiting(run);

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class, exited -> {
      assertThat(exited.code()).isEqualTo(3);
      assertThat(exited.logs().stdoutBytes()).isEqualTo(3);
      assertThat(exited.logs().stderrBytes()).isEqualTo(4);
    });
    assertThat(run.await()).isSameAs(outcome);
    assertThat(run.poll()).containsSame(outcome);
  }

  @Test
  void a_cancel_while_the_step_is_awaited_with_a_limit_should_report_canceled() throws InterruptedException {
    StepRun run = processes().start(aStep("sleep 60"));
    assertThat(run.await(Duration.ofMillis(50))).isEmpty();

    run.cancel(Duration.ZERO);

    assertThat(finishAwaiting(run)).isInstanceOf(StepOutcome.Canceled.class);
  }

  @Test
  void a_held_step_should_run_its_command_only_once_released() {
    StepRun run = processes().startHeld(aStep("echo ran > marker; read -r line; echo \"[$line]\""));
    assertThat(run.pid()).isPositive();

    run.release();
    StepOutcome outcome = finish(run);

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class,
        exited -> assertThat(exited.code()).isZero());
    assertThat(dir.resolve("marker")).hasContent("ran");
    // The release line is not the command's input: its stdin is /dev/null, as without a hold.
    assertThat(read(run.stdoutLog())).isEqualTo("[]\n");
  }

  @Test
  void a_held_step_dropped_before_its_release_should_exit_without_running_anything() {
    // Closing the hold is what the kernel does when the worker dies (kill -9) before the release.
    StepRun run = processes().startHeld(aStep("echo ran > marker"));

    run.cancel(Duration.ZERO);
    finish(run);

    assertThat(dir.resolve("marker")).doesNotExist();
    assertThat(read(run.stdoutLog()) + read(run.stderrLog())).isEmpty();
  }

  @Test
  void a_discarded_held_step_should_run_nothing_and_leave_no_log_files() {
    StepRun run = processes().startHeld(aStep("echo ran > marker"));

    run.discard();

    assertThat(run.poll()).isPresent();
    assertThat(dir.resolve("marker")).doesNotExist();
    assertThat(run.stdoutLog()).doesNotExist();
    assertThat(run.stderrLog()).doesNotExist();
  }

  @Test
  void discarding_a_released_step_should_change_nothing() {
    StepRun run = processes().start(aStep("echo ran > marker"));

    finish(run);
    run.discard();

    assertThat(dir.resolve("marker")).hasContent("ran");
    assertThat(run.stdoutLog()).exists();
  }

  @Test
  void a_held_step_should_tell_when_its_working_directory_was_replaced() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work"));
    StepRun kept = processes().startHeld(StepCommand.of("true", work, dir.resolve("logs"), "kept"));
    assertThat(kept.startedInCurrentWorkingDir()).isTrue();

    Files.move(work, dir.resolve("old-work"));
    Files.createDirectories(work);
    StepRun fresh = processes().startHeld(StepCommand.of("true", work, dir.resolve("logs"), "fresh"));

    assertThat(kept.startedInCurrentWorkingDir()).isFalse();
    assertThat(fresh.startedInCurrentWorkingDir()).isTrue();
    kept.discard();
    fresh.discard();
  }

  @Test
  void shell_errors_should_name_the_line_of_the_command_not_of_the_hold() {
    StepRun run = processes().start(aStep("true\nno-such-command-wrkr-test"));

    assertThat(finish(run)).isInstanceOfSatisfying(StepOutcome.Exited.class,
        exited -> assertThat(exited.code()).isEqualTo(127));
    assertThat(read(run.stderrLog())).contains("2: no-such-command-wrkr-test");
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3, 127})
  void exit_code_should_be_the_shells(int code) {
    String command = code == 127 ? "no-such-command-wrkr-test" : "exit " + code;

    StepOutcome outcome = finish(processes().start(aStep(command)));

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class,
        exited -> assertThat(exited.code()).isEqualTo(code));
  }

  @Test
  void env_should_be_laid_over_the_inherited_environment() {
    StepRun run = processes().start(aStep("env").withEnv(Map.of("WRKR_TEST_VAR", "a b=c")));

    assertThat(finish(run)).isInstanceOf(StepOutcome.Exited.class);
    Set<String> seen = read(run.stdoutLog()).lines().collect(Collectors.toSet());
    assertThat(seen).contains("WRKR_TEST_VAR=a b=c", "PATH=" + System.getenv("PATH"));
    Set<String> changedByShell = Set.of("PWD", "OLDPWD", "SHLVL", "_");
    System.getenv().forEach((name, value) -> {
      if (name.matches("[A-Za-z_][A-Za-z0-9_]*") && !changedByShell.contains(name)) {
        assertThat(seen).contains(name + "=" + value);
      }
    });
  }

  @Test
  void minimal_env_should_hold_only_path_home_and_the_steps_own_variables() {
    StepRun run = processes().start(aStep("env")
        .withBaseEnv(BaseEnvironment.MINIMAL)
        .withEnv(Map.of("WRKR_TEST_VAR", "1")));

    assertThat(finish(run)).isInstanceOf(StepOutcome.Exited.class);
    Set<String> names = read(run.stdoutLog()).lines()
        .map(line -> line.substring(0, line.indexOf('=')))
        .collect(Collectors.toSet());
    assertThat(names).contains("PATH", "WRKR_TEST_VAR")
        .isSubsetOf("PATH", "HOME", "WRKR_TEST_VAR", "PWD");
  }

  @Test
  void working_dir_should_be_honoured() throws IOException {
    Path work = Files.createDirectories(dir.resolve("work dir"));

    StepRun run = processes().start(StepCommand.of("pwd -P", work, dir.resolve("logs"), "step"));

    assertThat(finish(run)).isInstanceOf(StepOutcome.Exited.class);
    assertThat(read(run.stdoutLog())).isEqualTo(work.toRealPath() + "\n");
  }

  @Test
  void stdout_and_stderr_should_be_captured_separately_and_completely() {
    String command =
        "i=0; while [ $i -lt 3000 ]; do echo out-$i; echo err-$i >&2; i=$((i+1)); done";

    StepRun run = processes().start(aStep(command));

    StepOutcome outcome = finish(run);
    String out =
        IntStream.range(0, 3000).mapToObj(i -> "out-" + i + "\n").collect(Collectors.joining());
    String err = out.replace("out-", "err-");
    assertThat(read(run.stdoutLog())).isEqualTo(out);
    assertThat(read(run.stderrLog())).isEqualTo(err);
    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class, exited -> {
      LogRefs logs = exited.logs();
      assertThat(logs.stdout())
          .isEqualTo(run.stdoutLog())
          .isEqualTo(dir.resolve("logs/step.stdout.log"));
      assertThat(logs.stderr())
          .isEqualTo(run.stderrLog())
          .isEqualTo(dir.resolve("logs/step.stderr.log"));
      assertThat(logs.stdoutBytes()).isEqualTo(out.length());
      assertThat(logs.stderrBytes()).isEqualTo(err.length());
      assertThat(logs.truncated()).isFalse();
      assertThat(logs.stdoutTail())
          .endsWith("out-2999\n")
          .hasSizeLessThanOrEqualTo(LogTail.CAPACITY);
      assertThat(logs.stderrTail()).endsWith("err-2999\n");
    });
    assertThat(Stream.of(run.stdoutLog(), run.stderrLog(), dir.resolve("logs")))
        .extracting(StepProcessesContract::permissions)
        .containsExactly("rw-------", "rw-------", "rwx------");
  }

  @Test
  void a_flood_of_output_should_be_bounded_on_disk_and_counted() throws IOException {
    long fifty = 50L << 20;
    StepCommand command = aStep("head -c " + fifty + " /dev/zero; printf done >&2")
        .withLogBounds(1L << 20, 2);

    StepRun run = processes().start(command);

    StepOutcome outcome = finish(run);
    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class, exited -> {
      assertThat(exited.code()).isZero();
      assertThat(exited.logs().stdoutBytes()).isEqualTo(fifty);
      assertThat(exited.logs().stderrBytes()).isEqualTo(4);
      assertThat(exited.logs().truncated()).isTrue();
    });
    List<Path> parts;
    try (Stream<Path> files = Files.list(dir.resolve("logs"))) {
      parts = files
          .filter(p -> p.getFileName().toString().startsWith("step.stdout.log"))
          .sorted()
          .toList();
    }
    assertThat(parts).extracting(p -> p.getFileName().toString())
        .containsExactly("step.stdout.log", "step.stdout.log.1", "step.stdout.log.2");
    assertThat(parts).allSatisfy(p -> {
      assertThat(Files.size(p)).isLessThanOrEqualTo(1L << 20);
      assertThat(permissions(p)).isEqualTo("rw-------");
    });
    assertThat(parts.stream().mapToLong(StepProcessesContract::size).sum())
        .isLessThanOrEqualTo(3L << 20);
    assertThat(read(run.stderrLog())).isEqualTo("done");
  }

  @Test
  void timeout_should_kill_the_shell_its_children_and_grandchildren() {
    StepCommand command = aStep(
        "echo $$; sh -c 'echo $$; sleep 60 & echo $!; wait' & sleep 60 & echo $!; wait")
        .withTimeout(Duration.ofSeconds(5));

    StepRun run = processes().start(command);

    StepOutcome outcome = finish(run);
    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.TimedOut.class,
        timedOut -> assertThat(timedOut.limit()).isEqualTo(Duration.ofSeconds(5)));
    Set<Long> pids = pidsPrinted(run);
    assertThat(pids).contains(run.pid()).hasSizeGreaterThanOrEqualTo(4);
    assertAllGone(pids);
  }

  @Test
  void cancel_should_kill_the_whole_tree_and_report_canceled() {
    StepRun run = processes().start(aStep(
        "echo $$; sh -c 'echo $$; sleep 60 & echo $!; wait' & sleep 60 & echo $!; wait"));
    await("all pids printed").atMost(PATIENCE).until(() -> pidsPrinted(run).size() >= 4);
    assertThat(run.poll()).isEmpty();

    run.cancel(Duration.ofSeconds(5));

    assertThat(finish(run)).isInstanceOf(StepOutcome.Canceled.class);
    assertAllGone(pidsPrinted(run));
  }

  @Test
  void cancel_should_sigkill_what_ignores_sigterm_once_the_grace_is_over() {
    StepRun run = processes().start(aStep(
        "trap 'echo got-TERM' TERM; echo $$; (trap '' TERM; exec sleep 60) & echo $!;"
            + " while :; do sleep 0.1; done"));
    await("pids printed").atMost(PATIENCE).until(() -> pidsPrinted(run).size() >= 2);
    Duration grace = Duration.ofSeconds(1);

    run.cancel(grace);

    StepOutcome outcome = finish(run);
    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Canceled.class, canceled -> {
      assertThat(canceled.logs().stdoutTail()).contains("got-TERM");
      assertThat(canceled.elapsed()).isGreaterThanOrEqualTo(grace);
    });
    assertAllGone(pidsPrinted(run));
  }

  @Test
  void cancel_after_the_end_should_change_nothing() {
    StepRun run = processes().start(aStep("exit 4"));
    StepOutcome outcome = finish(run);

    run.cancel(Duration.ZERO);

    assertThat(run.poll()).contains(outcome);
    assertThat(run.await()).isInstanceOf(StepOutcome.Exited.class);
  }

  @Test
  void a_missing_working_dir_should_fail_to_start_not_throw() {
    Path missing = dir.resolve("no-such-dir");

    StepRun run = processes().start(StepCommand.of("true", missing, dir.resolve("logs"), "step"));

    assertThat(run.pid()).isEqualTo(-1);
    assertThat(run.poll()).hasValueSatisfying(outcome -> assertThat(outcome)
        .isInstanceOfSatisfying(StepOutcome.FailedToStart.class,
            failed -> assertThat(failed.reason())
                .contains("working directory", missing.toString())));
  }

  @Test
  void a_missing_shell_should_fail_to_start_not_throw() {
    OsStepProcesses noShell = new OsStepProcesses(new OsStepProcesses.Config(
        dir.resolve("no-sh"), processes().config().groupMode(), Duration.ZERO, Duration.ZERO));

    StepOutcome outcome = noShell.start(aStep("true")).await();

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.FailedToStart.class,
        failed -> assertThat(failed.reason()).contains("shell", "no-sh"));
  }

  @Test
  void a_log_dir_that_cannot_be_made_should_fail_to_start_not_throw() throws IOException {
    Path aFile = Files.writeString(dir.resolve("logs"), "not a directory");

    StepOutcome outcome = processes().start(aStep("true")).await();

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.FailedToStart.class,
        failed -> assertThat(failed.reason()).contains(aFile.toString()));
  }

  @Test
  void the_tail_should_survive_bad_utf8_and_drop_ansi_escapes() {
    StepRun run = processes().start(aStep(
        "printf '\\033[1;31mboom\\033[0m \\377\\376 h\\303\\251\\n\\033]0;title\\007' >&2;"
            + " exit 2"));

    StepOutcome outcome = finish(run);

    assertThat(outcome).isInstanceOfSatisfying(StepOutcome.Exited.class, exited -> {
      assertThat(exited.logs().stderrTail()).isEqualTo("boom \uFFFD\uFFFD h\u00e9\n");
      assertThat(exited.logs().stdoutTail()).isEmpty();
    });
    assertThat(outcome.describe()).isEqualTo("exited with code 2: boom \uFFFD\uFFFD h\u00e9");
    assertThat(read(run.stderrLog())).startsWith("\u001b[1;31mboom");
  }

  static String permissions(Path path) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
