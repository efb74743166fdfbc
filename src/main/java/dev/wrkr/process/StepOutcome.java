package dev.wrkr.process;

import java.time.Duration;
import java.util.Objects;

/**
 * How a step command ended. {@code elapsed} runs from the start to the moment the step's shell
 * exited; every outcome but {@link FailedToStart} carries the step's {@link LogRefs}.
 */
public sealed interface StepOutcome {
  /** The shell exited by itself with {@code code} (128 + n if signal n, not wrkr, killed it). */
  record Exited(int code, Duration elapsed, LogRefs logs) implements StepOutcome {
    public Exited {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(logs, "logs");
    }

    /** True when the command exited with code 0. */
    public boolean succeeded() {
      return code == 0;
    }
  }

  /** The step ran longer than {@code limit}; wrkr terminated its whole process group. */
  record TimedOut(Duration limit, Duration elapsed, LogRefs logs) implements StepOutcome {
    public TimedOut {
      Objects.requireNonNull(limit, "limit");
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(logs, "logs");
    }
  }

  /** {@link StepRun#cancel} stopped the step; wrkr terminated its whole process group. */
  record Canceled(Duration elapsed, LogRefs logs) implements StepOutcome {
    public Canceled {
      Objects.requireNonNull(elapsed, "elapsed");
      Objects.requireNonNull(logs, "logs");
    }
  }

  /**
   * The command never ran: its working directory or the shell is missing, the log files cannot be
   * created, or the OS refused to start the process. {@code reason} says which, for people.
   */
  record FailedToStart(String reason) implements StepOutcome {
    public FailedToStart {
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** One line for an error message, ending with the stderr tail (or the stdout tail) if any. */
  default String describe() {
    return switch (this) {
      case Exited e -> "exited with code " + e.code() + e.logs().tailSuffix();
      case TimedOut t -> "timed out after " + t.limit() + t.logs().tailSuffix();
      case Canceled c -> "was canceled" + c.logs().tailSuffix();
      case FailedToStart f -> "failed to start: " + f.reason();
    };
  }
}
