package dev.wrkr.schema;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.PathType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;

/**
 * Validates documents against wrkr's bundled JSON Schemas (draft 2020-12).
 *
 * <p>Nothing is read or compiled until a schema is first used, and then only that schema and the
 * files it references: the CLI starts often and most commands need one schema or none. Compiled
 * schemas are cached; every method is safe to call from many threads. {@code format} is an
 * annotation, not an assertion, as in Wrkr.
 */
public final class Schemas {
  /** Keywords whose violation names a property; the path then points at that property. */
  private static final Set<String> PROPERTY_KEYWORDS =
      Set.of("required", "additionalProperties", "unevaluatedProperties");

  private final ClasspathSchemaLoader loader;
  private final Map<SchemaId, Schema> compiled = new ConcurrentHashMap<>();
  private volatile SchemaRegistry registry;

  /** Schemas read from this class's class loader. */
  public Schemas() {
    this(new ClasspathSchemaLoader(Schemas.class.getClassLoader()));
  }

  Schemas(ClasspathSchemaLoader loader) {
    this.loader = Objects.requireNonNull(loader, "loader");
  }

  /** One shared instance for callers that are not handed one; created on first use. */
  public static Schemas standard() {
    return Standard.INSTANCE;
  }

  /** Every way {@code document} breaks the schema, ordered by path; empty when it is valid. */
  public List<SchemaViolation> validate(SchemaId id, JsonNode document) {
    Objects.requireNonNull(document, "document");
    var schema = schema(id);
    try {
      return schema.validate(document).stream()
          .map(Schemas::violation)
          .distinct()
          .sorted(SchemaViolation.ORDER)
          .toList();
    } catch (RuntimeException e) {
      // networknt 3.0.9 throws (instead of reporting) when e.g. a float beyond the long range
      // meets an integer minimum; a document we cannot check is not valid
      // (SchemasTest.a_document_the_validator_chokes_on_should_be_a_violation).
      return List.of(new SchemaViolation("", "document cannot be validated: " + e.getMessage(), "validator"));
    }
  }

  /**
   * Throws unless {@code document} matches the schema.
   *
   * @param what the document's name in the message, e.g. {@code jobspec} gives "jobspec schema
   *     invalid: …"
   * @throws SchemaValidationException with {@code E_INVALID_INPUT_SCHEMA} when it does not match
   */
  public void requireValid(SchemaId id, JsonNode document, String what) {
    List<SchemaViolation> violations = validate(id, document);
    if (!violations.isEmpty()) {
      throw new SchemaValidationException(id, what, violations);
    }
  }

  /** How many document schemas wrkr has (14), whether compiled yet or not. */
  public int count() {
    return SchemaId.values().length;
  }

  /**
   * Compiles every schema now (for {@code doctor}) and returns how many compiled.
   *
   * @throws IllegalStateException when a bundled schema is missing or broken
   */
  public int compileAll() {
    for (SchemaId id : SchemaId.values()) {
      schema(id);
    }
    return compiled.size();
  }

  private Schema schema(SchemaId id) {
    Objects.requireNonNull(id, "id");
    return compiled.computeIfAbsent(id, this::compile);
  }

  private Schema compile(SchemaId id) {
    try {
      return registry().getSchema(SchemaLocation.of(id.uri()));
    } catch (RuntimeException e) {
      throw new IllegalStateException("bundled schema " + id.path() + " cannot be compiled", e);
    }
  }

  private SchemaRegistry registry() {
    SchemaRegistry current = registry;
    if (current == null) {
      synchronized (this) {
        current = registry;
        if (current == null) {
          current = newRegistry(loader);
          registry = current;
        }
      }
    }
    return current;
  }

  private static SchemaRegistry newRegistry(ClasspathSchemaLoader loader) {
    SchemaRegistryConfig config =
        SchemaRegistryConfig.builder()
            .pathType(PathType.JSON_POINTER)
            .locale(Locale.ENGLISH)
            .formatAssertionsEnabled(false)
            // Fully initialized before it is cached and shared between threads
            // (SchemasTest.concurrent_first_uses_should_compile_once_and_agree).
            .preloadSchema(true)
            .build();
    return SchemaRegistry.withDefaultDialect(
        SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemaRegistryConfig(config).resourceLoaders(r -> r.add(loader)));
  }

  private static SchemaViolation violation(com.networknt.schema.Error error) {
    String path = error.getInstanceLocation().toString();
    String property = error.getProperty();
    if (property != null && PROPERTY_KEYWORDS.contains(error.getKeyword())) {
      path = path + "/" + property.replace("~", "~0").replace("/", "~1");
    }
    return new SchemaViolation(path, error.getMessage(), error.getKeyword());
  }

  private static final class Standard {
    static final Schemas INSTANCE = new Schemas();
  }
}
