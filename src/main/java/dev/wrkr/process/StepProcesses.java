package dev.wrkr.process;

/**
 * Port: runs one JobSpec step's shell command as a supervised OS process group.
 *
 * <p>{@link #start} never throws for a command that fails at run time: one that cannot be started
 * at all comes back as a run whose outcome is already {@link StepOutcome.FailedToStart}. The
 * adapter is {@link OsStepProcesses}.
 */
public interface StepProcesses {
  /**
   * Starts {@code command} and returns at once with a handle on it; its output goes to the log
   * files named by the command while it runs.
   */
  StepRun start(StepCommand command);

  /**
   * Starts {@code command} held: its process exists (so {@link StepRun#pid()} is known) but runs
   * nothing of the command until {@link StepRun#release()}. If this process dies first, or the
   * run is {@linkplain StepRun#cancel canceled} while held, the step exits without having run any
   * of it. The job runner makes the pid durable in between, so a step whose pid is not recorded
   * can never have done anything (docs/performance.md, "Dispatch").
   */
  StepRun startHeld(StepCommand command);

  /**
   * Stops what is left of a step that a crashed worker on this machine started: the process group
   * {@code pgid} (a step's pid is its group id), TERM then KILL after {@code grace}. Returns false
   * when nothing of that group lives, or when steps here do not run in groups of their own.
   */
  boolean stopLeftovers(long pgid, java.time.Duration grace);
}
