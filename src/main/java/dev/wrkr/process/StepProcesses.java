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
}
