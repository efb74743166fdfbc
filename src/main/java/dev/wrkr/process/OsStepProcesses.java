package dev.wrkr.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Runs step commands as OS processes ({@link ProcessBuilder}), each in a process group of its own
 * so that stopping a step stops everything it started (see {@link ProcessGroupMode}).
 *
 * <ul>
 *   <li>argv: {@code [setsid -w] /bin/sh -c <hold; command>}; the shell holds until it is
 *       released through its stdin (see {@link #startHeld}), then runs the command with stdin
 *       {@code /dev/null}.
 *   <li>Environment: see {@link BaseEnvironment}; {@link StepCommand#env()} is laid over it.
 *   <li>Output: both pipes are drained on virtual threads into bounded, rotated {@code 0600} log
 *       files (the log directory is created {@code 0700} when missing).
 *   <li>A timeout or {@link StepRun#cancel} sends SIGTERM to the group and SIGKILL after the grace.
 *       A step owns its group: what it leaves running when its shell exits by itself is
 *       terminated the same way before the outcome is reported.
 *   <li>Output is captured up to the moment the shell exits: the JDK then reads what is left in
 *       the pipes and closes them ({@code ProcessImpl.ProcessPipeInputStream#processExited}), so
 *       what a leftover background process writes after that is not in the log. The outcome waits
 *       at most {@link Config#drainGrace()} for the drains once the group is gone.
 * </ul>
 *
 * <p>Steps are not tied to the worker's life: if the worker JVM dies, they keep running. With
 * {@link ProcessGroupMode.NewSession} their pids are their process group ids, for whoever recovers
 * the job. Elapsed times and the timeout use {@link System#nanoTime()}: they measure, they are
 * not recorded instants.
 */
public final class OsStepProcesses implements StepProcesses {
  private static final Set<String> MINIMAL_VARIABLES = Set.of("PATH", "HOME");
  /**
   * Put before the step's command, on its first line (so the shell's line numbers stay the
   * user's): wait for the release line on stdin, exit 97 without running anything when stdin
   * closes first, then give the command {@code /dev/null} as stdin.
   */
  static final String HOLD = "read -r _wrkr_hold && unset _wrkr_hold || exit 97; exec </dev/null; ";

  private final Config config;

  /**
   * How steps are run.
   *
   * @param shell the POSIX shell commands run in
   * @param groupMode how a step's processes are kept together
   * @param killGrace time between SIGTERM and SIGKILL after a timeout, and for what a step left
   *     running when its shell exited (a cancel brings its own)
   * @param drainGrace how long the outcome waits for the output pipes once the group is gone
   */
  public record Config(Path shell, ProcessGroupMode groupMode, Duration killGrace,
      Duration drainGrace) {
    public Config {
      Objects.requireNonNull(shell, "shell");
      Objects.requireNonNull(groupMode, "groupMode");
      requireNotNegative(killGrace, "killGrace");
      requireNotNegative(drainGrace, "drainGrace");
    }

    /** {@code /bin/sh}, the detected group mode, 10 s to stop, 5 s to drain. */
    public static Config detect() {
      Path shell = Path.of("/bin/sh");
      return new Config(
          shell, ProcessGroupMode.detect(shell), Duration.ofSeconds(10), Duration.ofSeconds(5));
    }

    private static void requireNotNegative(Duration d, String name) {
      Objects.requireNonNull(d, name);
      if (d.isNegative()) {
        throw new IllegalArgumentException(name + " must not be negative, got " + d);
      }
    }
  }

  public OsStepProcesses(Config config) {
    this.config = Objects.requireNonNull(config, "config");
  }

  /** An adapter with {@link Config#detect()}: probes for {@code setsid} once, here. */
  public static OsStepProcesses detect() {
    return new OsStepProcesses(Config.detect());
  }

  public Config config() {
    return config;
  }

  @Override
  public boolean stopLeftovers(long pgid, Duration grace) {
    if (!(config.groupMode() instanceof ProcessGroupMode.NewSession) || pgid <= 1
        || ProcTable.livingMembers(pgid).isEmpty()) {
      return false;
    }
    try {
      Termination.signalGroup(config.shell(), pgid, "TERM");
      long deadline = System.nanoTime() + grace.toNanos();
      while (!ProcTable.livingMembers(pgid).isEmpty() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      if (!ProcTable.livingMembers(pgid).isEmpty()) {
        Termination.signalGroup(config.shell(), pgid, "KILL");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  @Override
  public StepRun start(StepCommand command) {
    StepRun run = startHeld(command);
    run.release();
    return run;
  }

  @Override
  public StepRun startHeld(StepCommand command) {
    Objects.requireNonNull(command, "command");
    if (!Files.isExecutable(config.shell())) {
      return failed(command, "the shell " + config.shell() + " is missing or not executable;"
          + " steps need a POSIX shell there");
    }
    if (!Files.isDirectory(command.workingDir())) {
      return failed(command, "the working directory " + command.workingDir()
          + " does not exist or is not a directory");
    }
    // The log files are created while the process starts: each costs about a millisecond in a
    // job's log folder of thousands of files, and the held process writes nothing before its
    // release (docs/performance.md, "Dispatch").
    FutureTask<OsStepRun.Drains> logs = new FutureTask<>(() -> openLogs(command));
    Thread.ofVirtual().name("wrkr-step-logs").start(logs);
    ProcessBuilder builder = builder(command);
    Object workingDirKey = directoryKey(command.workingDir());
    long startNanos = System.nanoTime();
    Process process;
    try {
      process = builder.start();
    } catch (IOException | SecurityException | UnsupportedOperationException e) {
      try {
        OsStepRun.Drains opened = logsOf(logs);
        opened.stdout().abandon();
        opened.stderr().abandon();
      } catch (IOException | RuntimeException ignored) {
        // Neither the logs nor the process: the start failure is what to report.
      }
      return failed(command, "cannot start " + String.join(" ", builder.command()) + ": "
          + e.getMessage());
    }
    OsStepRun.Drains drains;
    try {
      drains = logsOf(logs);
    } catch (IOException | UnsupportedOperationException e) {
      // Still held: without its release line the shell exits having run nothing of the command.
      closeQuietly(process.getOutputStream());
      process.destroyForcibly();
      return failed(command, "cannot create the log files " + command.stdoutLog() + " and "
          + command.stderrLog() + ": " + e);
    }
    return OsStepRun.supervise(process, command, config, drains, startNanos, workingDirKey);
  }

  /** The identity of the directory (device and inode), or null when it is gone or unknown. */
  static Object directoryKey(Path dir) {
    try {
      return Files.readAttributes(dir, java.nio.file.attribute.BasicFileAttributes.class).fileKey();
    } catch (IOException e) {
      return null;
    }
  }

  private ProcessBuilder builder(StepCommand command) {
    List<String> argv = new ArrayList<>(config.groupMode().launcher());
    argv.addAll(List.of(config.shell().toString(), "-c", HOLD + command.shellCommand()));
    ProcessBuilder builder = new ProcessBuilder(argv).directory(command.workingDir().toFile());
    Map<String, String> env = builder.environment();
    if (command.baseEnv() == BaseEnvironment.MINIMAL) {
      env.keySet().retainAll(MINIMAL_VARIABLES);
    }
    env.putAll(command.env());
    return builder;
  }

  /** The opened logs, or what opening them threw; waits without giving up on an interrupt. */
  private static OsStepRun.Drains logsOf(FutureTask<OsStepRun.Drains> logs) throws IOException {
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return logs.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          switch (e.getCause()) {
            case IOException io -> throw io;
            case RuntimeException re -> throw re;
            default -> throw new IOException(e.getCause());
          }
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static void closeQuietly(java.io.OutputStream stream) {
    try {
      stream.close();
    } catch (IOException ignored) {
      // The process is being destroyed anyway.
    }
  }

  private static OsStepRun.Drains openLogs(StepCommand command) throws IOException {
    if (!Files.isDirectory(command.logDir())) {
      Files.createDirectories(command.logDir(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    }
    StreamDrain stdout = StreamDrain.open(
        command.stdoutLog(), command.maxLogBytes(), command.keepRotated());
    try {
      return new OsStepRun.Drains(stdout, StreamDrain.open(
          command.stderrLog(), command.maxLogBytes(), command.keepRotated()));
    } catch (IOException | RuntimeException e) {
      stdout.abandon();
      throw e;
    }
  }

  private static StepRun failed(StepCommand command, String reason) {
    return new FailedStepRun(
        command.stdoutLog(), command.stderrLog(), new StepOutcome.FailedToStart(reason));
  }
}
