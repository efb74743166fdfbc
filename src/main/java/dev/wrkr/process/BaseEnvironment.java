package dev.wrkr.process;

/**
 * What a step's environment starts from, before {@link StepCommand#env()} is laid over it.
 */
public enum BaseEnvironment {
  /** Everything the worker process has in its environment (credentials included). */
  INHERIT,
  /**
   * Only {@code PATH} and {@code HOME} of the worker (each when set): a step sees nothing else
   * the worker happens to hold, so its environment is the same on every worker that has the same
   * {@code PATH}.
   */
  MINIMAL
}
