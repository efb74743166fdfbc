package dev.wrkr.sign;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A jobpack signature envelope that is malformed or does not verify. Always {@link
 * ReasonCode#E_SIGNATURE_INVALID} (exit 2).
 *
 * <p>{@link #details()} starts with {@code reason} (the {@link Reason#wire()} value), then facts such
 * as {@code key_ids}, {@code trusted_key_ids}, {@code key_id}, the expected and signed job id or
 * manifest digest, or {@code limit}. Key ids only, never key material.
 */
public final class SignatureInvalidException extends WrkrException {
  /** Why a signature was refused; {@link #wire()} is the stable value of {@code details.reason}. */
  public enum Reason {
    /** Not a signature envelope: too large, not strict JSON, a field missing, unknown or of the wrong type, bad base64. */
    MALFORMED_ENVELOPE,
    /** An envelope, but its {@code payloadType} is not the jobpack signature statement's. */
    WRONG_PAYLOAD_TYPE,
    /** The payload is not a well-formed jobpack signature statement. */
    MALFORMED_STATEMENT,
    /** No signature is by a trusted key. */
    UNTRUSTED_KEY,
    /** A signature claims a trusted key but does not verify: the envelope changed after signing. */
    BAD_SIGNATURE,
    /** A valid signature, but for another job id. */
    JOB_MISMATCH,
    /** A valid signature, but for another manifest: the jobpack changed after signing. */
    MANIFEST_MISMATCH;

    /** The stable snake_case value written to {@code details.reason}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Reason reason;

  SignatureInvalidException(Reason reason, String message, Map<String, ?> facts) {
    super(ReasonCode.E_SIGNATURE_INVALID, message, withReason(reason, facts));
    this.reason = reason;
  }

  /** Why the signature was refused. */
  public Reason reason() {
    return reason;
  }

  static SignatureInvalidException malformed(String problem) {
    return new SignatureInvalidException(
        Reason.MALFORMED_ENVELOPE, "not a jobpack signature envelope: " + problem, Map.of());
  }

  /** Ordered details from alternating names and values. */
  static Map<String, Object> facts(Object... namesAndValues) {
    Map<String, Object> facts = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      facts.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return facts;
  }

  static List<String> ids(List<KeyId> keyIds) {
    return keyIds.stream().map(KeyId::value).toList();
  }

  private static Map<String, Object> withReason(Reason reason, Map<String, ?> facts) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("reason", reason.wire());
    details.putAll(facts);
    return details;
  }
}
