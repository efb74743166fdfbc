package dev.wrkr.process;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where a step's output went, and the end of it for error messages.
 *
 * <p>{@code stdoutBytes} and {@code stderrBytes} count every byte the step wrote to the stream,
 * whether or not it is still on disk. {@code truncated} is true when rotation deleted an old part
 * of either stream (or a log could not be written), so the files no longer hold all of it. The
 * tails are the last ≤ {@value LogTail#CAPACITY} bytes of each stream decoded as UTF-8 (invalid
 * bytes become U+FFFD, a character cut at the start is dropped), with ANSI escape sequences and
 * control characters other than newline and tab removed.
 */
public record LogRefs(
    Path stdout,
    Path stderr,
    long stdoutBytes,
    long stderrBytes,
    boolean truncated,
    String stdoutTail,
    String stderrTail) {
  public LogRefs {
    Objects.requireNonNull(stdout, "stdout");
    Objects.requireNonNull(stderr, "stderr");
    Objects.requireNonNull(stdoutTail, "stdoutTail");
    Objects.requireNonNull(stderrTail, "stderrTail");
  }

  /** {@code ": <tail>"} of stderr, else of stdout, trimmed; empty when the step wrote nothing. */
  String tailSuffix() {
    String tail = stderrTail.isBlank() ? stdoutTail : stderrTail;
    return tail.isBlank() ? "" : ": " + tail.strip();
  }
}
