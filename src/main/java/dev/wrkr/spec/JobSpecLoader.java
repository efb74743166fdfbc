package dev.wrkr.spec;

import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.SchemaViolation;
import dev.wrkr.schema.Schemas;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Loads and validates JobSpec files: the one place that knows the adapter names ({@code
 * reference}, {@code noop}).
 *
 * <p>The pipeline, and where it differs from Wrkr's (reference §3.1):
 *
 * <ol>
 *   <li>Find and read the file ({@link SpecFile}): a relative path stays inside the working
 *       directory, symlinks included; at most 1 MiB, checked before parsing.
 *   <li>Parse: {@code .json} (any case) as strict JSON, anything else as JSON-compatible YAML
 *       ({@link YamlDocument}); both give the same tree for the same content.
 *   <li>Wrkr's defaults: a null {@code inputs}, {@code expected_artifacts} or {@code
 *       checkpoint_policy.required_types} counts as absent.
 *   <li>Validate against the {@code wrkr.jobspec} schema. Unlike Wrkr, which drops unknown keys
 *       while decoding, an unknown key is an error (typos in budgets must not pass silently).
 *   <li>The adapter: {@code adapter.name} trimmed and lower-cased; an unknown one fails here with
 *       {@code unsupported adapter "x"} (Wrkr fails only when the job runs). For {@code reference},
 *       the steps ({@link StepReader}).
 *   <li>The rest: {@code created_at} RFC 3339, fingerprint rules known ({@code go_version} read
 *       as {@code java_version}), artifact paths inside the workspace, the workspace ({@link
 *       Workspaces}).
 * </ol>
 *
 * <p>Every failure is an {@link InvalidJobSpecException} ({@code E_INVALID_INPUT_SCHEMA}, exit 6)
 * naming the JSON Pointer, line and column of the offending value. Instances are immutable and
 * safe to share between threads.
 */
public final class JobSpecLoader {
  /** Most schema violations listed in the details of one error. */
  static final int MAX_LISTED = 20;

  private final Schemas schemas;

  /** A loader using the shared bundled schemas. */
  public JobSpecLoader() {
    this(Schemas.standard());
  }

  public JobSpecLoader(Schemas schemas) {
    this.schemas = Objects.requireNonNull(schemas, "schemas");
  }

  /**
   * Loads the JobSpec at {@code spec}.
   *
   * @param spec the file, absolute or relative to {@code cwd}
   * @param cwd the working directory a relative {@code spec} must stay inside
   * @throws InvalidJobSpecException when the file cannot be read or is not a valid JobSpec
   */
  public JobSpec load(Path spec, Path cwd) {
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(cwd, "cwd");
    SpecFile file = SpecFile.read(spec, cwd);
    return parse(file.bytes(), file.path());
  }

  /**
   * Rebuilds a JobSpec from the document a job recorded when it was submitted ({@code
   * job_initialized.submission.jobspec}), so that resume runs what was submitted even when the file
   * changed since. The same validation applies; the workspace must still exist.
   *
   * @param specPath where the document was originally loaded from (absolute)
   */
  public JobSpec recorded(JsonNode jobspec, Path specPath) {
    Objects.requireNonNull(jobspec, "jobspec");
    Objects.requireNonNull(specPath, "specPath");
    try {
      Depth.check(jobspec);
      validate(jobspec, SourceMap.EMPTY);
      return build(jobspec, specPath);
    } catch (Problem problem) {
      throw problem.toException(SourceMap.EMPTY, specPath);
    }
  }

  /** Parses file content as if read from {@code specPath} (absolute); for tests and fuzzing. */
  JobSpec parse(byte[] content, Path specPath) {
    SourceMap map = SourceMap.EMPTY;
    try {
      SpecDocument document =
          SpecFile.isJson(specPath) ? JsonDocument.parse(content) : YamlDocument.parse(content);
      map = document.sourceMap();
      Depth.check(document.tree());
      validate(document.tree(), map);
      return build(document.tree(), specPath);
    } catch (Problem problem) {
      throw problem.toException(map, specPath);
    }
  }

  private void validate(JsonNode tree, SourceMap map) {
    requireLongRange(tree);
    List<SchemaViolation> violations = schemas.validate(SchemaId.JOBSPEC, withWrkrDefaults(tree));
    if (violations.isEmpty()) {
      return;
    }
    // Unknown keys first: a misspelt key also makes the key it was meant to be "missing".
    Comparator<Problem> order = Comparator.comparing((Problem p) -> !p.aboutKey())
        .thenComparing(p -> p.locate(map).orElse(null), Comparator.nullsLast(Comparator.naturalOrder()));
    List<Problem> problems = violations.stream().map(SchemaProblems::of).sorted(order).toList();
    Problem first = problems.getFirst();
    if (problems.size() > 1) {
      first = first.with("error_count", problems.size())
          .with("errors", problems.stream().limit(MAX_LISTED).map(p -> summary(p, map)).toList());
    }
    throw first;
  }

  /**
   * The schema validator (networknt 3.0.9 on Jackson 3) throws instead of reporting when a float
   * beyond the range of a long meets an integer {@code minimum}; in the JobSpec schema only the
   * members of {@code budgets} and {@code checkpoint_policy} have one. Found by {@code
   * JobSpecFuzzTest}; guarded by {@code JobSpecSchemaErrorsTest.a_float_beyond_a_java_long_should_be_refused}.
   */
  private static void requireLongRange(JsonNode tree) {
    for (String object : List.of("budgets", "checkpoint_policy")) {
      for (var member : tree.path(object).properties()) {
        JsonNode value = member.getValue();
        if (value.isFloatingPointNumber() && !(Math.abs(value.doubleValue()) < 0x1p63)) {
          String at = Pointers.child("/" + object, member.getKey());
          throw Problem.at(at, at + " must be less than 2^63 (9223372036854775807)");
        }
      }
    }
  }

  private static Map<String, Object> summary(Problem problem, SourceMap map) {
    Map<String, Object> error = new LinkedHashMap<>();
    error.put("path", problem.pointer().orElse(""));
    error.put("message", problem.getMessage());
    problem.locate(map).ifPresent(at -> {
      error.put("line", at.line());
      error.put("column", at.column());
    });
    return error;
  }

  private static JobSpec build(JsonNode doc, Path specPath) {
    JsonNode inputs = SpecValues.present(doc, "inputs").orElseGet(JsonNodeFactory.instance::objectNode);
    return new JobSpec(
        doc.get("schema_id").stringValue(),
        doc.get("schema_version").stringValue(),
        SpecValues.createdAt(doc),
        doc.get("producer_version").stringValue(),
        doc.get("name").stringValue(),
        doc.get("objective").stringValue(),
        inputs,
        SpecValues.expectedArtifacts(doc),
        adapter(doc.get("adapter"), inputs),
        SpecValues.budgets(doc),
        SpecValues.checkpointPolicy(doc),
        SpecValues.present(doc, "acceptance"),
        SpecValues.envRules(doc),
        Workspaces.resolve(inputs, specPath),
        specPath,
        doc);
  }

  private static AdapterSpec adapter(JsonNode adapter, JsonNode inputs) {
    String name = adapter.get("name").stringValue().strip().toLowerCase(Locale.ROOT);
    JsonNode config = SpecValues.present(adapter, "config").orElseGet(JsonNodeFactory.instance::objectNode);
    return switch (name) {
      case ReferenceAdapter.NAME -> new ReferenceAdapter(StepReader.read(inputs), config);
      case NoopAdapter.NAME -> new NoopAdapter(config);
      default -> throw Problem.at("/adapter/name", "unsupported adapter \"" + name + "\"")
          .hint("use " + ReferenceAdapter.NAME + " or " + NoopAdapter.NAME)
          .with("adapter", name);
    };
  }

  /** Wrkr's loader turns these nulls into empty values before it validates (reference §3.1). */
  private static JsonNode withWrkrDefaults(JsonNode tree) {
    boolean nullInputs = isNull(tree, "inputs");
    boolean nullArtifacts = isNull(tree, "expected_artifacts");
    boolean nullTypes = tree.path("checkpoint_policy").isObject() && isNull(tree.get("checkpoint_policy"), "required_types");
    if (!(nullInputs || nullArtifacts || nullTypes)) {
      return tree;
    }
    ObjectNode copy = (ObjectNode) tree.deepCopy();
    if (nullInputs) {
      copy.remove("inputs");
    }
    if (nullArtifacts) {
      copy.remove("expected_artifacts");
    }
    if (nullTypes) {
      ((ObjectNode) copy.get("checkpoint_policy")).remove("required_types");
    }
    return copy;
  }

  private static boolean isNull(JsonNode parent, String key) {
    return parent.isObject() && parent.has(key) && parent.get(key).isNull();
  }
}
