package dev.wrkr.envfp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class SystemEnvironmentProbeTest {
  private static final Path CWD = Path.of("/srv/jobs").toAbsolutePath();

  private final SystemEnvironmentProbe probe =
      new SystemEnvironmentProbe(Map.of("WRKR_TEST_VAR", "42"), CWD);

  @Test
  @EnabledOnOs(
      value = OS.LINUX,
      architectures = {"amd64", "x86_64"})
  void os_and_arch_should_be_gos_spellings_on_linux_amd64() {
    assertThat(probe.os()).isEqualTo("linux");
    assertThat(probe.arch()).isEqualTo("amd64");
  }

  @Test
  void os_and_arch_should_be_plain_lower_case_names_anywhere() {
    assertThat(probe.os()).matches("[a-z0-9]+");
    assertThat(probe.arch()).matches("[a-z0-9]+");
  }

  @Test
  void java_version_should_be_the_feature_release() {
    assertThat(probe.javaVersion())
        .isEqualTo(Integer.toString(Runtime.version().feature()))
        .matches("[1-9][0-9]*");
  }

  @Test
  void env_should_read_the_given_map_not_the_process_environment() {
    assertThat(probe.env("WRKR_TEST_VAR")).contains("42");
    assertThat(probe.env("PATH")).as("PATH is set for the process, not in the given map").isEmpty();
  }

  @Test
  void cwd_should_be_the_given_directory() {
    assertThat(probe.cwd()).isEqualTo(CWD.toString());
  }

  @Test
  void a_relative_cwd_should_be_refused() {
    assertThatThrownBy(() -> new SystemEnvironmentProbe(Map.of(), Path.of("relative")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("absolute");
  }

  @Test
  void hostname_should_be_this_machines_name() {
    assertThat(probe.hostname()).isNotBlank();
  }

  @Test
  void a_real_capture_should_hash_its_own_values() {
    Fingerprint fingerprint =
        Fingerprints.capture(List.of("go_version", "os", "arch", "cwd"), probe);

    assertThat(fingerprint.values())
        .containsEntry("java_version", probe.javaVersion())
        .containsEntry("cwd", CWD.toString());
    assertThat(fingerprint.hash())
        .isEqualTo(Fingerprints.hash(fingerprint.rules(), fingerprint.values()));
  }
}
