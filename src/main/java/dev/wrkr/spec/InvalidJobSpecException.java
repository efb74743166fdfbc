package dev.wrkr.spec;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;

/**
 * A JobSpec that cannot be loaded: the file cannot be read or is too big, its path leaves the
 * working directory, its text is not JSON-compatible YAML or strict JSON, or its content breaks the
 * schema or the rules of {@link JobSpecLoader}. Always {@link ReasonCode#E_INVALID_INPUT_SCHEMA}
 * (exit 6, as Wrkr).
 *
 * <p>The message says what is wrong and where, e.g. {@code jobspec invalid: /budgets/max_step_count
 * must be >= 1 (line 14, column 19)}. {@link #details()} holds, when known and in this order: {@code
 * path} (JSON Pointer of the offending value), {@code line} and {@code column} (1-based, in the
 * file), {@code spec} (the file), then facts particular to the problem ({@code adapter}, {@code
 * index}, {@code limit}, {@code errors}, ...).
 */
public final class InvalidJobSpecException extends WrkrException {
  InvalidJobSpecException(String message, Map<String, ?> details) {
    super(ReasonCode.E_INVALID_INPUT_SCHEMA, message, details);
  }

  InvalidJobSpecException(String message, Map<String, ?> details, Throwable cause) {
    super(ReasonCode.E_INVALID_INPUT_SCHEMA, message, details, cause);
  }
}
