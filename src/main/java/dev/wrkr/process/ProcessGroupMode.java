package dev.wrkr.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How {@link OsStepProcesses} keeps a step's processes together so it can stop all of them.
 * {@link #detect} picks {@link NewSession} where it works and {@link DescendantWalk} elsewhere.
 */
public sealed interface ProcessGroupMode {
  /**
   * The step's shell starts through util-linux {@code setsid}, so it leads a new session and
   * process group whose id is its pid (the JDK's child is never a group leader, so {@code setsid}
   * calls {@code setsid(2)} and execs in place, without forking). Stopping the step signals the
   * whole group, which reaches grandchildren whose parent already exited. {@code waitFlag} adds
   * {@code -w}, which keeps the exit code should {@code setsid} ever have to fork. Linux only: the
   * group's members are found in {@code /proc}.
   */
  record NewSession(Path setsid, boolean waitFlag) implements ProcessGroupMode {}

  /**
   * No {@code setsid}: stopping the step signals its shell and the descendants the JDK can see
   * ({@link ProcessHandle#descendants()}, remembered while their parents live). It misses a process
   * whose parent exited before the stop (it was reparented to init), and it cannot clean up what a
   * step leaves running after its shell exited by itself.
   */
  record DescendantWalk() implements ProcessGroupMode {}

  /** The words to put before {@code <shell> -c <command>}. */
  default List<String> launcher() {
    return switch (this) {
      case NewSession s -> s.waitFlag()
          ? List.of(s.setsid().toString(), "-w")
          : List.of(s.setsid().toString());
      case DescendantWalk d -> List.of();
    };
  }

  /**
   * {@link NewSession} with the first {@code setsid} (in {@code /usr/bin}, then {@code /bin}) that
   * runs {@code shell} and hands back its exit code, with {@code -w} if it accepts it; {@link
   * DescendantWalk} when there is none or no {@code /proc}.
   */
  static ProcessGroupMode detect(Path shell) {
    if (!ProcTable.available()) {
      return new DescendantWalk();
    }
    for (Path setsid : List.of(Path.of("/usr/bin/setsid"), Path.of("/bin/setsid"))) {
      if (!Files.isExecutable(setsid)) {
        continue;
      }
      for (boolean waitFlag : new boolean[] {true, false}) {
        NewSession candidate = new NewSession(setsid, waitFlag);
        if (keepsExitCode(candidate, shell)) {
          return candidate;
        }
      }
    }
    return new DescendantWalk();
  }

  private static boolean keepsExitCode(NewSession candidate, Path shell) {
    List<String> argv = new ArrayList<>(candidate.launcher());
    argv.addAll(List.of(shell.toString(), "-c", "exit 7"));
    try {
      Process probe = new ProcessBuilder(argv)
          .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
          .redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!probe.waitFor(30, TimeUnit.SECONDS)) {
        probe.destroyForcibly();
        return false;
      }
      return probe.exitValue() == 7;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
