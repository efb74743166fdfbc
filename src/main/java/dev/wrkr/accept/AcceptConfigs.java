package dev.wrkr.accept;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.spec.StrictYaml;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Reads {@code accept.yaml}. A missing file means {@link AcceptConfig#defaults()}. Everything else
 * that is wrong fails with {@code E_INVALID_INPUT_SCHEMA} (exit 6) naming the file and the line:
 * YAML that is not JSON-compatible, unknown keys, wrong types, and paths that are absolute or
 * climb out of the working directory with {@code ..}.
 */
public final class AcceptConfigs {
  /** The file {@code accept init} writes and {@code accept run} reads unless told otherwise. */
  public static final String DEFAULT_PATH = "accept.yaml";

  static final int MAX_BYTES = 1 << 20;

  private static final Set<String> KEYS = Set.of("schema_id", "schema_version", "required_artifacts",
      "test_command", "lint_command", "command_timeout_seconds", "path_rules");
  private static final Set<String> RULE_KEYS =
      Set.of("max_artifact_paths", "forbidden_prefixes", "allowed_prefixes");

  /** What {@code accept init} writes: Wrkr's defaults, commented. */
  public static final String INIT_TEXT = """
      # wrkr acceptance config: what `wrkr accept run <job_id>` checks (see docs/acceptance.md).
      schema_id: wrkr.accept_config
      schema_version: v1
      # Files the job must have produced: paths relative to the working directory, each recorded
      # by a step as present (or declared by a checkpoint as added or changed).
      required_artifacts: []
      # Shell commands run with `sh -c` in the working directory; exit 0 passes.
      test_command: go test ./...
      lint_command: go vet ./...
      # A command still running after this many seconds is killed and its check fails.
      command_timeout_seconds: 600
      path_rules:
        # At most this many artifact paths (0: no limit).
        max_artifact_paths: 0
        # No artifact path may start with one of these.
        forbidden_prefixes: []
        # Each of these must prefix at least one artifact path.
        allowed_prefixes: []
      """;

  private final Path file;
  private final StrictYaml doc;

  private AcceptConfigs(Path file, StrictYaml doc) {
    this.file = file;
    this.doc = doc;
  }

  /**
   * Resolves {@code path} against {@code cwd}: a relative path must stay inside it (an absolute
   * one is taken as given), else {@code E_INVALID_INPUT_SCHEMA}.
   */
  public static Path resolve(String path, Path cwd) {
    Path p = Path.of(path);
    if (p.isAbsolute()) {
      return p.normalize();
    }
    Path base = cwd.toAbsolutePath().normalize();
    Path resolved = base.resolve(p).normalize();
    if (!resolved.startsWith(base)) {
      throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
          "accept config path escapes the working directory: " + path, Map.of("config", path));
    }
    return resolved;
  }

  /**
   * Writes {@link #INIT_TEXT} to {@code file} (already resolved with {@link #resolve}); an existing
   * file without {@code force} is {@code E_GENERIC_FAILURE} "config already exists" (exit 1, as
   * Wrkr).
   */
  public static void init(Path file, boolean force) {
    if (!force && Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "config already exists: " + file
          + " (use --force to overwrite)", Map.of("config", file.toString()));
    }
    try {
      if (file.getParent() != null) {
        Files.createDirectories(file.getParent());
      }
      Files.writeString(file, INIT_TEXT);
    } catch (IOException e) {
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "cannot write accept config " + file + ": "
          + e.getMessage(), Map.of("config", file.toString()), e);
    }
  }

  /** The config in {@code file}; the defaults when it does not exist. */
  public static AcceptConfig load(Path file) {
    if (!Files.exists(file)) {
      return AcceptConfig.defaults();
    }
    byte[] bytes = read(file);
    if (new String(bytes, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
      return AcceptConfig.defaults();
    }
    StrictYaml doc;
    try {
      doc = StrictYaml.parse(bytes);
    } catch (StrictYaml.SyntaxError e) {
      throw invalid(file, e.getMessage(), e.line());
    }
    return new AcceptConfigs(file, doc).config();
  }

  private static byte[] read(Path file) {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw invalid(file, "the file is larger than " + MAX_BYTES + " bytes", 0);
      }
      return bytes;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read accept config " + file, e);
    }
  }

  private AcceptConfig config() {
    JsonNode root = doc.root();
    if (!root.isObject()) {
      throw fail("", "the config must be a mapping");
    }
    requireKnown(root, "", KEYS);
    AcceptConfig d = AcceptConfig.defaults();
    JsonNode rules = root.path("path_rules");
    AcceptConfig.PathRules pathRules = d.pathRules();
    if (!rules.isMissingNode() && !rules.isNull()) {
      if (!rules.isObject()) {
        throw fail("/path_rules", "path_rules must be a mapping");
      }
      requireKnown(rules, "/path_rules", RULE_KEYS);
      pathRules = new AcceptConfig.PathRules(
          integer("/path_rules/max_artifact_paths", 0),
          paths("/path_rules/forbidden_prefixes"),
          paths("/path_rules/allowed_prefixes"));
    }
    int timeout = integer("/command_timeout_seconds", (int) d.commandTimeout().toSeconds());
    if (timeout < 1) {
      throw fail("/command_timeout_seconds", "command_timeout_seconds must be at least 1");
    }
    return new AcceptConfig(
        string("/schema_id", d.schemaId()),
        string("/schema_version", d.schemaVersion()),
        paths("/required_artifacts"),
        string("/test_command", d.testCommand()),
        string("/lint_command", d.lintCommand()),
        Duration.ofSeconds(timeout),
        pathRules);
  }

  private void requireKnown(JsonNode node, String at, Set<String> known) {
    for (String name : node.propertyNames()) {
      if (!known.contains(name)) {
        throw fail(at + "/" + name, "unknown key \"" + name + "\" (known: "
            + String.join(", ", known.stream().sorted().toList()) + ")");
      }
    }
  }

  private String string(String pointer, String fallback) {
    JsonNode n = doc.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    if (!n.isString()) {
      throw fail(pointer, name(pointer) + " must be a string");
    }
    return n.asString();
  }

  private int integer(String pointer, int fallback) {
    JsonNode n = doc.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return fallback;
    }
    if (!n.isIntegralNumber() || !n.canConvertToInt()) {
      throw fail(pointer, name(pointer) + " must be an integer");
    }
    return n.asInt();
  }

  private List<String> paths(String pointer) {
    JsonNode n = doc.root().at(pointer);
    if (n.isMissingNode() || n.isNull()) {
      return List.of();
    }
    if (!n.isArray()) {
      throw fail(pointer, name(pointer) + " must be a list of paths");
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n.size(); i++) {
      JsonNode item = n.get(i);
      String at = pointer + "/" + i;
      if (!item.isString()) {
        throw fail(at, name(pointer) + " entries must be strings");
      }
      String p = item.asString().strip();
      if (!p.isEmpty()) {
        requireRelative(at, p);
      }
      out.add(p);
    }
    return out;
  }

  /** A path must name something under the working directory, as artifact paths do. */
  private void requireRelative(String pointer, String path) {
    String slashed = path.replace('\\', '/');
    boolean escapes = slashed.startsWith("/") || slashed.matches("^[A-Za-z]:.*") || path.indexOf('\0') >= 0
        || List.of(slashed.split("/")).contains("..");
    if (escapes) {
      throw fail(pointer, "path \"" + path + "\" escapes the working directory (paths are relative"
          + " to it and may not be absolute or contain \"..\")");
    }
  }

  private static String name(String pointer) {
    return pointer.substring(pointer.lastIndexOf('/') + 1);
  }

  private WrkrException fail(String pointer, String message) {
    return invalid(file, message, doc.line(pointer).orElse(0));
  }

  private static WrkrException invalid(Path file, String message, int line) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("config", file.toString());
    String where = "";
    if (line > 0) {
      details.put("line", line);
      where = " (line " + line + ")";
    }
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
        "accept config invalid: " + message + where + ": " + file, details);
  }
}
