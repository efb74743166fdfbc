package dev.wrkr.doctor;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which listen addresses count as loopback for {@code unsafe_defaults} (Wrkr §9.1). */
class SettingsChecksTest {
  @ParameterizedTest
  @CsvSource({
    "127.0.0.1:9488, true",
    "127.8.9.10:80, true",
    "localhost:9488, true",
    "LOCALHOST:1, true",
    "'[::1]:9488', true",
    "0.0.0.0:9488, false",
    "':9488', false",
    "'[::]:9488', false",
    "10.0.0.1:9488, false",
    "example.com:9488, false",
    "127.0.0.1.nip.io:80, false"
  })
  void loopback_should_follow_wrkr_rules_without_resolving_names(String listen, boolean loopback) {
    assertThat(SettingsChecks.loopback(listen)).isEqualTo(loopback);
  }
}
