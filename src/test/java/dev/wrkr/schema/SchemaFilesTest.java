package dev.wrkr.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/** The bundled schema files themselves: well-formed 2020-12, consistent ids, strict objects. */
class SchemaFilesTest {
  private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
  private static final Path ROOT = Fixtures.folder(ClasspathSchemaLoader.CLASSPATH_ROOT);
  private static final String COMMON = "common.schema.json";

  /** Objects whose content is free-form by contract (reference §11); nothing else may be. */
  private static final Map<String, Set<String>> FREE_FORM =
      Map.of(
          "jobspec/jobspec.schema.json",
          Set.of(
              "/properties/inputs",
              "/properties/adapter/properties/config",
              "/properties/acceptance"),
          "jobpack/job.schema.json",
          Set.of("/properties/budgets"),
          "jobpack/event.schema.json",
          Set.of("/properties/payload"),
          "serve/error_envelope.schema.json",
          Set.of("/properties/details"));

  @Test
  void every_bundled_file_should_be_valid_against_the_2020_12_metaschema() throws IOException {
    Schema metaschema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(SchemaLocation.of(DRAFT_2020_12));

    for (String file : bundledFiles()) {
      assertThat(metaschema.validate(read(file))).as(file).isEmpty();
    }
  }

  @Test
  void bundled_files_should_be_the_document_schemas_plus_the_shared_definitions()
      throws IOException {
    Set<String> expected = new TreeSet<>(Set.of(COMMON));
    Arrays.stream(SchemaId.values()).map(SchemaId::path).forEach(expected::add);

    assertThat(bundledFiles()).containsExactlyElementsOf(expected);
    assertThat(new Schemas().count()).isEqualTo(16).isEqualTo(SchemaId.values().length);
  }

  @ParameterizedTest
  @EnumSource(SchemaId.class)
  void id_schema_id_and_path_should_agree(SchemaId id) {
    JsonNode schema = read(id.path());

    assertThat(schema.get("$schema").asString()).isEqualTo(DRAFT_2020_12);
    assertThat(schema.get("$id").asString())
        .isEqualTo(id.uri())
        .isEqualTo("https://wrkr.dev/schemas/v1/" + id.path());
    assertThat(schema.at("/properties/schema_id/const").asString()).isEqualTo(id.value());
    assertThat(SchemaId.byValue(id.value())).contains(id);
  }

  @ParameterizedTest
  @EnumSource(SchemaId.class)
  void every_schema_should_carry_the_common_envelope(SchemaId id) {
    JsonNode schema = read(id.path());
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(r -> required.add(r.asString()));

    assertThat(required).contains("schema_id", "schema_version", "producer_version");
    if (id != SchemaId.JOBSPEC) {
      // A JobSpec may omit created_at: Wrkr's loader defaults it before validating.
      assertThat(required).contains("created_at");
    }
    for (String field : List.of("schema_version", "created_at", "producer_version")) {
      assertThat(schema.at("/properties/" + field + "/$ref").asString())
          .isEqualTo(SchemaId.BASE_URI + COMMON + "#/$defs/" + envelopeDef(field));
    }
  }

  @ParameterizedTest
  @EnumSource(SchemaId.class)
  void objects_should_forbid_unknown_properties_unless_free_form_by_contract(SchemaId id) {
    List<String> open = new ArrayList<>();
    List<String> closed = new ArrayList<>();
    walk(read(id.path()), "", open, closed);
    Set<String> allowed = FREE_FORM.getOrDefault(id.path(), Set.of());

    assertThat(open)
        .as("objects without additionalProperties")
        .containsExactlyInAnyOrderElementsOf(allowed);
    assertThat(closed).as("at least the document itself is closed").contains("");
  }

  private static String envelopeDef(String field) {
    return field.equals("created_at") ? "timestamp" : field;
  }

  /**
   * Collects object schemas: {@code open} when they allow any extra property, {@code closed} when
   * {@code additionalProperties} is false or a schema. Conditions ({@code if}) are not shapes.
   */
  private static void walk(
      JsonNode schema, String pointer, List<String> open, List<String> closed) {
    if (!schema.isObject()) {
      return;
    }
    boolean isObject =
        schema.has("properties") || "object".equals(schema.path("type").asString(""));
    if (isObject) {
      JsonNode additional = schema.get("additionalProperties");
      boolean allowsAny = additional == null || additional.isBoolean() && additional.asBoolean();
      (allowsAny ? open : closed).add(pointer);
    }
    for (String container : List.of("properties", "$defs")) {
      for (Map.Entry<String, JsonNode> entry : schema.path(container).properties()) {
        walk(entry.getValue(), pointer + "/" + container + "/" + entry.getKey(), open, closed);
      }
    }
    for (String single : List.of("items", "additionalProperties", "then", "else")) {
      walk(schema.path(single), pointer + "/" + single, open, closed);
    }
  }

  private static Set<String> bundledFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .map(f -> ROOT.relativize(f).toString().replace('\\', '/'))
          .collect(TreeSet::new, Set::add, Set::addAll);
    }
  }

  private static JsonNode read(String relative) {
    return Fixtures.read(ROOT.resolve(relative));
  }
}
