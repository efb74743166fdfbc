package dev.wrkr.sign;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A key file that cannot be used: missing, unreadable, too large, not PEM, not an Ed25519 key, or a
 * private key file without its public key ({@link ReasonCode#E_INVALID_INPUT_SCHEMA}); a private key
 * file that group or others may access, or key files that already exist when generating without
 * {@code force} ({@link ReasonCode#E_UNSAFE_OPERATION}); a key file that cannot be written ({@link
 * ReasonCode#E_GENERIC_FAILURE}).
 *
 * <p>{@link #details()} holds {@code file} and, for PEM problems, the 1-based {@code line}. Neither
 * the message nor the details ever quote the file's content.
 */
public final class KeyFileException extends WrkrException {
  KeyFileException(ReasonCode code, String message, Map<String, ?> details, Throwable cause) {
    super(code, message, details, cause);
  }

  static KeyFileException invalid(Path file, String problem) {
    return new KeyFileException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, "key file " + file + ": " + problem, Map.of("file", file.toString()), null);
  }

  static KeyFileException invalid(Path file, int line, String problem) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("file", file.toString());
    details.put("line", line);
    return new KeyFileException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, "key file " + file + ", line " + line + ": " + problem, details, null);
  }

  static KeyFileException unsafe(Path file, String problem) {
    return new KeyFileException(
        ReasonCode.E_UNSAFE_OPERATION, "key file " + file + ": " + problem, Map.of("file", file.toString()), null);
  }

  static KeyFileException unwritable(Path file, Exception cause) {
    return new KeyFileException(
        ReasonCode.E_GENERIC_FAILURE,
        "cannot write key file " + file + " (" + cause.getClass().getSimpleName() + "): check that its directory"
            + " exists and is writable",
        Map.of("file", file.toString()),
        cause);
  }
}
