package dev.wrkr.envfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.codec.Digests;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class FingerprintsTest {
  private static final String REFERENCE_HASH =
      "2b767658b9dc190dfe1a0225007c80cd53c3ad6a7b6f871cbdccaaadac2c09ff";

  static LongStream seeds() {
    return LongStream.concat(LongStream.range(1, 25), LongStream.of(System.nanoTime()));
  }

  /** wrkr-contracts.md §5.6: Wrkr's default rules on linux/amd64 with Go 1.25.7. */
  @Test
  void hash_should_match_the_wrkr_reference_vector() {
    String hash =
        Fingerprints.hash(
            List.of("arch", "go_version", "os"),
            Map.of("arch", "amd64", "go_version", "go1.25.7", "os", "linux"));

    assertThat(hash).isEqualTo(REFERENCE_HASH);
  }

  @Test
  void capture_should_hash_the_canonical_json_of_rules_and_values() {
    Fingerprint fingerprint = Fingerprints.capture(List.of(), FakeProbe.linux());

    assertThat(fingerprint.hash())
        .isEqualTo(
            Digests.sha256Hex(
                "{\"rules\":[\"arch\",\"java_version\",\"os\"],"
                    + "\"values\":{\"arch\":\"amd64\",\"java_version\":\"21\",\"os\":\"linux\"}}"));
  }

  @Test
  void capture_with_no_rules_should_use_the_defaults() {
    Fingerprint fingerprint = Fingerprints.capture(List.of(" ", ""), FakeProbe.linux());

    assertThat(fingerprint.rules()).containsExactly("arch", "java_version", "os");
    assertThat(fingerprint.values())
        .containsExactly(
            Map.entry("arch", "amd64"), Map.entry("java_version", "21"), Map.entry("os", "linux"));
  }

  @Test
  void capture_should_trim_dedupe_sort_and_read_go_version_as_java_version() {
    Fingerprint fingerprint =
        Fingerprints.capture(
            List.of(" os", "hostname", "os", "", "go_version", "cwd ", "java_version"),
            FakeProbe.linux());

    assertThat(fingerprint.rules()).containsExactly("cwd", "hostname", "java_version", "os");
    assertThat(fingerprint.values())
        .containsExactly(
            Map.entry("cwd", "/work"),
            Map.entry("hostname", "build-1"),
            Map.entry("java_version", "21"),
            Map.entry("os", "linux"));
    assertThat(fingerprint.hash())
        .isEqualTo(Fingerprints.hash(fingerprint.rules(), fingerprint.values()));
  }

  @Test
  void env_rules_should_record_the_value_or_empty_when_unset() {
    FakeProbe probe = FakeProbe.linux().withVars(Map.of("CI", "true"));

    Fingerprint fingerprint = Fingerprints.capture(List.of("env:CI", "env:UNSET_VAR"), probe);

    assertThat(fingerprint.rules()).containsExactly("env:CI", "env:UNSET_VAR");
    assertThat(fingerprint.values())
        .containsEntry("env:CI", "true")
        .containsEntry("env:UNSET_VAR", "");
  }

  @Test
  void an_env_variable_being_set_should_change_the_hash() {
    Fingerprint unset = Fingerprints.capture(List.of("env:CI"), FakeProbe.linux());
    Fingerprint set =
        Fingerprints.capture(List.of("env:CI"), FakeProbe.linux().withVars(Map.of("CI", "")));
    Fingerprint nonEmpty =
        Fingerprints.capture(List.of("env:CI"), FakeProbe.linux().withVars(Map.of("CI", "1")));

    assertThat(set.hash()).as("unset and empty are the same, as in Wrkr").isEqualTo(unset.hash());
    assertThat(nonEmpty.hash()).isNotEqualTo(unset.hash());
  }

  @Test
  void lone_surrogates_in_values_should_become_replacement_characters() {
    FakeProbe probe = FakeProbe.linux().withVars(Map.of("ODD", "a\uD800b\uD83D\uDE00"));

    Fingerprint fingerprint = Fingerprints.capture(List.of("env:ODD"), probe);

    assertThat(fingerprint.values()).containsEntry("env:ODD", "a\uFFFDb\uD83D\uDE00");
  }

  @Test
  void capture_should_refuse_an_unsupported_rule() {
    assertThatThrownBy(() -> Fingerprints.capture(List.of("os", "kernel"), FakeProbe.linux()))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA))
        .hasMessageContaining("\"kernel\"");
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void capture_should_not_depend_on_the_order_or_repetition_of_rules(long seed) {
    Random random = new Random(seed);
    List<String> rules =
        new ArrayList<>(
            List.of("os", "arch", "go_version", "cwd", "hostname", "env:HOME", "env:CI"));
    Fingerprint sorted = Fingerprints.capture(rules, FakeProbe.linux());
    rules.add(rules.get(random.nextInt(rules.size())));
    rules.add(" " + rules.get(random.nextInt(rules.size())) + " ");
    Collections.shuffle(rules, random);

    assertThat(Fingerprints.capture(rules, FakeProbe.linux())).isEqualTo(sorted);
  }

  @Test
  void the_same_environment_should_match() {
    Fingerprint recorded = Fingerprints.capture(List.of(), FakeProbe.linux());
    Fingerprint current = Fingerprints.capture(recorded.rules(), FakeProbe.linux());

    assertThat(Fingerprints.compare(recorded, current))
        .isEqualTo(new FingerprintCheck.Match(current));
    assertThat(Fingerprints.compare(recorded.hash(), current))
        .isEqualTo(new FingerprintCheck.Match(current));
  }

  @Test
  void a_new_java_release_should_mismatch_and_say_what_changed() {
    Fingerprint recorded = Fingerprints.capture(List.of(), FakeProbe.linux());
    Fingerprint current =
        Fingerprints.capture(recorded.rules(), FakeProbe.linux().withJavaVersion("25"));

    FingerprintCheck check = Fingerprints.compare(recorded, current);

    assertThat(check)
        .isInstanceOfSatisfying(
            FingerprintCheck.Mismatch.class,
            mismatch -> {
              assertThat(mismatch.expectedHash()).isEqualTo(recorded.hash());
              assertThat(mismatch.actual()).isEqualTo(current);
              assertThat(mismatch.changedRules()).containsExactly("java_version");
              assertThat(mismatch.message())
                  .isEqualTo("environment fingerprint mismatch: java_version 21 -> 25");
            });
  }

  @Test
  void a_mismatch_against_a_bare_hash_should_name_both_hashes() {
    Fingerprint current = Fingerprints.capture(List.of(), FakeProbe.linux());

    FingerprintCheck check = Fingerprints.compare(REFERENCE_HASH, current);

    assertThat(check)
        .isInstanceOfSatisfying(
            FingerprintCheck.Mismatch.class,
            mismatch -> {
              assertThat(mismatch.changes()).isEmpty();
              assertThat(mismatch.message())
                  .isEqualTo(
                      "environment fingerprint mismatch: expected hash "
                          + REFERENCE_HASH
                          + ", got "
                          + current.hash());
            });
  }

  @Test
  void a_job_recorded_by_wrkr_should_show_go_version_replaced_by_java_version() {
    Fingerprint recorded =
        Fingerprint.of(
            List.of("arch", "go_version", "os"),
            Map.of("arch", "amd64", "go_version", "go1.25.7", "os", "linux"),
            REFERENCE_HASH);
    Fingerprint current = Fingerprints.capture(recorded.rules(), FakeProbe.linux());

    FingerprintCheck.Mismatch mismatch =
        (FingerprintCheck.Mismatch) Fingerprints.compare(recorded, current);

    assertThat(mismatch.changes())
        .containsExactly(
            new RuleChange("go_version", Optional.of("go1.25.7"), Optional.empty()),
            new RuleChange("java_version", Optional.empty(), Optional.of("21")));
    assertThat(mismatch.message())
        .isEqualTo(
            "environment fingerprint mismatch: go_version go1.25.7 -> (none), java_version (none)"
                + " -> 21");
  }

  @Test
  void changes_should_list_every_changed_rule_in_rule_order_and_show_empty_values() {
    List<RuleChange> changes =
        Fingerprints.changes(
            Map.of("os", "linux", "arch", "amd64", "env:CI", "", "cwd", "/a"),
            Map.of("os", "darwin", "arch", "arm64", "env:CI", "true", "cwd", "/a"));

    assertThat(changes)
        .extracting(RuleChange::describe)
        .containsExactly("arch amd64 -> arm64", "env:CI \"\" -> true", "os linux -> darwin");
  }
}
