package dev.wrkr.codec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.json.JsonReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.MapperFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.cfg.JsonNodeFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.NullNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The product's one JSON mapper and its strict reading rules.
 *
 * <p>Reading accepts only RFC 8259 JSON that is also I-JSON (RFC 7493): UTF-8, no duplicate object
 * keys, no NaN/Infinity, no leading zeros, comments, single quotes or trailing commas, nothing after
 * the value, no lone surrogates, no number outside the double range. Floats become double nodes and
 * integers int, long or {@code BigInteger} nodes by size. Anything else throws {@link
 * JsonFormatException} saying what and where. Unknown properties are ignored when binding to a type,
 * as Go's {@code encoding/json} does; schemas are the place to forbid them.
 *
 * <p>Writing: records keep their component order, named in snake_case, {@link java.time.Instant} is a Go RFC3339Nano
 * string ({@link Timestamps}). Turn a tree into bytes with {@link Canonical} (hashed and signed
 * files) or {@link GoJson} (CLI and HTTP output), never with the mapper's own writer.
 */
public final class Json {
  private Json() {}

  private static final class Holder {
    static final JsonMapper MAPPER = build();
  }

  /** Off by default in Jackson 3 already; listed so that a default changing cannot loosen us. */
  private static final JsonReadFeature[] LAX_SYNTAX = {
    JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS,
    JsonReadFeature.ALLOW_LEADING_ZEROS_FOR_NUMBERS,
    JsonReadFeature.ALLOW_LEADING_PLUS_SIGN_FOR_NUMBERS,
    JsonReadFeature.ALLOW_LEADING_DECIMAL_POINT_FOR_NUMBERS,
    JsonReadFeature.ALLOW_TRAILING_DECIMAL_POINT_FOR_NUMBERS,
    JsonReadFeature.ALLOW_JAVA_COMMENTS,
    JsonReadFeature.ALLOW_YAML_COMMENTS,
    JsonReadFeature.ALLOW_SINGLE_QUOTES,
    JsonReadFeature.ALLOW_UNQUOTED_PROPERTY_NAMES,
    JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
    JsonReadFeature.ALLOW_BACKSLASH_ESCAPING_ANY_CHARACTER,
    JsonReadFeature.ALLOW_TRAILING_COMMA,
    JsonReadFeature.ALLOW_MISSING_VALUES,
  };

  private static JsonMapper build() {
    return JsonMapper.builder()
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        .disable(LAX_SYNTAX)
        .enable(
            DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
            DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY,
            DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        // USE_LONG_FOR_INTS is left off: in Jackson 3.2.4 it makes readTree fail on integers past
        // 64 bits instead of giving a BigInteger node (JsonTest guards the BigInteger case).
        .disable(
            DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS,
            DeserializationFeature.ACCEPT_FLOAT_AS_INT,
            DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(JsonNodeFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .disable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, MapperFeature.ALLOW_COERCION_OF_SCALARS)
        // Every wrkr document (Wrkr's too) names fields in snake_case; records use Java names.
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(GoTimeModule.create())
        .build();
  }

  /**
   * The shared mapper ("wire" format), configured as described above; immutable, safe to share
   * between threads. Prefer {@link #parse} and {@link #read} for input: calling the mapper directly
   * skips the lone-surrogate and number-range checks and throws Jackson's exceptions instead of
   * {@link JsonFormatException}.
   */
  public static JsonMapper wire() {
    return Holder.MAPPER;
  }

  /**
   * A new document tree that starts with the fields every Wrkr document (v1) starts with, in
   * Wrkr's order: {@code schema_id}, {@code schema_version}, {@code created_at}, {@code
   * producer_version}, {@code job_id}.
   */
  public static ObjectNode document(String schemaId, Instant createdAt, String producerVersion, String jobId) {
    ObjectNode n = wire().createObjectNode();
    n.put("schema_id", schemaId);
    n.put("schema_version", "v1");
    n.put("created_at", Timestamps.format(createdAt));
    n.put("producer_version", producerVersion);
    n.put("job_id", jobId);
    return n;
  }

  /** Parses one JSON value from text, strictly. */
  public static JsonNode parse(String text) {
    JsonNode node;
    try {
      node = wire().readTree(text);
    } catch (JacksonException e) {
      throw translate(e);
    }
    if (node == null || node.isMissingNode()) {
      throw JsonFormatException.at("no JSON value (the input is empty)", 0, 0, null);
    }
    Optional<String> problem = StrictTree.firstProblem(node);
    if (problem.isPresent()) {
      StrictTree.Finding finding = locate(text).orElse(new StrictTree.Finding(problem.get(), null));
      throw JsonFormatException.at(finding.problem(), line(finding.where()), column(finding.where()), null);
    }
    return node;
  }

  /** Parses one JSON value from UTF-8 bytes, strictly; other encodings and invalid UTF-8 fail. */
  public static JsonNode parse(byte[] utf8) {
    return parse(decodeUtf8(utf8));
  }

  /** Binds text to {@code type}, after the strict checks of {@link #parse(String)}. */
  public static <T> T read(String text, Class<T> type) {
    return read(parse(text), type);
  }

  /** Binds a tree to {@code type}; a mismatch throws {@link JsonFormatException} with its path. */
  public static <T> T read(JsonNode tree, Class<T> type) {
    try {
      return wire().treeToValue(tree, type);
    } catch (JacksonException e) {
      throw JsonFormatException.inValue(withoutConfigHints(e), pointer(e));
    }
  }

  /**
   * The tree a value serializes to (records in component order, instants as Go timestamps); {@code
   * null} gives a JSON null.
   *
   * @throws IllegalArgumentException when the value cannot be serialized (a programming error)
   */
  public static JsonNode tree(Object value) {
    if (value == null) {
      return NullNode.getInstance();
    }
    try {
      return wire().valueToTree(value);
    } catch (JacksonException e) {
      throw new IllegalArgumentException(
          "cannot turn a " + value.getClass().getName() + " into JSON: " + e.getOriginalMessage(), e);
    }
  }

  private static Optional<StrictTree.Finding> locate(String text) {
    try (JsonParser parser = wire().createParser(text)) {
      return StrictTree.locate(parser);
    }
  }

  private static JsonFormatException translate(JacksonException e) {
    TokenStreamLocation where = e.getLocation();
    return JsonFormatException.at(withoutConfigHints(e), line(where), column(where), e);
  }

  private static int line(TokenStreamLocation where) {
    return where == null ? 0 : where.getLineNr();
  }

  private static int column(TokenStreamLocation where) {
    return where == null ? 0 : where.getColumnNr();
  }

  /** Jackson's message without its advice to enable lenient features, which we keep off on purpose. */
  private static String withoutConfigHints(JacksonException e) {
    return e.getOriginalMessage()
        .replaceAll(": enable `[^`]+` to allow", "")
        .replace(" (but might if coercion using `CoercionConfig` was enabled)", "");
  }

  /** Jackson's property path as a JSON Pointer ({@code /jobs/0/created_at}). */
  private static String pointer(JacksonException e) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference ref : e.getPath()) {
      path.append('/');
      if (ref.getPropertyName() != null) {
        path.append(ref.getPropertyName().replace("~", "~0").replace("/", "~1"));
      } else if (ref.getIndex() >= 0) {
        path.append(ref.getIndex());
      }
    }
    return path.toString();
  }

  private static String decodeUtf8(byte[] utf8) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw JsonFormatException.atByte("the input is not valid UTF-8", in.position());
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
