package dev.wrkr.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/** A step that never started: its outcome is known from the start and there is nothing to stop. */
record FailedStepRun(Path stdoutLog, Path stderrLog, StepOutcome.FailedToStart outcome)
    implements StepRun {
  @Override
  public long pid() {
    return -1;
  }

  @Override
  public StepOutcome await() {
    return outcome;
  }

  @Override
  public Optional<StepOutcome> await(Duration max) {
    return Optional.of(outcome);
  }

  @Override
  public Optional<StepOutcome> poll() {
    return Optional.of(outcome);
  }

  @Override
  public void release() {}

  @Override
  public void discard() {}

  @Override
  public boolean startedInCurrentWorkingDir() {
    return false;
  }

  @Override
  public void cancel(Duration grace) {}
}
