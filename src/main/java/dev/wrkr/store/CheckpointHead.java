package dev.wrkr.store;

/**
 * What a checkpoint listing prints of a {@code checkpoint_emitted} event, read by the database
 * without handing the payload to Java: the event's sequence number and the JSON text (a quoted,
 * escaped string) of the payload's {@code type}, {@code status} and {@code summary} members. A
 * member is the empty string when the payload is not a JSON object that names each of the three
 * once, or the member is not a string; the reader then decodes that event in full instead.
 */
public record CheckpointHead(long seq, String typeJson, String statusJson, String summaryJson) {
  /** True when every member is a JSON string, so that the head can stand for the event. */
  public boolean complete() {
    return !typeJson.isEmpty() && !statusJson.isEmpty() && !summaryJson.isEmpty();
  }
}
