package dev.wrkr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class TransitionsTest {
  @Test
  void table_should_be_exactly_wrkrs_status_machine() {
    Set<String> moves =
        Transitions.all().stream().map(t -> t.from() + "->" + t.to()).collect(Collectors.toSet());
    assertThat(moves)
        .containsExactlyInAnyOrder(
            "queued->running", "queued->canceled",
            "running->paused", "running->blocked_decision", "running->blocked_budget",
            "running->blocked_error", "running->completed", "running->canceled",
            "paused->running", "paused->blocked_error", "paused->canceled",
            "blocked_decision->running", "blocked_decision->blocked_error", "blocked_decision->canceled",
            "blocked_budget->running", "blocked_budget->blocked_error", "blocked_budget->canceled",
            "blocked_error->running", "blocked_error->canceled");
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void every_move_not_in_the_table_should_be_rejected_with_from_and_to(JobStatus from) {
    for (JobStatus to : JobStatus.values()) {
      if (Transitions.allowed(from, to)) {
        Transitions.check(from, to);
        continue;
      }
      assertThatThrownBy(() -> Transitions.check(from, to))
          .isInstanceOfSatisfying(
              InvalidTransitionException.class,
              e -> {
                assertThat(e.from()).isEqualTo(from);
                assertThat(e.to()).isEqualTo(to);
                assertThat(e.getMessage())
                    .isEqualTo("invalid status transition \"" + from.wire() + "\" -> \"" + to.wire() + "\"");
                assertThat(e.details()).containsEntry("from", from.wire()).containsEntry("to", to.wire());
              });
    }
  }

  @ParameterizedTest
  @EnumSource(JobStatus.class)
  void same_state_moves_and_moves_out_of_terminal_states_should_be_illegal(JobStatus s) {
    assertThat(Transitions.allowed(s, s)).isFalse();
    if (s.terminal()) {
      for (JobStatus to : JobStatus.values()) {
        assertThat(Transitions.allowed(s, to)).isFalse();
      }
    }
  }

  @Test
  void wire_names_should_round_trip() {
    for (JobStatus s : JobStatus.values()) {
      assertThat(JobStatus.parse(s.wire())).isEqualTo(s);
    }
    assertThat(JobStatus.fromWire("RUNNING")).isEmpty();
  }
}
