package dev.wrkr.envfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FingerprintTest {
  private static final String HASH = "0".repeat(64);

  @Test
  void values_should_be_sorted_by_rule_and_immutable() {
    Map<String, String> values = new HashMap<>(Map.of("os", "linux", "arch", "amd64", "cwd", "/w"));

    Fingerprint fingerprint = Fingerprint.of(List.of("arch", "cwd", "os"), values, HASH);
    values.put("os", "darwin");

    assertThat(fingerprint.values().keySet()).containsExactly("arch", "cwd", "os");
    assertThat(fingerprint.values()).containsEntry("os", "linux");
    assertThatThrownBy(() -> fingerprint.values().put("x", "y"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void rules_should_be_sorted_and_distinct() {
    assertThatThrownBy(
            () -> Fingerprint.of(List.of("os", "arch"), Map.of("os", "l", "arch", "a"), HASH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sorted and distinct");
    assertThatThrownBy(() -> Fingerprint.of(List.of("os", "os"), Map.of("os", "l"), HASH))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void values_should_name_exactly_the_rules() {
    assertThatThrownBy(() -> Fingerprint.of(List.of("arch", "os"), Map.of("os", "linux"), HASH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exactly the rules");
  }

  @Test
  void hash_should_be_lower_case_sha256_hex() {
    assertThatThrownBy(() -> Fingerprint.of(List.of("os"), Map.of("os", "linux"), "ABC"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("64 lower-case hex");
  }
}
