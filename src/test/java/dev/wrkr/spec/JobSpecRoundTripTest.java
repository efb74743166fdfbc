package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import java.nio.file.Path;
import java.util.Comparator;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.node.ObjectNode;
import java.util.regex.Pattern;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLMapper;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;
import tools.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Property: a JobSpec written as JSON and as YAML loads to the same {@link JobSpec}, and its
 * {@code canonical()} is the tree that was written. YAML comes from Jackson's writer (an
 * independent emitter), once quoting every string and once quoting as little as it dares.
 */
class JobSpecRoundTripTest {
  private static final int SPECS_PER_SEED = 20;
  /** Jackson's writer keeps 18.0 a float; GoJson would write 18, as Go does, and change the type. */
  private static final ObjectWriter JSON = Json.wire().writerWithDefaultPrettyPrinter();
  private static final YAMLMapper QUOTED = YAMLMapper.builder().build();
  private static final YAMLMapper MINIMAL_QUOTES =
      YAMLMapper.builder(YAMLFactory.builder().stringQuotingChecker(new Yaml12QuotingChecker()).build())
          .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
          .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER)
          .build();

  /**
   * Jackson's quoting rules follow YAML 1.1 and leave {@code 0x1F}, {@code 0o17} and {@code .NaN}
   * unquoted, which YAML 1.2 (and Wrkr's yaml.v3) read as numbers; quote those too.
   */
  private static final class Yaml12QuotingChecker extends StringQuotingChecker.Default {
    private static final Pattern NUMBER_1_2 = Pattern.compile("0o[0-7]+|0x[0-9a-fA-F]+|\\.(nan|NaN|NAN)");

    @Override
    public boolean needToQuoteName(String name) {
      return super.needToQuoteName(name) || NUMBER_1_2.matcher(name).matches();
    }

    @Override
    public boolean needToQuoteValue(String value) {
      return super.needToQuoteValue(value) || NUMBER_1_2.matcher(value).matches();
    }
  }

  /** Number nodes of different Java types (int, long) are equal when their values are. */
  private static final Comparator<JsonNode> SAME_NUMBERS = (a, b) -> {
    if (a.equals(b)) {
      return 0;
    }
    if (a.isIntegralNumber() && b.isIntegralNumber()) {
      return a.bigIntegerValue().compareTo(b.bigIntegerValue());
    }
    return a.isNumber() && b.isNumber() ? Double.compare(a.doubleValue(), b.doubleValue()) : 1;
  };

  @TempDir Path cwd;

  static java.util.stream.LongStream seeds() {
    return RandomSpecs.seeds();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void json_and_yaml_of_the_same_tree_should_load_to_equal_jobspecs(long seed) {
    SpecFixture specs = new SpecFixture(cwd);
    int n = 0;
    for (ObjectNode tree : new RandomSpecs(seed).specs(SPECS_PER_SEED)) {
      String name = "spec" + n++;
      JobSpec json = specs.load(name + ".json", JSON.writeValueAsString(tree));
      JobSpec quoted = specs.load(name + ".yaml", QUOTED.writeValueAsString(tree));
      JobSpec minimal = specs.load(name + ".yml", MINIMAL_QUOTES.writeValueAsString(tree));

      assertThat(json.canonical().equals(SAME_NUMBERS, tree)).as("seed %d, %s is the tree written", seed, name).isTrue();
      assertSame(quoted, json, seed + " quoted " + name);
      assertSame(minimal, json, seed + " minimal quotes " + name);
    }
  }

  private static void assertSame(JobSpec actual, JobSpec expected, String what) {
    assertThat(actual.canonical()).as(what).isEqualTo(expected.canonical());
    assertThat(actual).as(what).usingRecursiveComparison()
        .withEqualsForType(Object::equals, JsonNode.class)
        .ignoringFields("specPath")
        .isEqualTo(expected);
  }
}
