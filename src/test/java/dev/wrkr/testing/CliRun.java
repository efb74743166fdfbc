package dev.wrkr.testing;

import static org.assertj.core.api.Assertions.assertThat;

/** What one in-process CLI run printed and returned. */
public record CliRun(int exitCode, String out, String err) {
  /** {@code run}, after asserting it exited 0 (its stderr is the failure's description). */
  public static CliRun ok(CliRun run) {
    assertThat(run.exitCode()).as(run.err()).isZero();
    return run;
  }
}
