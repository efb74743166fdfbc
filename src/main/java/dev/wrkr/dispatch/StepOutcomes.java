package dev.wrkr.dispatch;

import dev.wrkr.process.LogRefs;
import dev.wrkr.process.StepOutcome;
import java.util.Optional;

/** What the runner records of a step's outcome: its reason text, outcome name, exit code and logs. */
final class StepOutcomes {
  private StepOutcomes() {}

  static String reason(StepOutcome outcome) {
    return switch (outcome) {
      case StepOutcome.Exited e -> "exit=" + e.code();
      case StepOutcome.TimedOut t -> "timed out after " + t.limit().toSeconds() + "s";
      case StepOutcome.Canceled c -> "canceled";
      case StepOutcome.FailedToStart f -> "did not start: " + f.reason();
    };
  }

  static String name(StepOutcome outcome) {
    return outcome instanceof StepOutcome.TimedOut ? "timed_out" : "failed";
  }

  static Optional<Integer> exitCode(StepOutcome outcome) {
    return outcome instanceof StepOutcome.Exited e ? Optional.of(e.code()) : Optional.empty();
  }

  static Optional<LogRefs> logs(StepOutcome outcome) {
    return switch (outcome) {
      case StepOutcome.Exited e -> Optional.of(e.logs());
      case StepOutcome.TimedOut t -> Optional.of(t.logs());
      case StepOutcome.Canceled c -> Optional.of(c.logs());
      case StepOutcome.FailedToStart f -> Optional.empty();
    };
  }
}
