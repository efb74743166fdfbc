package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Text that is not JSON-compatible YAML or strict JSON is refused with a line and column. */
class JobSpecSyntaxTest {
  @TempDir Path cwd;
  SpecFixture specs;

  @BeforeEach
  void setUp() {
    specs = new SpecFixture(cwd);
  }

  @Test
  void yaml_syntax_error_should_name_line_column_and_the_value_being_read() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("  max_step_count: 5\n", "  max_step_count: [5, 6\n"));

    assertThat(e).hasMessage(
        "jobspec invalid: YAML syntax error: expected ',' or ']', but got : (line 15, column 17)");
    assertThat(e.details())
        .containsEntry("path", "/budgets/max_step_count/2")
        .containsEntry("line", 15)
        .containsEntry("column", 17)
        .containsEntry("spec", cwd.resolve("spec.yaml").toString());
  }

  @Test
  void yaml_bad_indentation_should_be_a_syntax_error() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("objective: Do the thing.\n", "objective: Do the thing.\n  extra: value\n"));

    assertThat(e).hasMessageContaining("YAML syntax error: mapping values are not allowed here");
    assertThat(e.details()).as("the parser reads ahead: the key is not known yet")
        .containsEntry("line", 6).containsEntry("path", "");
  }

  @Test
  void json_syntax_error_should_name_line_column_and_the_value_being_read() {
    String json = """
        {
          "schema_id": "wrkr.jobspec",
          "budgets": {"max_step_count": 5,}
        }
        """;
    InvalidJobSpecException e = specs.rejected("spec.json", json);

    assertThat(e).hasMessageStartingWith("jobspec invalid: invalid JSON: ").hasMessageContaining("(line 3");
    assertThat(e.details()).containsEntry("line", 3).containsEntry("path", "/budgets");
  }

  @Test
  void json_duplicate_keys_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.json", "{\"name\": \"a\",\n \"name\": \"b\"}");

    assertThat(e).hasMessageContaining("Duplicate Object property \"name\"");
    assertThat(e.details()).containsEntry("line", 2);
  }

  @Test
  void yaml_duplicate_keys_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.MINIMAL + "name: again\n");

    assertThat(e).hasMessageContaining("duplicate key \"name\" (line 20, column 1)");
    assertThat(e.details()).containsEntry("path", "/name");
  }

  @Test
  void a_second_yaml_document_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.MINIMAL + "---\nname: other\n");

    assertThat(e).hasMessageContaining("more than one YAML document");
    assertThat(e.details()).containsEntry("line", 20).doesNotContainKey("path");
  }

  @Test
  void billion_laughs_should_be_refused_at_its_first_anchor() {
    StringBuilder bomb = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'z'; c++) {
      char prev = (char) (c - 1);
      bomb.append(c).append(": &").append(c).append(" [")
          .append(String.join(",", java.util.Collections.nCopies(9, "*" + prev))).append("]\n");
    }
    InvalidJobSpecException e = specs.rejected("bomb.yaml", bomb.toString());

    assertThat(e).hasMessageContaining("YAML anchors (&a) and aliases are not supported");
    assertThat(e.details()).containsEntry("path", "/a").containsEntry("line", 1).containsEntry("column", 4);
  }

  @Test
  void a_yaml_alias_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("name: demo", "name: *other"));

    assertThat(e).hasMessageContaining("YAML aliases (*name) are not supported");
    assertThat(e.details()).containsEntry("path", "/name").containsEntry("line", 4);
  }

  @Test
  void non_string_yaml_keys_should_be_refused() {
    InvalidJobSpecException number = specs.rejected("a.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  1: one\n"));
    InvalidJobSpecException bool = specs.rejected("b.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  true: yes\n"));
    InvalidJobSpecException complex = specs.rejected("c.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  ? [a]\n  : b\n"));

    assertThat(number).hasMessageContaining("YAML key 1 is a number, not a string; object keys must be strings (quote it)");
    assertThat(number.details()).containsEntry("path", "/inputs").containsEntry("line", 9);
    assertThat(bool).hasMessageContaining("YAML key true is a boolean");
    assertThat(complex).hasMessageContaining("a YAML sequence cannot be an object key");
  }

  @Test
  void quoted_yaml_keys_and_str_tags_should_be_strings() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  \"1\": !!str 2\n  on: yes\n"));

    assertThat(spec.inputs().get("1").stringValue()).isEqualTo("2");
    assertThat(spec.inputs().get("on").stringValue()).as("YAML 1.2: yes is a string").isEqualTo("yes");
  }

  @Test
  void other_yaml_tags_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("name: demo", "name: !!binary ZGVtbw=="));

    assertThat(e).hasMessageContaining("YAML tag !!binary is not supported");
    assertThat(e.details()).containsEntry("path", "/name").containsEntry("line", 4);
  }

  @Test
  void yaml_infinity_should_be_refused_as_json_has_none() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("  max_tool_calls: 10\n", "  max_tool_calls: 10\n  max_estimated_cost: .inf\n"));

    assertThat(e).hasMessageContaining("YAML value .inf is not a JSON number");
    assertThat(e.details()).containsEntry("path", "/budgets/max_estimated_cost").containsEntry("line", 16);
  }

  @Test
  void nesting_deeper_than_the_limit_should_be_refused_in_both_formats() {
    String deep = "[".repeat(Cursor.MAX_DEPTH) + "]".repeat(Cursor.MAX_DEPTH);
    InvalidJobSpecException yaml = specs.rejected("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  deep: " + deep + "\n"));
    InvalidJobSpecException json = specs.rejected("spec.json", "{\"inputs\": {\"deep\": " + deep + "}}");

    assertThat(yaml).hasMessageContaining("nests deeper than " + Cursor.MAX_DEPTH + " levels");
    assertThat(json).hasMessageContaining("nests deeper than " + Cursor.MAX_DEPTH + " levels");
    String pointer = "/inputs/deep" + "/0".repeat(Cursor.MAX_DEPTH - 2);
    assertThat(yaml.details()).containsEntry("path", pointer).containsEntry("line", 9);
    assertThat(json.details()).containsEntry("path", pointer).containsEntry("line", 1)
        .containsEntry("column", 21 + Cursor.MAX_DEPTH - 2);
  }

  @Test
  void an_empty_file_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", "# nothing here\n");

    assertThat(e).hasMessage("jobspec invalid: the jobspec is empty");
  }

  @Test
  void a_top_level_list_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", "- name: demo\n");

    assertThat(e).hasMessage("jobspec invalid: the jobspec must be an object, not a list (line 1, column 1)");
    assertThat(e.details()).containsEntry("path", "").containsEntry("line", 1);
  }

  @Test
  void invalid_utf8_should_be_refused_with_its_byte_offset() {
    byte[] text = SpecFixture.MINIMAL.replace("Do the thing.", "Do the \u00ff thing.").getBytes(StandardCharsets.ISO_8859_1);
    specs.write("spec.yaml", text);

    InvalidJobSpecException e = specs.rejected(Path.of("spec.yaml"));

    assertThat(e).hasMessageContaining("the jobspec is not valid UTF-8");
    assertThat(e.details()).containsEntry("line", 5).containsKey("byte_offset");
  }

  @Test
  void an_astral_character_at_the_parser_buffer_edge_should_load() {
    String before = SpecFixture.MINIMAL.substring(0, SpecFixture.MINIMAL.indexOf("Do the thing."));
    for (int at = 1020; at <= 1030; at++) {
      String objective = "x".repeat(at - before.length()) + "\uD83D\uDE00";
      JobSpec spec = specs.load("spec" + at + ".yaml", SpecFixture.minimalWith("Do the thing.", objective));

      assertThat(spec.objective()).isEqualTo(objective);
    }
  }

  @Test
  void a_truncated_escape_at_the_end_should_be_a_syntax_error() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", "name: demo\nobjective: \"\\x");

    assertThat(e).hasMessageStartingWith("jobspec invalid: YAML syntax error: the YAML parser could not read this input");
    assertThat(e.details()).containsEntry("path", "/objective");
  }

  @Test
  void control_characters_should_be_refused_with_their_line() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("Do the thing.", "Do the \u0007 thing."));

    assertThat(e).hasMessageContaining("character U+0007 is not allowed in YAML");
    assertThat(e.details()).containsEntry("line", 5).containsEntry("column", 19);
  }
}
