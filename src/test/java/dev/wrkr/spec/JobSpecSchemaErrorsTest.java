package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Content that breaks the schema or the loader's rules, each reported with pointer and line. */
class JobSpecSchemaErrorsTest {
  @TempDir Path cwd;
  SpecFixture specs;

  @BeforeEach
  void setUp() {
    specs = new SpecFixture(cwd);
  }

  @Test
  void a_budget_below_its_minimum_should_say_so_with_line_and_column() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("max_step_count: 5", "max_step_count: 0"));

    assertThat(e).hasMessage("jobspec invalid: /budgets/max_step_count must be >= 1 (line 14, column 19)");
    assertThat(e.details()).containsExactly(
        entry("path", "/budgets/max_step_count"), entry("line", 14), entry("column", 19),
        entry("spec", cwd.resolve("spec.yaml").toString()));
  }

  @Test
  void a_string_budget_should_be_a_type_error() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("max_step_count: 5", "max_step_count: \"5\""));

    assertThat(e).hasMessage(
        "jobspec invalid: /budgets/max_step_count must be an integer, not a string (line 14, column 19)");
    assertThat(e.details()).containsEntry("path", "/budgets/max_step_count").containsEntry("line", 14);
  }

  @Test
  void a_fractional_budget_should_be_a_type_error() {
    InvalidJobSpecException e = specs.rejected("spec.json", """
        {"schema_id": "wrkr.jobspec", "schema_version": "v1", "producer_version": "t", "name": "n",
         "objective": "o", "adapter": {"name": "noop"},
         "budgets": {"max_wall_time_seconds": 60, "max_step_count": 1,
                     "max_tool_calls": 2.5},
         "checkpoint_policy": {"min_interval_seconds": 1}, "environment_fingerprint": {"rules": []}}
        """);

    assertThat(e).hasMessageContaining("/budgets/max_tool_calls must be an integer, not a number (line 4, column 32)");
    assertThat(e.details()).containsEntry("path", "/budgets/max_tool_calls").containsEntry("line", 4);
  }

  @Test
  void a_budget_beyond_a_java_long_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("max_step_count: 5", "max_step_count: 99999999999999999999"));

    assertThat(e).hasMessageContaining("/budgets/max_step_count must be a whole number of at most 9223372036854775807");
    assertThat(e.details()).containsEntry("line", 14);
  }

  @Test
  void a_float_beyond_a_java_long_should_be_refused() {
    InvalidJobSpecException cost = specs.rejected("a.yaml",
        SpecFixture.minimalWith("  max_tool_calls: 10\n", "  max_tool_calls: 10\n  max_estimated_cost: 1e20\n"));
    InvalidJobSpecException steps = specs.rejected("b.yaml",
        SpecFixture.minimalWith("max_step_count: 5", "max_step_count: 2.0e22"));

    assertThat(cost).hasMessage(
        "jobspec invalid: /budgets/max_estimated_cost must be less than 2^63 (9223372036854775807) (line 16, column 23)");
    assertThat(steps.details()).containsEntry("path", "/budgets/max_step_count").containsEntry("line", 14);
  }

  @Test
  void a_list_objective_should_be_a_type_error() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("objective: Do the thing.", "objective:\n  - Do the thing."));

    assertThat(e).hasMessage("jobspec invalid: /objective must be a string, not a list (line 6, column 3)");
    assertThat(e.details()).containsEntry("path", "/objective");
  }

  @Test
  void an_unknown_top_level_key_should_be_reported_not_dropped_as_wrkr_does() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("name: demo", "nmae: demo"));

    assertThat(e).hasMessage("jobspec invalid: unknown key \"nmae\" at /nmae (line 4, column 1); "
        + "did you mean \"name\"? unknown keys are errors here (Wrkr ignores them)");
    assertThat(e.details()).containsEntry("path", "/nmae").containsEntry("line", 4).containsEntry("column", 1)
        .containsEntry("error_count", 2);
    assertThat(e.details().get("errors")).asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
        .hasSize(2)
        .element(1).isEqualTo(Map.of("path", "/name", "message", "/name is required", "line", 1, "column", 1));
  }

  @Test
  void an_unknown_budget_key_should_suggest_the_known_one() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("  max_tool_calls: 10\n", "  max_tool_calls: 10\n  max_tokenz: 10\n"));

    assertThat(e).hasMessageContaining("unknown key \"max_tokenz\" at /budgets/max_tokenz (line 16, column 3); "
        + "did you mean \"max_tokens\"?");
  }

  @Test
  void an_unknown_key_without_a_near_match_should_only_say_it_is_unknown() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.MINIMAL + "owner: me\n");

    assertThat(e).hasMessageEndingWith("(line 20, column 1); unknown keys are errors here (Wrkr ignores them)");
  }

  @Test
  void a_missing_required_key_should_point_at_the_object_that_lacks_it() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("  max_step_count: 5\n", ""));

    assertThat(e).hasMessage("jobspec invalid: /budgets/max_step_count is required (line 13, column 3)");
    assertThat(e.details()).containsEntry("path", "/budgets/max_step_count").containsEntry("line", 13);
  }

  @Test
  void an_unsupported_adapter_should_fail_at_load_time() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("name: reference", "name: Wrap"));

    assertThat(e).hasMessage("jobspec invalid: unsupported adapter \"wrap\" (line 7, column 9); use reference or noop");
    assertThat(e.details()).containsEntry("path", "/adapter/name").containsEntry("adapter", "wrap")
        .containsEntry("line", 7);
  }

  @Test
  void a_wrong_schema_id_or_version_should_be_refused() {
    InvalidJobSpecException id = specs.rejected("a.yaml", SpecFixture.minimalWith("wrkr.jobspec", "wrkr.job"));
    InvalidJobSpecException version = specs.rejected("b.yaml", SpecFixture.minimalWith("schema_version: v1", "schema_version: v2"));

    assertThat(id).hasMessage("jobspec invalid: /schema_id must be \"wrkr.jobspec\" (line 1, column 12)");
    assertThat(version).hasMessageStartingWith("jobspec invalid: /schema_version must match ^v1")
        .hasMessageEndingWith("(line 2, column 17)");
  }

  @Test
  void an_empty_name_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("name: demo", "name: \"\""));

    assertThat(e).hasMessage("jobspec invalid: /name must not be empty (line 4, column 7)");
  }

  @Test
  void an_unknown_checkpoint_type_should_list_the_known_ones() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("min_interval_seconds: 1\n", "min_interval_seconds: 1\n  required_types: [plan, done]\n"));

    assertThat(e).hasMessageContaining("/checkpoint_policy/required_types/1 must be one of")
        .hasMessageContaining("decision-needed").hasMessageEndingWith("(line 18, column 26)");
  }

  @Test
  void an_unknown_fingerprint_rule_should_point_at_the_rule() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("rules: [os]", "rules: [os, python_version]"));

    assertThat(e).hasMessageContaining("unsupported environment fingerprint rule \"python_version\"")
        .hasMessageContaining("(line 19, column 15)");
    assertThat(e.details()).containsEntry("path", "/environment_fingerprint/rules/1")
        .containsEntry("rule", "python_version");
  }

  @Test
  void go_version_should_be_read_as_java_version() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("rules: [os]", "rules: [go_version, os, os]"));

    assertThat(spec.envRules()).isEqualTo(List.of("java_version", "os"));
  }

  @Test
  void a_created_at_that_is_not_rfc_3339_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("producer_version: test\n", "producer_version: test\ncreated_at: 13/02/2026\n"));

    assertThat(e).hasMessage("jobspec invalid: /created_at must be an RFC 3339 time such as 2026-02-13T00:00:00Z"
        + " (line 4, column 13)");
  }

  @Test
  void inputs_that_are_not_an_object_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("adapter:\n  name: reference\ninputs:\n  steps:\n    - id: one\n      command: \"true\"\n", "adapter:\n  name: noop\ninputs: [a]\n"));

    assertThat(e).hasMessage("jobspec invalid: /inputs must be an object, not a list (line 8, column 9)");
  }
}
