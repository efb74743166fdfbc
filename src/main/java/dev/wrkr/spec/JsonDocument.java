package dev.wrkr.spec;

import dev.wrkr.codec.Json;
import dev.wrkr.codec.JsonFormatException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;

/**
 * Reads a JSON JobSpec with the product's strict parser ({@link Json#parse(byte[])}). Where each
 * value is in the text is worked out only when an error needs it, by a second, streaming pass.
 * Nesting is limited by {@link Depth}, called by the loader once the source map exists.
 */
final class JsonDocument {
  private JsonDocument() {}

  static SpecDocument parse(byte[] utf8) {
    JsonNode tree;
    try {
      tree = Json.parse(utf8);
    } catch (JsonFormatException e) {
      throw syntaxError(e, new String(utf8, StandardCharsets.UTF_8));
    }
    String text = new String(utf8, StandardCharsets.UTF_8);
    return new SpecDocument(tree, SourceMap.lazy(() -> scan(text).map()));
  }

  private static Problem syntaxError(JsonFormatException e, String text) {
    Map<String, Object> details = e.details();
    int line = details.get("line") instanceof Integer n ? n : 0;
    int column = details.get("column") instanceof Integer n ? n : 1;
    Location at = line > 0 ? new Location(line, Math.max(column, 1)) : null;
    String problem = e.getMessage().replaceFirst(
        "^invalid JSON( at line \\d+(, column \\d+)?| at byte offset \\d+)?: ", "");
    Problem p = Problem.parsing(scan(text).failedAt(), at, "invalid JSON: " + problem);
    return details.containsKey("byte_offset") ? p.with("byte_offset", details.get("byte_offset")) : p;
  }

  /** What a streaming pass found: the locations, and where it stopped if the text is malformed. */
  private record Scan(SourceMap map, String failedAt) {}

  private static Scan scan(String text) {
    Map<String, Location> values = SourceMap.newIndex();
    Map<String, Location> keys = SourceMap.newIndex();
    Cursor cursor = new Cursor();
    try (JsonParser parser = Json.wire().createParser(text)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        Location at = location(parser.currentTokenLocation());
        switch (token) {
          case PROPERTY_NAME -> {
            cursor.key(parser.currentName());
            put(keys, cursor.keyPointer(), at);
          }
          case START_OBJECT, START_ARRAY -> {
            String pointer = cursor.nextValue();
            put(values, pointer, at);
            cursor.enter(pointer, token == JsonToken.START_OBJECT);
          }
          case END_OBJECT, END_ARRAY -> cursor.leave();
          default -> put(values, cursor.nextValue(), at);
        }
        if (cursor.atTop() && token != JsonToken.PROPERTY_NAME) {
          break;
        }
      }
    } catch (JacksonException | IllegalStateException e) {
      return new Scan(SourceMap.of(values, keys), cursor.pointer());
    }
    return new Scan(SourceMap.of(values, keys), null);
  }

  private static void put(Map<String, Location> index, String pointer, Location at) {
    if (at != null) {
      index.put(pointer, at);
    }
  }

  private static Location location(TokenStreamLocation where) {
    if (where == null || where.getLineNr() < 1) {
      return null;
    }
    return new Location(where.getLineNr(), Math.max(where.getColumnNr(), 1));
  }
}
