package dev.wrkr.process;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;

/**
 * A {@link StepCommand} that can never be run as given: a blank command, a log name that would
 * escape its directory, a negative bound. Thrown when the command is built, never for a command
 * that merely fails at run time (that is a {@link StepOutcome}). Also thrown by {@link
 * StepRun#await()} in the one case that is a bug, not an outcome: supervising the step failed.
 */
public final class StepProcessException extends WrkrException {
  private StepProcessException(
      ReasonCode code, String message, Map<String, ?> details, Throwable cause) {
    super(code, message, details, cause);
  }

  /** A field of a step command has a value no step can run with. */
  static StepProcessException invalid(String field, String message) {
    return new StepProcessException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, message, Map.of("field", field), null);
  }

  /** A field of a step command would make wrkr write outside the place meant for it. */
  static StepProcessException unsafe(String field, String message) {
    return new StepProcessException(
        ReasonCode.E_UNSAFE_OPERATION, message, Map.of("field", field), null);
  }

  /** Supervising a started step failed unexpectedly; the step's shell was killed. */
  static StepProcessException supervisionFailed(long pid, Throwable cause) {
    return new StepProcessException(ReasonCode.E_ADAPTER_FAIL,
        "supervising the step with pid " + pid + " failed: " + cause, Map.of("pid", pid), cause);
  }
}
