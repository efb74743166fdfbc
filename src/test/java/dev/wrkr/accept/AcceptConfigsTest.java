package dev.wrkr.accept;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** accept.yaml: Wrkr's keys and defaults, and clear errors with the line for hostile files. */
class AcceptConfigsTest {
  @TempDir Path dir;

  private AcceptConfig load(String yaml) throws Exception {
    Path file = dir.resolve("accept.yaml");
    Files.writeString(file, yaml);
    return AcceptConfigs.load(file);
  }

  private WrkrException invalid(String yaml) {
    Throwable t = org.assertj.core.api.Assertions.catchThrowable(() -> load(yaml));
    assertThat(t).isInstanceOf(WrkrException.class);
    WrkrException e = (WrkrException) t;
    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    return e;
  }

  @Test
  void a_missing_file_should_give_wrkrs_defaults() {
    AcceptConfig c = AcceptConfigs.load(dir.resolve("nope.yaml"));
    assertThat(c).isEqualTo(AcceptConfig.defaults());
    assertThat(c.testCommand()).isEqualTo("go test ./...");
    assertThat(c.commandTimeout()).isEqualTo(Duration.ofSeconds(600));
  }

  @Test
  void the_init_text_should_load_as_the_defaults() throws Exception {
    assertThat(load(AcceptConfigs.INIT_TEXT)).isEqualTo(AcceptConfig.defaults());
  }

  @Test
  void lists_should_be_trimmed_deduplicated_and_sorted_and_a_negative_max_should_become_zero() throws Exception {
    AcceptConfig c = load("""
        required_artifacts: [" reports/b.md", reports/a.md, reports/b.md, ""]
        test_command: "true"
        lint_command: ""
        command_timeout_seconds: 5
        path_rules:
          max_artifact_paths: -3
          forbidden_prefixes: [secrets/]
          allowed_prefixes: [reports/]
        """);
    assertThat(c.requiredArtifacts()).containsExactly("reports/a.md", "reports/b.md");
    assertThat(c.pathRules().maxArtifactPaths()).isZero();
    assertThat(c.pathRules().forbiddenPrefixes()).isEqualTo(List.of("secrets/"));
    assertThat(c.lintCommand()).isEmpty();
    assertThat(c.commandTimeout()).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void bad_yaml_should_be_an_input_error_with_its_line() {
    WrkrException e = invalid("test_command: \"true\"\nrequired_artifacts: [a\nlint_command: x\n");
    assertThat(e.getMessage()).startsWith("accept config invalid: YAML syntax error").contains("(line ");
    assertThat(e.details()).containsKey("line");
  }

  @Test
  void aliases_should_be_refused() {
    assertThat(invalid("test_command: &a \"true\"\nlint_command: *a\n").getMessage()).contains("(line ");
  }

  @Test
  void a_path_climbing_out_of_the_working_directory_should_be_refused_with_its_line() {
    WrkrException e = invalid("test_command: \"true\"\nrequired_artifacts:\n  - reports/ok.md\n  - ../../etc/passwd\n");
    assertThat(e.getMessage()).contains("\"../../etc/passwd\" escapes the working directory").contains("(line 4)");
    assertThat(e.details()).containsEntry("line", 4);
  }

  @Test
  void absolute_prefixes_should_be_refused() {
    assertThat(invalid("path_rules:\n  allowed_prefixes: [/etc]\n").getMessage())
        .contains("\"/etc\" escapes the working directory").contains("(line 2)");
  }

  @Test
  void unknown_keys_and_wrong_types_should_be_refused() {
    assertThat(invalid("test_comand: x\n").getMessage()).contains("unknown key \"test_comand\"").contains("(line 1)");
    assertThat(invalid("command_timeout_seconds: soon\n").getMessage())
        .contains("command_timeout_seconds must be an integer");
    assertThat(invalid("command_timeout_seconds: 0\n").getMessage()).contains("at least 1");
    assertThat(invalid("- a\n").getMessage()).contains("must be a mapping");
  }

  @Test
  void a_relative_config_path_should_stay_inside_the_working_directory() {
    assertThatThrownBy(() -> AcceptConfigs.resolve("../accept.yaml", dir))
        .isInstanceOfSatisfying(WrkrException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA));
    assertThat(AcceptConfigs.resolve("sub/../accept.yaml", dir)).isEqualTo(dir.toAbsolutePath().resolve("accept.yaml"));
  }

  @Test
  void init_should_refuse_to_overwrite_without_force() throws Exception {
    Path file = dir.resolve("accept.yaml");
    AcceptConfigs.init(file, false);
    assertThatThrownBy(() -> AcceptConfigs.init(file, false))
        .hasMessageStartingWith("config already exists: " + file);
    AcceptConfigs.init(file, true);
    assertThat(Files.readString(file)).isEqualTo(AcceptConfigs.INIT_TEXT);
  }
}
