package dev.wrkr.schema;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A document does not match its schema ({@link ReasonCode#E_INVALID_INPUT_SCHEMA}).
 *
 * <p>The message names the document and its first violation; details hold the {@code schema_id}
 * and the first {@value #MAX_LISTED} violations as {@code {path, keyword, message}} objects, plus
 * {@code error_count} when some were left out.
 */
public final class SchemaValidationException extends WrkrException {
  /** Most violations listed in details; a huge document must not make a huge envelope. */
  static final int MAX_LISTED = 20;

  private final SchemaId schemaId;
  private final List<SchemaViolation> violations;

  SchemaValidationException(SchemaId schemaId, String what, List<SchemaViolation> violations) {
    super(
        ReasonCode.E_INVALID_INPUT_SCHEMA,
        what + " schema invalid: " + violations.getFirst().describe(),
        details(schemaId, violations));
    this.schemaId = schemaId;
    this.violations = List.copyOf(violations);
  }

  /** The schema the document was checked against. */
  public SchemaId schemaId() {
    return schemaId;
  }

  /** Every violation found, in {@link SchemaViolation#ORDER}; never empty. */
  public List<SchemaViolation> violations() {
    return violations;
  }

  private static Map<String, Object> details(SchemaId schemaId, List<SchemaViolation> violations) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("schema_id", schemaId.value());
    details.put(
        "errors",
        violations.stream().limit(MAX_LISTED).map(SchemaValidationException::asMap).toList());
    if (violations.size() > MAX_LISTED) {
      details.put("error_count", violations.size());
    }
    return details;
  }

  private static Map<String, String> asMap(SchemaViolation violation) {
    Map<String, String> error = new LinkedHashMap<>();
    error.put("path", violation.path());
    error.put("keyword", violation.keyword());
    error.put("message", violation.message());
    return Collections.unmodifiableMap(error);
  }
}
