package dev.wrkr.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * A step command that was started: the handle the job runner keeps while it runs.
 *
 * <p>Its outcome is known once the shell has exited, everything it left running in its process
 * group has been terminated, and its output has been written to the log files.
 */
public interface StepRun {
  /**
   * The OS pid of the step's shell, or {@code -1} if it never started. With {@link
   * ProcessGroupMode.NewSession} it is also the id of the step's process group and session.
   */
  long pid();

  /**
   * Lets a run started by {@link StepProcesses#startHeld} go on into its command; does nothing for
   * a run that was not held, was already released, or never started.
   */
  void release();

  /**
   * For a run started held and never released: lets it exit without running anything of its
   * command, waits for that, and removes the log files it was given (they hold nothing), as if
   * it had never been started. Does nothing to a run that was released.
   */
  void discard();

  /**
   * False when the working directory the held process was started in is no longer the one its
   * path names (a step before it removed or replaced it), or when the run never started: such a
   * run must be {@linkplain #discard discarded} and the command started again.
   */
  boolean startedInCurrentWorkingDir();

  /** Blocks until the outcome is known. Not interruptible; see {@link #await(Duration)}. */
  StepOutcome await();

  /**
   * Waits at most {@code max} for the outcome: empty if it is not known by then.
   *
   * @throws InterruptedException if the waiting thread is interrupted (the step keeps running)
   */
  Optional<StepOutcome> await(Duration max) throws InterruptedException;

  /** The outcome if it is already known; never blocks. */
  Optional<StepOutcome> poll();

  /**
   * Asks the step to stop and returns at once: SIGTERM to its whole process group, then SIGKILL to
   * whatever is left after {@code grace}. The outcome becomes {@link StepOutcome.Canceled} unless
   * the step had already exited or timed out. Calling it again, or after the end, does nothing.
   */
  void cancel(Duration grace);

  /** The file the step's stdout is written to (older parts in {@code .1}, {@code .2}, …). */
  Path stdoutLog();

  /** The file the step's stderr is written to (older parts in {@code .1}, {@code .2}, …). */
  Path stderrLog();
}
