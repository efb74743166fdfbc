package dev.wrkr.spec;

import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * JSON-compatible YAML read exactly as JobSpecs are (one document, string keys each at most once,
 * no anchors, aliases or custom tags, bounded nesting), for other config files such as
 * {@code accept.yaml}. Remembers the line of every value so callers can point at it.
 */
public final class StrictYaml {
  private final JsonNode root;
  private final SourceMap map;

  private StrictYaml(JsonNode root, SourceMap map) {
    this.root = root;
    this.map = map;
  }

  /**
   * Parses UTF-8 bytes.
   *
   * @throws SyntaxError when the text is not UTF-8, not JSON-compatible YAML, or empty
   */
  public static StrictYaml parse(byte[] utf8) {
    Objects.requireNonNull(utf8, "utf8");
    try {
      SpecDocument doc = YamlDocument.parse(utf8);
      return new StrictYaml(doc.tree(), doc.sourceMap());
    } catch (Problem p) {
      int line = p.locate(SourceMap.EMPTY).map(Location::line).orElse(0);
      throw new SyntaxError(p.getMessage().replace("the jobspec", "the document"), line);
    }
  }

  /** The document as a JSON tree. */
  public JsonNode root() {
    return root;
  }

  /** The 1-based line of the value at JSON Pointer {@code pointer} (or its nearest ancestor). */
  public Optional<Integer> line(String pointer) {
    return map.value(pointer).map(Location::line);
  }

  /** Text that is not JSON-compatible YAML; {@code line} is 1-based, 0 when unknown. */
  public static final class SyntaxError extends RuntimeException {
    private final int line;

    SyntaxError(String message, int line) {
      super(message, null, false, false);
      this.line = line;
    }

    public int line() {
      return line;
    }
  }
}
