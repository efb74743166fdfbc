package dev.wrkr.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.failure.ReasonCode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class SchemasTest {
  private final ClasspathSchemaLoader loader =
      new ClasspathSchemaLoader(SchemasTest.class.getClassLoader());
  private final Schemas schemas = new Schemas(loader);

  @Test
  void creating_should_read_no_schema() {
    assertThat(schemas.count()).isEqualTo(16);

    assertThat(loader.opened()).isEmpty();
  }

  @Test
  void first_use_should_load_only_that_schema_and_what_it_references() {
    schemas.validate(SchemaId.JOBSPEC, blessedJobSpec());

    assertThat(loader.opened())
        .isEqualTo(Map.of("jobspec/jobspec.schema.json", 1L, "common.schema.json", 1L));
  }

  @Test
  void compiled_schemas_should_be_reused() {
    schemas.validate(SchemaId.JOBSPEC, blessedJobSpec());
    schemas.validate(SchemaId.JOBSPEC, blessedJobSpec());
    schemas.validate(SchemaId.ERROR_ENVELOPE, errorEnvelope());

    assertThat(loader.opened())
        .containsEntry("jobspec/jobspec.schema.json", 1L)
        .containsEntry("serve/error_envelope.schema.json", 1L)
        .hasSize(3);
  }

  @Test
  void concurrent_first_uses_should_compile_once_and_agree() throws Exception {
    int threads = 16;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<List<SchemaViolation>>> results = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        results.add(
            pool.submit(
                () -> {
                  start.await();
                  return schemas.validate(SchemaId.JOBSPEC, withoutName(blessedJobSpec()));
                }));
      }
      start.countDown();
      for (Future<List<SchemaViolation>> result : results) {
        assertThat(result.get())
            .containsExactly(
                new SchemaViolation("/name", "required property 'name' not found", "required"));
      }
    } finally {
      pool.shutdownNow();
    }

    assertThat(loader.opened()).containsEntry("jobspec/jobspec.schema.json", 1L);
  }

  @Test
  void compile_all_should_compile_every_schema_once() {
    assertThat(schemas.compileAll()).isEqualTo(16);

    assertThat(loader.opened()).hasSize(17).allSatisfy((path, count) -> assertThat(count).isOne());
  }

  @Test
  void require_valid_should_accept_a_valid_document() {
    assertThatCode(() -> schemas.requireValid(SchemaId.JOBSPEC, blessedJobSpec(), "jobspec"))
        .doesNotThrowAnyException();
  }

  @Test
  void require_valid_should_fail_with_invalid_input_schema_naming_the_first_violation() {
    ObjectNode spec = withoutName(blessedJobSpec());
    ((ObjectNode) spec.get("budgets")).put("max_step_count", 0);

    SchemaValidationException e =
        catchThrowableOfType(
            SchemaValidationException.class,
            () -> schemas.requireValid(SchemaId.JOBSPEC, spec, "jobspec"));

    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(e.code().exitCode()).isEqualTo(6);
    assertThat(e.getMessage())
        .isEqualTo(
            "jobspec schema invalid: /budgets/max_step_count: must have a minimum value of 1");
    assertThat(e.schemaId()).isEqualTo(SchemaId.JOBSPEC);
    assertThat(e.details())
        .containsExactly(
            Map.entry("schema_id", "wrkr.jobspec"),
            Map.entry(
                "errors",
                List.of(
                    Map.of(
                        "path", "/budgets/max_step_count",
                        "keyword", "minimum",
                        "message", "must have a minimum value of 1"),
                    Map.of(
                        "path", "/name",
                        "keyword", "required",
                        "message", "required property 'name' not found"))));
  }

  @Test
  void details_should_list_the_first_twenty_violations_and_count_them_all() {
    ObjectNode envelope = errorEnvelope();
    for (int i = 0; i < 25; i++) {
      envelope.put(String.format("extra_%02d", i), i);
    }

    SchemaValidationException e =
        catchThrowableOfType(
            SchemaValidationException.class,
            () -> schemas.requireValid(SchemaId.ERROR_ENVELOPE, envelope, "error envelope"));

    assertThat(e.violations()).hasSize(25);
    assertThat((List<?>) e.details().get("errors")).hasSize(20);
    assertThat(e.details()).containsEntry("error_count", 25);
    assertThat(e.getMessage())
        .startsWith("error envelope schema invalid: /extra_00: property 'extra_00' is not defined");
  }

  @Test
  void a_document_that_is_not_an_object_should_be_reported_at_the_root() {
    SchemaValidationException e =
        catchThrowableOfType(
            SchemaValidationException.class,
            () -> schemas.requireValid(SchemaId.EVENT, Fixtures.JSON.readTree("[]"), "event"));

    assertThat(e.getMessage()).isEqualTo("event schema invalid: array found, object expected");
    assertThat(e.violations()).extracting(SchemaViolation::path).containsExactly("");
  }

  @Test
  void property_names_should_be_escaped_in_paths() {
    ObjectNode envelope = errorEnvelope();
    envelope.put("a/b~c", 1);

    assertThat(schemas.validate(SchemaId.ERROR_ENVELOPE, envelope))
        .extracting(SchemaViolation::path)
        .containsExactly("/a~1b~0c");
  }

  @Test
  void format_should_be_an_annotation_only_as_in_wrkr() {
    ObjectNode envelope = errorEnvelope();
    envelope.put("created_at", "yesterday");

    assertThat(schemas.validate(SchemaId.ERROR_ENVELOPE, envelope)).isEmpty();
  }

  @Test
  void messages_should_be_english_whatever_the_default_locale() {
    Locale saved = Locale.getDefault();
    try {
      Locale.setDefault(Locale.GERMANY);
      List<SchemaViolation> violations =
          new Schemas().validate(SchemaId.JOBSPEC, withoutName(blessedJobSpec()));

      assertThat(violations).extracting(SchemaViolation::message)
          .containsExactly("required property 'name' not found");
    } finally {
      Locale.setDefault(saved);
    }
  }

  @Test
  void schema_ids_should_be_found_by_value() {
    assertThat(SchemaId.byValue("wrkr.jobpack_manifest")).contains(SchemaId.JOBPACK_MANIFEST);
    assertThat(SchemaId.byValue("wrkr.runtime_config")).isEmpty();
    assertThat(SchemaId.byValue(null)).isEmpty();
  }

  @Test
  void the_standard_instance_should_be_shared() {
    assertThat(Schemas.standard()).isSameAs(Schemas.standard());
  }

  private static ObjectNode blessedJobSpec() {
    return (ObjectNode) fixture("valid/jobspec.blessed.json");
  }

  private static ObjectNode errorEnvelope() {
    return (ObjectNode) fixture("valid/error_envelope.no-details.json");
  }

  private static ObjectNode withoutName(ObjectNode spec) {
    spec.remove("name");
    return spec;
  }

  private static JsonNode fixture(String name) {
    Path folder = Fixtures.folder("schemas");
    return Fixtures.read(folder.resolve(name));
  }

  @Test
  void a_document_the_validator_chokes_on_should_be_a_violation() {
    var doc = dev.wrkr.codec.Json.parse(
        "{\"schema_id\":\"wrkr.jobspec\",\"schema_version\":\"v1\",\"producer_version\":\"x\",\"name\":\"n\","
            + "\"objective\":\"o\",\"adapter\":{\"name\":\"noop\"},\"budgets\":{\"max_wall_time_seconds\":1,"
            + "\"max_step_count\":2e22,\"max_tool_calls\":1},\"checkpoint_policy\":{\"min_interval_seconds\":1},"
            + "\"environment_fingerprint\":{\"rules\":[]}}");
    org.assertj.core.api.Assertions.assertThat(Schemas.standard().validate(SchemaId.JOBSPEC, doc)).isNotEmpty();
  }
}
