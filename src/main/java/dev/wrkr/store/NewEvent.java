package dev.wrkr.store;

import java.time.Instant;
import java.util.Objects;

/**
 * An event to append: its type, when it happened and its payload as a JSON object text. The
 * store assigns the sequence number.
 */
public record NewEvent(String type, Instant createdAt, String payloadJson) {
  public NewEvent {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(payloadJson, "payloadJson");
    if (type.isBlank()) {
      throw new IllegalArgumentException("event type must not be blank");
    }
  }
}
