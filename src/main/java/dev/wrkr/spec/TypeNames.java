package dev.wrkr.spec;

import java.util.Locale;
import tools.jackson.databind.JsonNode;

/** JSON type names for messages: "an integer", "a string", "null". */
final class TypeNames {
  private TypeNames() {}

  static String of(JsonNode node) {
    return switch (node.getNodeType()) {
      case ARRAY -> "a list";
      case OBJECT -> "an object";
      case STRING -> "a string";
      case BOOLEAN -> "a boolean";
      case NULL, MISSING -> "null";
      case NUMBER -> node.isIntegralNumber() ? "an integer" : "a number";
      case BINARY, POJO -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** A JSON Schema type name with its article: "an integer", "an object", "a string". */
  static String withArticle(String schemaType) {
    return switch (schemaType) {
      case "integer", "object" -> "an " + schemaType;
      case "array" -> "a list";
      case "null" -> "null";
      default -> "a " + schemaType;
    };
  }
}
