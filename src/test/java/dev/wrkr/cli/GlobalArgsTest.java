package dev.wrkr.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import org.junit.jupiter.api.Test;

class GlobalArgsTest {
  private static GlobalArgs split(String... argv) {
    return GlobalArgs.split(argv);
  }

  @Test
  void json_and_explain_should_be_taken_from_any_position() {
    GlobalArgs a = split("status", "--json", "job_1", "--explain");
    assertThat(a.json()).isTrue();
    assertThat(a.explain()).isTrue();
    assertThat(a.rest()).containsExactly("status", "job_1");
  }

  @Test
  void wrap_passthrough_should_keep_explain_but_still_take_json() {
    // Wrkr's TestSplitGlobalFlagsKeepsWrapPassthroughArgs: wrap -- tool --explain --json
    GlobalArgs a = split("wrap", "--", "tool", "--explain", "--json");
    assertThat(a.json()).isTrue();
    assertThat(a.explain()).isFalse();
    assertThat(a.rest()).containsExactly("wrap", "--", "tool", "--explain");
  }

  @Test
  void explain_before_the_wrap_separator_should_still_be_global() {
    GlobalArgs a = split("wrap", "--explain", "--job-id", "x", "--", "tool", "--explain");
    assertThat(a.explain()).isTrue();
    assertThat(a.rest()).containsExactly("wrap", "--job-id", "x", "--", "tool", "--explain");
  }

  @Test
  void a_double_dash_outside_wrap_should_not_start_a_passthrough() {
    GlobalArgs a = split("status", "--", "--explain");
    assertThat(a.explain()).isTrue();
    assertThat(a.rest()).containsExactly("status", "--");
  }

  @Test
  void wrap_is_only_the_command_word_when_it_comes_first() {
    GlobalArgs a = split("status", "wrap", "--", "--explain");
    assertThat(a.explain()).isTrue();
    assertThat(a.rest()).containsExactly("status", "wrap", "--");
  }

  @Test
  void store_should_be_taken_in_both_spellings() {
    assertThat(split("--store", "pg.db", "status", "j").store()).contains("pg.db");
    assertThat(split("status", "j", "--store=postgresql://h/db").store()).contains("postgresql://h/db");
    assertThat(split("status", "j", "--store=postgresql://h/db").rest()).containsExactly("status", "j");
  }

  @Test
  void store_without_a_value_should_be_an_input_error() {
    assertThatThrownBy(() -> split("status", "--store"))
        .isInstanceOfSatisfying(
            WrkrException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA));
  }

  @Test
  void no_flags_should_leave_argv_as_is() {
    GlobalArgs a = split();
    assertThat(a.json()).isFalse();
    assertThat(a.explain()).isFalse();
    assertThat(a.store()).isEmpty();
    assertThat(a.rest()).isEmpty();
  }
}
