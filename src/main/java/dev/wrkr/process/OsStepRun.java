package dev.wrkr.process;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A started step and its supervisor: one virtual thread that waits for the shell to exit, the
 * timeout to pass or a cancel to come, terminates the process group, waits for the output to be
 * drained and then completes the outcome. Only the supervisor signals processes for a cancel or
 * a timeout, so a cancel, a timeout and a natural exit never race each other: whichever is seen
 * first wins. A thread in {@link #await(Duration)} waits for the shell's exit itself and, when it
 * sees the exit first, finishes the run (sweep, drains, outcome) on its own thread: one hand-off
 * less after every step (docs/performance.md, "Dispatch"). Exactly one of the two finishes
 * ({@link #finishing}).
 */
final class OsStepRun implements StepRun {
  private final Process process;
  private final StepCommand command;
  private final OsStepProcesses.Config config;
  private final StreamDrain stdout;
  private final StreamDrain stderr;
  private final long startNanos;
  private final Termination termination;
  private final AtomicReference<Stop> stop = new AtomicReference<>();
  private final CompletableFuture<StepOutcome> outcome = new CompletableFuture<>();
  /** Set once the hold line went out or the hold was dropped; the gate is used once. */
  private final AtomicBoolean gateUsed = new AtomicBoolean();
  /**
   * Taken by whoever finishes the run: the supervisor before it stops the process group for a
   * cancel or a timeout, or when it sees the exit first; a thread in {@link #await(Duration)}
   * when it sees the exit first. The other one then only waits for the outcome.
   */
  private final AtomicBoolean finishing = new AtomicBoolean();
  /** How many threads are in {@link #await(Duration)}, waiting for the shell's exit. */
  private final AtomicInteger awaiting = new AtomicInteger();
  /**
   * {@code System.nanoTime()} when the release line went out, 0 before: the step's elapsed time
   * and timeout count from here, not from the spawn, since a run may be started held well before
   * its turn (the job runner starts the next step while one runs).
   */
  private volatile long releasedNanos;
  /**
   * The last pid the kernel had handed out just before the release line went out ({@link
   * ProcTable#lastPid()}): every member of the step's group but its shell came after it.
   */
  private volatile long releasedLastPid = -1;
  /** The identity of the working directory when the process was started in it, if known. */
  private final Object workingDirKey;

  /** Why wrkr stopped the step. */
  private sealed interface Stop {
    record Timeout(Duration limit) implements Stop {}

    record Cancel(Duration grace) implements Stop {}
  }

  private OsStepRun(Process process, StepCommand command, OsStepProcesses.Config config,
      Drains drains, long startNanos, Object workingDirKey) {
    this.process = process;
    this.command = command;
    this.config = config;
    this.stdout = drains.stdout();
    this.stderr = drains.stderr();
    this.startNanos = startNanos;
    this.termination = new Termination(process, config.groupMode(), config.shell());
    this.workingDirKey = workingDirKey;
  }

  /** The two drains of one step, opened before its process starts. */
  record Drains(StreamDrain stdout, StreamDrain stderr) {}

  /** Starts draining {@code process}'s output and supervising it. */
  static OsStepRun supervise(Process process, StepCommand command, OsStepProcesses.Config config,
      Drains drains, long startNanos, Object workingDirKey) {
    OsStepRun run = new OsStepRun(process, command, config, drains, startNanos, workingDirKey);
    String name = "wrkr-step-" + process.pid();
    drains.stdout().start(process.getInputStream(), name + "-stdout");
    drains.stderr().start(process.getErrorStream(), name + "-stderr");
    Thread.ofVirtual().name(name).start(run::superviseToEnd);
    return run;
  }

  @Override
  public long pid() {
    return process.pid();
  }

  @Override
  public StepOutcome await() {
    try {
      return outcome.join();
    } catch (CompletionException e) {
      throw StepProcessException.supervisionFailed(pid(), e.getCause());
    }
  }

  @Override
  public Optional<StepOutcome> await(Duration max) throws InterruptedException {
    long deadline = System.nanoTime() + max.toNanos();
    awaiting.incrementAndGet();
    try {
      if (!finishing.get() && process.waitFor(max.toNanos(), TimeUnit.NANOSECONDS)
          && finishing.compareAndSet(false, true)) {
        finishHere();
      }
    } finally {
      awaiting.decrementAndGet();
    }
    try {
      return Optional.of(outcome.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
    } catch (TimeoutException e) {
      return Optional.empty();
    } catch (ExecutionException e) {
      throw StepProcessException.supervisionFailed(pid(), e.getCause());
    }
  }

  @Override
  public Optional<StepOutcome> poll() {
    return outcome.isDone() ? Optional.of(await()) : Optional.empty();
  }

  @Override
  public void release() {
    closeGate(true);
  }

  @Override
  public void discard() {
    if (releasedNanos != 0) {
      return;
    }
    cancel(Duration.ZERO);
    await();
    if (releasedNanos == 0) {
      deleteIfEmpty(stdout.file());
      deleteIfEmpty(stderr.file());
    }
  }

  private static void deleteIfEmpty(Path file) {
    try {
      if (Files.size(file) == 0) {
        Files.deleteIfExists(file);
      }
    } catch (IOException e) {
      // Missing already, or not ours to remove: an empty log file left behind is harmless.
    }
  }

  @Override
  public boolean startedInCurrentWorkingDir() {
    return workingDirKey != null && workingDirKey.equals(OsStepProcesses.directoryKey(command.workingDir()));
  }

  @Override
  public void cancel(Duration grace) {
    Objects.requireNonNull(grace, "grace");
    if (grace.isNegative()) {
      throw new IllegalArgumentException("grace must not be negative, got " + grace);
    }
    stop.compareAndSet(null, new Stop.Cancel(grace));
    closeGate(false);
  }

  /**
   * Sends the release line ({@code go}) or none, and closes the shell's stdin: without the line
   * the held shell exits 97 having run nothing. An error means the shell is gone already.
   */
  private void closeGate(boolean go) {
    if (!gateUsed.compareAndSet(false, true)) {
      return;
    }
    try (OutputStream gate = process.getOutputStream()) {
      if (go) {
        releasedLastPid = ProcTable.lastPid();
        releasedNanos = System.nanoTime();
        gate.write('\n');
      }
    } catch (IOException e) {
      // The shell exited (or was stopped) before it read the line: its outcome says so.
    }
  }

  @Override
  public Path stdoutLog() {
    return stdout.file();
  }

  @Override
  public Path stderrLog() {
    return stderr.file();
  }

  private static final long EXIT_POLL_MILLIS = 20;

  private void superviseToEnd() {
    Stop cause;
    try {
      cause = awaitExitOrStop();
    } catch (Throwable t) {
      if (finishing.compareAndSet(false, true)) {
        process.destroyForcibly();
        outcome.completeExceptionally(t);
      }
      return;
    }
    // A shell that exited by itself is finished by the thread awaiting its outcome, if one is:
    // it was woken by the same exit, and finishing there saves waking that thread once more.
    while (cause == null && awaiting.get() > 0 && !finishing.get()) {
      try {
        outcome.get(EXIT_POLL_MILLIS, TimeUnit.MILLISECONDS);
      } catch (TimeoutException | ExecutionException e) {
        // Checked again: the awaiting thread may have left without seeing the exit.
      } catch (InterruptedException e) {
        break;
      }
    }
    if (finishing.compareAndSet(false, true)) {
      finish(cause);
    }
    // Otherwise the thread awaiting the outcome saw the exit and finishes the run.
  }

  /**
   * Finishes the run of a shell that exited by itself, on the thread awaiting the outcome. When
   * that thread is interrupted meanwhile, a virtual thread finishes it from the start instead
   * (a sweep and the drains may be done twice; both are safe to repeat).
   */
  private void finishHere() throws InterruptedException {
    try {
      outcome.complete(runToEnd(null));
    } catch (InterruptedException e) {
      Thread.ofVirtual().name("wrkr-step-" + process.pid()).start(() -> finish(null));
      throw e;
    } catch (Throwable t) {
      process.destroyForcibly();
      outcome.completeExceptionally(t);
    }
  }

  private void finish(Stop cause) {
    try {
      outcome.complete(runToEnd(cause));
    } catch (Throwable t) {
      process.destroyForcibly();
      outcome.completeExceptionally(t);
    }
  }

  /** From the shell's exit ({@code cause} null) or wrkr's decision to stop it, to the outcome. */
  private StepOutcome runToEnd(Stop cause) throws Exception {
    if (cause != null) {
      termination.terminate(switch (cause) {
        case Stop.Timeout t -> config.killGrace();
        case Stop.Cancel c -> c.grace();
      });
    }
    int code = process.waitFor();
    long now = System.nanoTime();
    long released = releasedNanos;
    Duration elapsed = Duration.ofNanos(now - (released != 0 ? released : startNanos));
    if (cause == null) {
      // The shell creates nothing before its release, so the sweep need read only the pids
      // handed out since then; since the spawn when it was not released.
      long lastPid = releasedLastPid;
      if (released != 0 && lastPid > 0) {
        termination.sweep(config.killGrace(), lastPid, elapsed);
      } else {
        termination.sweep(config.killGrace(), process.pid(), Duration.ofNanos(now - startNanos));
      }
    }
    // Normally instant once the group is gone; bounded for a process that escaped the group
    // (a setsid of its own) and still holds a pipe. The counts below are those of this moment.
    long drainDeadline = System.nanoTime() + config.drainGrace().toNanos();
    stdout.awaitEnd(config.drainGrace());
    stderr.awaitEnd(Duration.ofNanos(Math.max(0, drainDeadline - System.nanoTime())));
    LogRefs logs = new LogRefs(stdout.file(), stderr.file(), stdout.totalBytes(),
        stderr.totalBytes(), stdout.truncated() || stderr.truncated(), stdout.tail(),
        stderr.tail());
    return switch (cause) {
      case null -> new StepOutcome.Exited(code, elapsed, logs);
      case Stop.Timeout t -> new StepOutcome.TimedOut(t.limit(), elapsed, logs);
      case Stop.Cancel c -> new StepOutcome.Canceled(elapsed, logs);
    };
  }

  /**
   * Null when the shell exited by itself first; otherwise why wrkr must stop it. Polls rather
   * than waiting on {@code process.onExit()}: that future completes on the common fork-join pool,
   * and a caller that occupies the pool (a worker running jobs on it) would never see the exit
   * (RunningJobControlTest runs a job on the common pool).
   */
  private Stop awaitExitOrStop() throws InterruptedException {
    Optional<Duration> limit = command.timeout();
    while (true) {
      if (process.waitFor(EXIT_POLL_MILLIS, TimeUnit.MILLISECONDS)) {
        return null;
      }
      Stop requested = stop.get();
      if (requested != null) {
        return requested;
      }
      long released = releasedNanos;
      if (limit.isPresent() && released != 0 && System.nanoTime() - released >= limit.get().toNanos()) {
        stop.compareAndSet(null, new Stop.Timeout(limit.get()));
        return stop.get();
      }
    }
  }
}
