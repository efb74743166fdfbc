package dev.wrkr.spec;

import dev.wrkr.codec.Json;
import dev.wrkr.schema.SchemaViolation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Turns JSON Schema violations into JobSpec problems with plain messages: {@code /budgets/
 * max_step_count must be >= 1}, {@code unknown key "nmae" at /nmae}, {@code /name is required}.
 * A message from the validator that is not recognised is passed on as it is.
 */
final class SchemaProblems {
  private static final String SCHEMA = "/dev/wrkr/schemas/v1/jobspec/jobspec.schema.json";
  private static final Pattern TYPE = Pattern.compile("(\\w+) found, \\[?([\\w, ]+?)\\]? expected");
  private static final Pattern NUMBER = Pattern.compile("value of (\\S+)");
  private static final Pattern LENGTH = Pattern.compile("at least (\\d+) characters");
  private static final Pattern QUOTED = Pattern.compile("'(.*)'");
  private static final Pattern ENUMERATION = Pattern.compile("enumeration \\[(.*)]");
  private static final Pattern REGEX = Pattern.compile("pattern (.*)$");

  private SchemaProblems() {}

  static Problem of(SchemaViolation violation) {
    String path = violation.path();
    String subject = path.isEmpty() ? "the jobspec" : path;
    String message = violation.message();
    return switch (violation.keyword()) {
      case "additionalProperties" -> {
        String key = Pointers.last(path);
        yield Problem.atKey(path, "unknown key \"" + key + "\" at " + path)
            .hint(Suggestions.forUnknownKey(key, knownKeys(Pointers.parent(path))));
      }
      case "required" -> Problem.at(path, path + " is required");
      case "type" -> find(TYPE, message, 2)
          .map(expected -> Problem.at(path, subject + " must be " + TypeNames.withArticle(expected)
              + ", not " + TypeNames.withArticle(find(TYPE, message, 1).orElse("?"))))
          .orElseGet(() -> raw(path, subject, message));
      case "minimum" -> bound(path, subject, message, " must be >= ");
      case "maximum" -> bound(path, subject, message, " must be <= ");
      case "minLength" -> find(LENGTH, message, 1)
          .map(n -> Problem.at(path, subject + (n.equals("1") ? " must not be empty"
              : " must be at least " + n + " characters long")))
          .orElseGet(() -> raw(path, subject, message));
      case "const" -> find(QUOTED, message, 1)
          .map(v -> Problem.at(path, subject + " must be \"" + v + "\""))
          .orElseGet(() -> raw(path, subject, message));
      case "enum" -> find(ENUMERATION, message, 1)
          .map(v -> Problem.at(path, subject + " must be one of " + v))
          .orElseGet(() -> raw(path, subject, message));
      case "pattern" -> find(REGEX, message, 1)
          .map(v -> Problem.at(path, subject + " must match " + v))
          .orElseGet(() -> raw(path, subject, message));
      default -> raw(path, subject, message);
    };
  }

  private static Problem bound(String path, String subject, String message, String relation) {
    return find(NUMBER, message, 1)
        .map(n -> Problem.at(path, subject + relation + n))
        .orElseGet(() -> raw(path, subject, message));
  }

  private static Problem raw(String path, String subject, String message) {
    return Problem.at(path, subject + " " + message);
  }

  private static Optional<String> find(Pattern pattern, String text, int group) {
    Matcher m = pattern.matcher(text);
    return m.find() ? Optional.of(m.group(group)) : Optional.empty();
  }

  /** The keys the schema declares for the object at {@code pointer}; empty when it declares none. */
  static Set<String> knownKeys(String pointer) {
    JsonNode node = Schema.ROOT;
    if (!pointer.isEmpty()) {
      for (String segment : List.of(pointer.substring(1).split("/", -1))) {
        node = node.path("properties").path(segment.replace("~1", "/").replace("~0", "~"));
      }
    }
    return new TreeSet<>(node.path("properties").propertyNames());
  }

  /** The JobSpec schema as a tree, read on first use (only unknown-key errors need it). */
  private static final class Schema {
    static final JsonNode ROOT = read();

    private static JsonNode read() {
      try (InputStream in = SchemaProblems.class.getResourceAsStream(SCHEMA)) {
        if (in == null) {
          throw new IllegalStateException("bundled schema missing: " + SCHEMA);
        }
        return Json.parse(in.readAllBytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
