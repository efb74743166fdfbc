package dev.wrkr.process;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;

/**
 * A {@link StepCommand} that can never be run as given: a blank command, a log name that would
 * escape its directory, a negative bound. Thrown when the command is built, never for a command
 * that merely fails at run time (that is a {@link StepOutcome}).
 */
public final class StepProcessException extends WrkrException {
  private StepProcessException(ReasonCode code, String message, Map<String, ?> details) {
    super(code, message, details);
  }

  /** A field of a step command has a value no step can run with. */
  static StepProcessException invalid(String field, String message) {
    return new StepProcessException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, message, Map.of("field", field));
  }

  /** A field of a step command would make wrkr write outside the place meant for it. */
  static StepProcessException unsafe(String field, String message) {
    return new StepProcessException(ReasonCode.E_UNSAFE_OPERATION, message, Map.of("field", field));
  }
}
