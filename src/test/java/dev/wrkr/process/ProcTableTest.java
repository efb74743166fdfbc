package dev.wrkr.process;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProcTableTest {
  @Test
  void a_command_name_with_spaces_and_parentheses_should_not_shift_the_fields() {
    ProcTable.Stat stat = ProcTable.parse(42, "42 (my (odd) cmd) S 7 42 40 0 -1 4194560 112 0");

    assertThat(stat).isEqualTo(new ProcTable.Stat(42, 'S', 7, 42, 40));
    assertThat(stat.living()).isTrue();
  }

  @Test
  void a_zombie_should_not_count_as_living() {
    assertThat(ProcTable.parse(9, "9 (sleep) Z 1 8 8 0").living()).isFalse();
  }

  @Test
  void this_jvm_should_be_found_living_and_a_pid_that_cannot_exist_should_not() {
    long self = ProcessHandle.current().pid();

    assertThat(ProcTable.stat(self)).hasValueSatisfying(s -> assertThat(s.living()).isTrue());
    assertThat(ProcTable.living(ProcessHandle.current())).isTrue();
    assertThat(ProcTable.stat(Long.MAX_VALUE)).isEmpty();
  }
}
