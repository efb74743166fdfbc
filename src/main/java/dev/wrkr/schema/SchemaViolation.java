package dev.wrkr.schema;

import java.util.Comparator;
import java.util.Objects;

/**
 * One way a document breaks its schema.
 *
 * @param path JSON pointer to the offending value ({@code ""} for the document itself); for a
 *     missing or forbidden property it points at that property, e.g. {@code /budgets/max_tokens}
 * @param message what is wrong, in English
 * @param keyword the schema keyword that failed, e.g. {@code required}, {@code pattern}
 */
public record SchemaViolation(String path, String message, String keyword) {
  /** Orders violations by path, then keyword, then message: stable across library versions. */
  static final Comparator<SchemaViolation> ORDER =
      Comparator.comparing(SchemaViolation::path)
          .thenComparing(SchemaViolation::keyword)
          .thenComparing(SchemaViolation::message);

  public SchemaViolation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(keyword, "keyword");
  }

  /** {@code <path>: <message>}, or just the message when the path is the document itself. */
  public String describe() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
