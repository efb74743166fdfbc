package dev.wrkr.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs every fixture under {@code src/test/resources/schemas/}: valid ones must pass, and each
 * invalid one must fail with exactly the violations (keyword and path) listed for it in {@code
 * invalid/expected.properties}, so a schema that rejects everything cannot pass.
 */
class SchemaFixturesTest {
  private static final Schemas SCHEMAS = new Schemas();
  private static final Path VALID = Fixtures.folder("schemas/valid");
  private static final Path INVALID = Fixtures.folder("schemas/invalid");

  static Stream<Path> validFixtures() {
    return Fixtures.jsonFiles(VALID).stream();
  }

  static Stream<Arguments> invalidFixtures() throws IOException {
    Properties expected = expectations();
    return Fixtures.jsonFiles(INVALID).stream()
        .map(f -> Arguments.of(f, parse(expected.getProperty(f.getFileName().toString(), ""))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("validFixtures")
  void valid_fixture_should_pass(Path fixture) {
    SchemaId id = Fixtures.schemaOf(fixture.getFileName().toString());

    assertThat(SCHEMAS.validate(id, Fixtures.read(fixture))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalidFixtures")
  void invalid_fixture_should_fail_with_exactly_the_expected_violations(
      Path fixture, List<String> expected) {
    SchemaId id = Fixtures.schemaOf(fixture.getFileName().toString());

    List<String> actual =
        SCHEMAS.validate(id, Fixtures.read(fixture)).stream()
            .map(v -> (v.keyword() + " " + v.path()).strip())
            .toList();

    assertThat(expected).as("expectation for %s", fixture.getFileName()).isNotEmpty();
    assertThat(actual).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void every_invalid_fixture_should_have_an_expectation_and_every_expectation_a_fixture()
      throws IOException {
    List<String> files =
        Fixtures.jsonFiles(INVALID).stream().map(f -> f.getFileName().toString()).toList();

    assertThat(expectations().stringPropertyNames()).containsExactlyInAnyOrderElementsOf(files);
  }

  @Test
  void every_schema_should_have_valid_fixtures_and_several_invalid_ones() {
    for (SchemaId id : SchemaId.values()) {
      assertThat(countFor(VALID, id)).as("valid fixtures of %s", id).isGreaterThanOrEqualTo(1);
      assertThat(countFor(INVALID, id)).as("invalid fixtures of %s", id).isGreaterThanOrEqualTo(5);
    }
  }

  @Test
  void valid_fixtures_should_carry_the_schema_id_of_their_schema() {
    for (Path fixture : Fixtures.jsonFiles(VALID)) {
      SchemaId id = Fixtures.schemaOf(fixture.getFileName().toString());

      assertThat(Fixtures.read(fixture).get("schema_id").asString())
          .as("%s", fixture.getFileName())
          .isEqualTo(id.value());
    }
  }

  private static long countFor(Path folder, SchemaId id) {
    return Fixtures.jsonFiles(folder).stream()
        .filter(f -> Fixtures.schemaOf(f.getFileName().toString()) == id)
        .count();
  }

  private static Properties expectations() throws IOException {
    Properties expected = new Properties();
    try (Reader reader = Files.newBufferedReader(INVALID.resolve("expected.properties"))) {
      expected.load(reader);
    }
    return expected;
  }

  private static List<String> parse(String violations) {
    return Arrays.stream(violations.split(";"))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
