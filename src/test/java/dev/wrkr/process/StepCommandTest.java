package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StepCommandTest {
  private static final Path WORK = Path.of("/tmp/work");
  private static final Path LOGS = Path.of("/tmp/logs");

  private static StepCommand aStep() {
    return StepCommand.of("make test", WORK, LOGS, "build-1");
  }

  @Test
  void of_should_inherit_the_environment_with_no_timeout_and_default_bounds() {
    StepCommand step = aStep();

    assertThat(step.env()).isEmpty();
    assertThat(step.baseEnv()).isEqualTo(BaseEnvironment.INHERIT);
    assertThat(step.timeout()).isEmpty();
    assertThat(step.maxLogBytes()).isEqualTo(16L << 20);
    assertThat(step.keepRotated()).isEqualTo(2);
    assertThat(step.stdoutLog()).isEqualTo(LOGS.resolve("build-1.stdout.log"));
    assertThat(step.stderrLog()).isEqualTo(LOGS.resolve("build-1.stderr.log"));
  }

  @Test
  void withers_should_change_only_their_field() {
    StepCommand step = aStep()
        .withEnv(Map.of("A", "1"))
        .withBaseEnv(BaseEnvironment.MINIMAL)
        .withTimeout(Duration.ofMinutes(5))
        .withLogBounds(1024, 0);

    assertThat(step).isEqualTo(new StepCommand("make test", WORK, Map.of("A", "1"),
        BaseEnvironment.MINIMAL, Optional.of(Duration.ofMinutes(5)), LOGS, "build-1", 1024, 0));
  }

  @Test
  void env_should_be_copied() {
    Map<String, String> env = new HashMap<>(Map.of("A", "1"));
    StepCommand step = aStep().withEnv(env);

    env.put("B", "2");

    assertThat(step.env()).containsOnlyKeys("A");
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  ", "echo \0"})
  void a_blank_command_or_one_with_nul_should_be_refused(String command) {
    assertThatThrownBy(() -> StepCommand.of(command, WORK, LOGS, "step"))
        .isInstanceOfSatisfying(StepProcessException.class, e -> {
          assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
          assertThat(e.details()).containsEntry("field", "shellCommand");
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"../escape", "a/b", "a\\b", ".hidden", ".."})
  void a_log_name_that_leaves_the_log_dir_should_be_refused_as_unsafe(String name) {
    assertThatThrownBy(() -> StepCommand.of("true", WORK, LOGS, name))
        .isInstanceOfSatisfying(StepProcessException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_UNSAFE_OPERATION));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "has space", "tab\t", "ümlaut"})
  void a_log_name_that_is_not_a_plain_file_name_should_be_refused(String name) {
    assertThatThrownBy(() -> StepCommand.of("true", WORK, LOGS, name))
        .isInstanceOfSatisfying(StepProcessException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA));
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "A=B", "NUL\0"})
  void a_variable_name_the_os_cannot_hold_should_be_refused(String name) {
    assertThatThrownBy(() -> aStep().withEnv(Map.of(name, "v")))
        .isInstanceOfSatisfying(StepProcessException.class,
            e -> assertThat(e.details()).containsEntry("field", "env"));
  }

  @Test
  void bounds_and_timeout_out_of_range_should_be_refused() {
    assertThatThrownBy(() -> aStep().withLogBounds(0, 1)).hasMessageContaining("maxLogBytes");
    assertThatThrownBy(() -> aStep().withLogBounds(1, -1)).hasMessageContaining("keepRotated");
    assertThatThrownBy(() -> aStep().withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
    assertThatThrownBy(() -> aStep().withTimeout(Duration.ofSeconds(-1)))
        .isInstanceOf(StepProcessException.class);
  }
}
