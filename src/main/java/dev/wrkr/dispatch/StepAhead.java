package dev.wrkr.dispatch;

import dev.wrkr.process.StepCommand;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.process.StepRun;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The next step's first attempt, started held on another thread while the step before it runs,
 * so that its spawn overlaps that step instead of following it (docs/performance.md, "Dispatch").
 *
 * <p>A held run does nothing until it is claimed, its start recorded and it is released by the
 * runner (docs/lifecycle.md, "Crash windows"): if the worker dies first, the kernel closes the
 * shell's stdin and it exits without running anything; whatever the runner decides instead, it is
 * {@linkplain #discard discarded}. Used by the runner's thread only.
 */
final class StepAhead {
  private final StepProcesses processes;
  private long index = -1;
  private FutureTask<StepRun> start;

  StepAhead(StepProcesses processes) {
    this.processes = processes;
  }

  /** Starts step {@code index}'s {@code command} held, unless a step is ahead already. */
  void start(long index, StepCommand command) {
    if (start != null) {
      return;
    }
    FutureTask<StepRun> task = new FutureTask<>(() -> processes.startHeld(command));
    Thread.ofVirtual().name("wrkr-step-ahead").start(task);
    this.index = index;
    this.start = task;
  }

  /** True when a step other than {@code index} is ahead. */
  boolean holdsOtherThan(long index) {
    return start != null && this.index != index;
  }

  /**
   * The held run of step {@code index}, when that step is ahead and its working directory is
   * still the one it was started in (a step before it may have replaced or removed it); otherwise
   * empty, with whatever was ahead discarded, and the caller starts the step itself.
   */
  Optional<StepRun> claim(long index) {
    if (start == null || this.index != index) {
      discard();
      return Optional.empty();
    }
    Optional<StepRun> run = take();
    if (run.isPresent() && run.get().startedInCurrentWorkingDir()) {
      return run;
    }
    run.ifPresent(StepAhead::discardQuietly);
    return Optional.empty();
  }

  /** Lets the step ahead, if any, exit without running anything, and forgets it. */
  void discard() {
    take().ifPresent(StepAhead::discardQuietly);
  }

  private static void discardQuietly(StepRun run) {
    try {
      run.discard();
    } catch (RuntimeException e) {
      // Its supervision failed, which destroyed the process before its release: it ran nothing,
      // and whatever the runner is doing or reporting matters more.
    }
  }

  /** The held run once its start finished, forgotten here; empty when there is none or it threw. */
  private Optional<StepRun> take() {
    FutureTask<StepRun> task = start;
    start = null;
    index = -1;
    if (task == null) {
      return Optional.empty();
    }
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return Optional.of(task.get());
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          return Optional.empty(); // a fresh start of the step reports the same failure
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
