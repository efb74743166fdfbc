package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Path;

/**
 * Fuzzes the JobSpec loader with untrusted bytes, read as YAML and as JSON: the only way out is a
 * valid {@link JobSpec} or a {@link WrkrException} for bad input, never another exception. Plain
 * {@code mvn verify} runs it in regression mode over the seeds in {@code JobSpecFuzzTestInputs/};
 * set {@code JAZZER_FUZZ=1} and run this class alone to fuzz, then commit any crashing input as a
 * new seed.
 */
class JobSpecFuzzTest {
  private static final JobSpecLoader LOADER = new JobSpecLoader();
  /** An existing directory, so the default workspace (the spec's directory) resolves. */
  private static final Path DIR = Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath();

  @FuzzTest
  void yaml_bytes_should_load_or_be_refused_as_invalid_input(byte[] input) {
    loadOrRefuse(input, "spec.yaml");
  }

  @FuzzTest
  void json_bytes_should_load_or_be_refused_as_invalid_input(byte[] input) {
    loadOrRefuse(input, "spec.json");
  }

  private static void loadOrRefuse(byte[] input, String name) {
    try {
      JobSpec spec = LOADER.parse(input, DIR.resolve(name));
      assertThat(spec.canonical().isObject()).isTrue();
    } catch (WrkrException refused) {
      assertThat(refused.code()).isIn(ReasonCode.E_INVALID_INPUT_SCHEMA, ReasonCode.E_UNSAFE_OPERATION);
      assertThat(refused.getMessage()).isNotBlank();
    }
  }
}
