package dev.wrkr.spec;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.events.CollectionStartEvent;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.events.NodeEvent;
import org.snakeyaml.engine.v2.events.ScalarEvent;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.ReaderException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.parser.Parser;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads a YAML JobSpec into a JSON tree, recording where each value and key is.
 *
 * <p>Built straight from snakeyaml-engine's parser events (no composer, so nothing is expanded):
 * only JSON-compatible YAML is accepted. One document; string keys only, each at most once;
 * no anchors, aliases or merge keys (an alias bomb fails at its first anchor, before anything is
 * copied); no tags but {@code !!str}, {@code !!map}, {@code !!seq}; at most {@link
 * Cursor#MAX_DEPTH} levels of nesting. Scalars resolve as {@link YamlScalars} says.
 */
final class YamlDocument {
  private static final String MAP_TAG = "tag:yaml.org,2002:map";
  private static final String SEQ_TAG = "tag:yaml.org,2002:seq";
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private static final LoadSettings SETTINGS =
      LoadSettings.builder()
          .setLabel("jobspec")
          .setParseComments(false)
          .setAllowDuplicateKeys(false)
          .setAllowRecursiveKeys(false)
          .setAllowNonScalarKeys(false)
          // Defence in depth: we never compose, and refuse the first alias ourselves.
          .setMaxAliasesForCollections(10)
          .setCodePointLimit(SpecFile.MAX_BYTES + 1)
          .build();

  private final Cursor cursor = new Cursor();
  private final Deque<JsonNode> containers = new ArrayDeque<>();
  private final Map<String, Location> values = SourceMap.newIndex();
  private final Map<String, Location> keys = SourceMap.newIndex();
  private JsonNode root;

  private YamlDocument() {}

  /** Parses UTF-8 bytes (a leading byte order mark is skipped); other encodings are refused. */
  static SpecDocument parse(byte[] utf8) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(utf8);
    CharBuffer out = CharBuffer.allocate(utf8.length);
    if (decoder.decode(in, out, true).isError()) {
      int offset = in.position();
      int line = 1;
      for (int i = 0; i < offset; i++) {
        line += utf8[i] == '\n' ? 1 : 0;
      }
      throw Problem.parsing(null, new Location(line, 1), "the jobspec is not valid UTF-8")
          .with("byte_offset", offset);
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return parse(text.startsWith("\uFEFF") ? text.substring(1) : text);
  }

  static SpecDocument parse(String text) {
    YamlDocument reader = new YamlDocument();
    try {
      reader.read(new ParserImpl(SETTINGS, new StreamReader(SETTINGS, new PairSafeReader(text))));
    } catch (MarkedYamlEngineException e) {
      Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
      String problem = Objects.requireNonNullElse(e.getProblem(), e.getMessage());
      throw Problem.parsing(reader.cursor.pointer(), location(mark), "YAML syntax error: " + oneLine(problem));
    } catch (ReaderException e) {
      throw Problem.parsing(reader.cursor.pointer(), locationOf(text, e.getPosition()),
          String.format("character U+%04X is not allowed in YAML", e.getCodePoint()));
    } catch (YamlEngineException e) {
      throw Problem.parsing(reader.cursor.pointer(), null, "YAML syntax error: " + oneLine(e.getMessage()));
    }
    return new SpecDocument(reader.root, SourceMap.of(reader.values, reader.keys));
  }

  private void read(Parser parser) {
    next(parser); // StreamStart
    Event start = next(parser);
    if (start.getEventId() == Event.ID.StreamEnd) {
      throw Problem.parsing(null, null, "the jobspec is empty");
    }
    do {
      node(next(parser));
    } while (!cursor.atTop());
    next(parser); // DocumentEnd
    Event next = next(parser);
    if (next.getEventId() == Event.ID.DocumentStart) {
      throw Problem.parsing(null, location(next),
          "the jobspec holds more than one YAML document; keep one (no second ---)");
    }
  }

  /**
   * The next event. snakeyaml-engine 3.0.1 throws plain runtime exceptions on some malformed input
   * (a {@code NumberFormatException} for {@code "\x} at the end of the file, found by {@code
   * JobSpecFuzzTest}); those are reported as syntax errors too, naming the exception.
   */
  private static Event next(Parser parser) {
    try {
      return parser.next();
    } catch (YamlEngineException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new YamlEngineException("the YAML parser could not read this input ("
          + e.getClass().getSimpleName() + ": " + e.getMessage() + ")", e);
    }
  }

  private void node(Event event) {
    switch (event.getEventId()) {
      case Scalar -> scalar((ScalarEvent) event);
      case MappingStart -> start((CollectionStartEvent) event, true);
      case SequenceStart -> start((CollectionStartEvent) event, false);
      case MappingEnd, SequenceEnd -> {
        cursor.leave();
        containers.pop();
      }
      case Alias -> throw Problem.parsing(cursor.pointer(), location(event),
          "YAML aliases (*name) are not supported; write the value out");
      default -> throw Problem.parsing(cursor.pointer(), location(event),
          "unexpected YAML " + event.getEventId());
    }
  }

  private void scalar(ScalarEvent event) {
    refuseAnchor(event);
    Location at = location(event);
    if (cursor.expectingKey()) {
      String name = YamlScalars.key(event, cursor.pointer(), at);
      cursor.key(name);
      String pointer = cursor.keyPointer();
      if (containers.element().has(name)) {
        throw Problem.parsing(pointer, at, "duplicate key \"" + name + "\"");
      }
      if (at != null) {
        keys.put(pointer, at);
      }
      return;
    }
    place(YamlScalars.value(event, cursor.pointer(), at), at);
  }

  private void start(CollectionStartEvent event, boolean object) {
    refuseAnchor(event);
    Location at = location(event);
    if (cursor.expectingKey()) {
      throw Problem.parsing(cursor.pointer(), at,
          "a YAML " + (object ? "mapping" : "sequence") + " cannot be an object key; keys must be strings");
    }
    Optional<String> tag = event.getTag();
    if (tag.isPresent() && !tag.get().equals("!") && !tag.get().equals(object ? MAP_TAG : SEQ_TAG)) {
      throw Problem.parsing(cursor.pointer(), at, "YAML tag " + tag.get() + " is not supported here");
    }
    if (cursor.depth() >= Cursor.MAX_DEPTH) {
      throw Problem.parsing(cursor.pointer(), at, "the jobspec nests deeper than " + Cursor.MAX_DEPTH + " levels");
    }
    JsonNode container = object ? NODES.objectNode() : NODES.arrayNode();
    String pointer = place(container, at);
    cursor.enter(pointer, object);
    containers.push(container);
  }

  private String place(JsonNode node, Location at) {
    JsonNode parent = containers.peek();
    String pointer = cursor.nextValue();
    if (parent == null) {
      root = node;
    } else if (parent instanceof ObjectNode object) {
      object.set(Pointers.last(pointer), node);
    } else {
      ((ArrayNode) parent).add(node);
    }
    if (at != null) {
      values.put(pointer, at);
    }
    return pointer;
  }

  private void refuseAnchor(NodeEvent event) {
    if (event.getAnchor().isPresent()) {
      throw Problem.parsing(cursor.pointer(), location(event),
          "YAML anchors (&" + event.getAnchor().get().getValue()
              + ") and aliases are not supported; write the value out");
    }
  }

  private static Location location(Event event) {
    return location(event.getStartMark().orElse(null));
  }

  private static Location location(Mark mark) {
    return mark == null ? null : new Location(mark.getLine() + 1, mark.getColumn() + 1);
  }

  /** Line and column of the code point at {@code index} (the reader counts code points). */
  private static Location locationOf(String text, int index) {
    int line = 1;
    int column = 1;
    int offset = 0;
    for (int i = 0; i < index && offset < text.length(); i++) {
      int c = text.codePointAt(offset);
      offset += Character.charCount(c);
      if (c == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new Location(line, column);
  }

  private static String oneLine(String text) {
    String s = text == null ? "unreadable input" : text.strip().replaceAll("\\s*\\n\\s*", " ");
    return s.length() <= 300 ? s : s.substring(0, 300) + "...";
  }
}
