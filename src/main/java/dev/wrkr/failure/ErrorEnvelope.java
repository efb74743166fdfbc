package dev.wrkr.failure;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code wrkr.error_envelope} every failing command writes (to stderr with {@code --json})
 * and the HTTP API returns as its body. Field order is the wire order; {@code details} is left
 * out when empty.
 */
public record ErrorEnvelope(
    String schemaId,
    String schemaVersion,
    Instant createdAt,
    String producerVersion,
    String code,
    String message,
    int exitCode,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) Map<String, Object> details) {
  public static final String SCHEMA_ID = "wrkr.error_envelope";

  public ErrorEnvelope {
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(code, "code");
    message = message == null ? "" : message;
    details = details == null ? Map.of() : details;
  }

  /** The envelope for {@code e}, made at {@code now} by {@code producerVersion}. */
  public static ErrorEnvelope of(WrkrException e, Instant now, String producerVersion) {
    return new ErrorEnvelope(
        SCHEMA_ID, "v1", now, producerVersion, e.code().name(), e.getMessage(),
        e.code().exitCode(), e.details());
  }
}
