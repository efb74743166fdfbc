package dev.wrkr.dispatch;

import dev.wrkr.process.StepCommand;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.process.StepRun;
import java.util.ArrayDeque;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The first attempts of the next {@value #DEPTH} steps, started held on other threads while the
 * step before them runs, so that their spawns overlap the steps before them instead of following
 * them (docs/performance.md, "Dispatch"): a spawn takes longer than a short step.
 *
 * <p>A held run does nothing until it is claimed, its start recorded and it is released by the
 * runner (docs/lifecycle.md, "Crash windows"): if the worker dies first, the kernel closes the
 * shell's stdin and it exits without running anything; whatever the runner decides instead, it is
 * {@linkplain #discard discarded}. Held steps are consecutive and claimed in order. Used by the
 * runner's thread only.
 */
final class StepAhead {
  /** How many steps may be held ahead at once. */
  static final int DEPTH = 2;

  private record Held(long index, FutureTask<StepRun> start) {}

  private final StepProcesses processes;
  private final ArrayDeque<Held> held = new ArrayDeque<>(DEPTH);

  StepAhead(StepProcesses processes) {
    this.processes = processes;
  }

  /**
   * True when step {@code index} may be started ahead now: fewer than {@value #DEPTH} steps are
   * held, and it follows the last one held.
   */
  boolean wants(long index) {
    return held.size() < DEPTH && (held.isEmpty() || held.peekLast().index() == index - 1);
  }

  /** True when step {@code index} is held ahead. */
  boolean holds(long index) {
    for (Held h : held) {
      if (h.index() == index) {
        return true;
      }
    }
    return false;
  }

  /** Starts step {@code index}'s {@code command} held, when it {@linkplain #wants wants} it. */
  void start(long index, StepCommand command) {
    if (!wants(index)) {
      return;
    }
    FutureTask<StepRun> task = new FutureTask<>(() -> processes.startHeld(command));
    Thread.ofVirtual().name("wrkr-step-ahead").start(task);
    held.addLast(new Held(index, task));
  }

  /** True when the first step held is one other than {@code index}. */
  boolean holdsOtherThan(long index) {
    return !held.isEmpty() && held.peekFirst().index() != index;
  }

  /**
   * The held run of step {@code index}, when it is the first held and its working directory is
   * still the one it was started in (a step before it may have replaced or removed it); otherwise
   * empty, with whatever was ahead discarded, and the caller starts the step itself.
   */
  Optional<StepRun> claim(long index) {
    if (held.isEmpty() || held.peekFirst().index() != index) {
      discard();
      return Optional.empty();
    }
    Optional<StepRun> run = take(held.pollFirst().start());
    if (run.isPresent() && run.get().startedInCurrentWorkingDir()) {
      return run;
    }
    run.ifPresent(StepAhead::discardQuietly);
    return Optional.empty();
  }

  /** Lets every step ahead exit without running anything, and forgets them. */
  void discard() {
    while (!held.isEmpty()) {
      take(held.pollFirst().start()).ifPresent(StepAhead::discardQuietly);
    }
  }

  private static void discardQuietly(StepRun run) {
    try {
      run.discard();
    } catch (RuntimeException e) {
      // Its supervision failed, which destroyed the process before its release: it ran nothing,
      // and whatever the runner is doing or reporting matters more.
    }
  }

  /** The held run once its start finished; empty when it threw. */
  private static Optional<StepRun> take(FutureTask<StepRun> task) {
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
