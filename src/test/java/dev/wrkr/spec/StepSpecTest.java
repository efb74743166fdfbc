package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reference adapter steps: Wrkr's keys and defaults, our additions, and stricter checks. */
class StepSpecTest {
  private static final String STEP = "    - id: one\n      command: \"true\"\n";

  @TempDir Path cwd;
  SpecFixture specs;

  @BeforeEach
  void setUp() {
    specs = new SpecFixture(cwd);
  }

  private List<Step> steps(String yaml) {
    return ((ReferenceAdapter) specs.load("spec.yaml", SpecFixture.minimalWith(STEP, yaml)).adapter()).steps();
  }

  private InvalidJobSpecException rejectedStep(String yaml) {
    return specs.rejected("spec.yaml", SpecFixture.minimalWith(STEP, yaml));
  }

  @Test
  void a_step_with_no_keys_should_get_wrkrs_defaults() {
    assertThat(steps("    - {}\n")).containsExactly(new Step("step", "reference adapter step step",
        Optional.empty(), List.of(), true, false, Optional.empty(), Optional.empty(), Map.of(), 0,
        Duration.ofSeconds(1)));
  }

  @Test
  void a_decision_step_without_required_action_should_require_approval() {
    Step step = steps("    - id: gate\n      decision_needed: true\n      executed: false\n").getFirst();

    assertThat(step.requiredAction()).contains("approval");
    assertThat(step.executed()).isFalse();
  }

  @Test
  void blank_strings_and_nulls_should_count_as_absent() {
    Step step = steps("    - id: \"  \"\n      summary: \" \"\n      command: \"  \"\n      required_action:\n").getFirst();

    assertThat(step.id()).isEqualTo("step");
    assertThat(step.summary()).isEqualTo("reference adapter step step");
    assertThat(step.command()).isEmpty();
    assertThat(step.requiredAction()).isEmpty();
  }

  @Test
  void artifacts_should_be_trimmed_deduplicated_and_sorted() {
    Step step = steps("    - id: a\n      artifacts: [\" reports/b.md \", reports/a.md, reports/b.md, \"\", ./c]\n").getFirst();

    assertThat(step.artifacts()).containsExactly("./c", "reports/a.md", "reports/b.md");
  }

  @Test
  void our_additions_should_be_read() {
    Step step = steps("""
            - id: build
              command: make
              timeout: 1h30m
              env: {GOFLAGS: "-mod=mod", _X1: ""}
              retries: 3
              retry_backoff: 250ms
              checkpoint: progress
        """).getFirst();

    assertThat(step.timeout()).contains(Duration.ofMinutes(90));
    assertThat(step.env()).containsExactly(Map.entry("GOFLAGS", "-mod=mod"), Map.entry("_X1", ""));
    assertThat(step.retries()).isEqualTo(3);
    assertThat(step.retryBackoff()).isEqualTo(Duration.ofMillis(250));
  }

  @ParameterizedTest(name = "timeout {0} is {1}")
  @CsvSource(delimiter = '|', value = {
      "90 | PT1M30S", "'\"90s\"' | PT1M30S", "5m | PT5M", "1h30m | PT1H30M", "1m30s | PT1M30S",
      "250ms | PT0.25S", "2h0m5s | PT2H5S", "8784h | PT8784H", "\" 10s \" | PT10S"})
  void timeouts_should_accept_seconds_and_duration_strings(String yaml, String expected) {
    Step step = steps("    - id: a\n      timeout: " + yaml + "\n").getFirst();

    assertThat(step.timeout()).contains(Duration.parse(expected));
  }

  @ParameterizedTest(name = "timeout {0}")
  @ValueSource(strings = {"5 minutes", "1.5h", "30m5h", "1d", "m", "\"\"", "true", "[1]", "1e3"})
  void malformed_timeouts_should_be_refused(String yaml) {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      timeout: " + yaml + "\n");

    assertThat(e).hasMessageContaining(
        "/inputs/steps/0/timeout must be a number of seconds or a duration such as 90s, 5m or 1h30m (line 11, column 16)");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/0/timeout");
  }

  @ParameterizedTest(name = "timeout {0}")
  @ValueSource(strings = {"0", "-5", "0s", "8785h", "99999999999999999999"})
  void timeouts_out_of_range_should_be_refused(String yaml) {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      timeout: " + yaml + "\n");

    assertThat(e).hasMessageContaining("/inputs/steps/0/timeout must be more than 0 to 366 days");
  }

  @Test
  void retry_backoff_may_be_zero_but_not_above_an_hour() {
    assertThat(steps("    - id: a\n      retry_backoff: 0\n").getFirst().retryBackoff()).isZero();

    InvalidJobSpecException e = rejectedStep("    - id: a\n      retry_backoff: 61m\n");
    assertThat(e).hasMessageContaining("/inputs/steps/0/retry_backoff must be 0 to 1h (line 11, column 22)");
  }

  @ParameterizedTest(name = "retries {0}")
  @ValueSource(strings = {"-1", "101", "1.5", "\"3\""})
  void retries_outside_0_to_100_or_not_integers_should_be_refused(String yaml) {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      retries: " + yaml + "\n");

    assertThat(e).hasMessageMatching(".*/inputs/steps/0/retries must be (0 to 100|an integer, not .*) \\(line 11, column 16\\)");
  }

  @Test
  void env_values_must_be_strings_and_names_valid() {
    InvalidJobSpecException number = rejectedStep("    - id: a\n      env:\n        PORT: 8080\n");
    InvalidJobSpecException name = rejectedStep("    - id: a\n      env:\n        1BAD: x\n");

    assertThat(number).hasMessage("jobspec invalid: /inputs/steps/0/env/PORT must be a string, not an integer"
        + " (line 12, column 15); quote numbers and booleans");
    assertThat(name).hasMessageContaining("environment variable name \"1BAD\" at /inputs/steps/0/env/1BAD is not valid")
        .hasMessageContaining("(line 12, column 9)");
  }

  @Test
  void a_non_string_command_should_be_refused_where_wrkr_skips_it() {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      command: true\n");

    assertThat(e).hasMessage("jobspec invalid: /inputs/steps/0/command must be a string, not a boolean"
        + " (line 11, column 16); quote it (Wrkr silently skips a command that is not a string)");
  }

  @Test
  void a_non_boolean_executed_should_be_refused() {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      executed: \"no\"\n");

    assertThat(e).hasMessageContaining("/inputs/steps/0/executed must be true or false, not a string (line 11, column 17)");
  }

  @Test
  void an_unknown_step_key_should_be_reported_with_a_suggestion() {
    InvalidJobSpecException e = rejectedStep("    - id: a\n      comand: ls\n");

    assertThat(e).hasMessage("jobspec invalid: unknown step key \"comand\" at /inputs/steps/0/comand (line 11, column 7); "
        + "did you mean \"command\"? unknown keys are errors here (Wrkr ignores them)");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/0/comand").containsEntry("line", 11);
  }

  @Test
  void duplicate_step_ids_should_be_refused() {
    InvalidJobSpecException e = rejectedStep("    - id: a\n    - id: b\n    - id: a\n");

    assertThat(e).hasMessage("jobspec invalid: duplicate step id \"a\" (also the id of /inputs/steps/0);"
        + " step ids must be unique (line 12, column 11)");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/2/id").containsEntry("index", 2);
  }

  @Test
  void two_steps_without_ids_should_collide_on_the_default_id() {
    InvalidJobSpecException e = rejectedStep("    - command: a\n    - command: b\n");

    assertThat(e).hasMessageContaining("duplicate step id \"step\"");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/1").containsEntry("line", 11);
  }

  @Test
  void missing_steps_should_use_wrkrs_message() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("  steps:\n" + STEP, "  other: 1\n"));

    assertThat(e).hasMessage("jobspec invalid: jobspec.inputs.steps is required for reference adapter (line 9, column 3)");
    assertThat(e.details()).containsEntry("path", "/inputs");
  }

  @Test
  void steps_that_are_not_a_list_should_use_wrkrs_message() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("  steps:\n" + STEP, "  steps: plan\n"));

    assertThat(e).hasMessage("jobspec invalid: jobspec.inputs.steps must be a list (line 9, column 10)");
  }

  @Test
  void an_empty_step_list_should_use_wrkrs_message() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("  steps:\n" + STEP, "  steps: []\n"));

    assertThat(e).hasMessage("jobspec invalid: reference adapter requires at least one step (line 9, column 10)");
  }

  @Test
  void a_step_that_is_not_an_object_should_use_wrkrs_message_and_index() {
    InvalidJobSpecException e = rejectedStep(STEP + "    - plan\n");

    assertThat(e).hasMessage("jobspec invalid: jobspec step must be an object (line 12, column 7)");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/1").containsEntry("index", 1);
  }

  @Test
  void the_noop_adapter_should_not_read_steps() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("name: reference", "name: noop")
        .replace(STEP, "    - plan\n"));

    assertThat(spec.adapter()).isInstanceOf(NoopAdapter.class);
  }
}
