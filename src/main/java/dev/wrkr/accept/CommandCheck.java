package dev.wrkr.accept;

import dev.wrkr.codec.Digests;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.process.BaseEnvironment;
import dev.wrkr.process.LogRefs;
import dev.wrkr.process.StepCommand;
import dev.wrkr.process.StepOutcome;
import dev.wrkr.process.StepProcesses;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The test and lint checks: the command runs as {@code sh -c} in the working directory, in a
 * process group of its own, with the config's timeout; a command still running then is killed
 * with everything it started. Its whole output goes to {@code <logDir>/accept_<job>_<check>.
 * {stdout,stderr}.log} (bounded and rotated as step logs are); the message keeps only the last
 * {@value #MESSAGE_BYTES} bytes.
 */
final class CommandCheck {
  static final String TEST_COMMAND = "test_command";
  static final String LINT_COMMAND = "lint_command";
  static final int MESSAGE_BYTES = 400;

  private final StepProcesses processes;
  private final Path workingDir;
  private final Path logDir;

  CommandCheck(StepProcesses processes, Path workingDir, Path logDir) {
    this.processes = processes;
    this.workingDir = workingDir;
    this.logDir = logDir;
  }

  CheckResult run(String check, String command, Duration timeout, String jobId) {
    ReasonCode code = check.equals(LINT_COMMAND) ? ReasonCode.E_ACCEPT_LINT_FAIL : ReasonCode.E_ACCEPT_TEST_FAIL;
    if (command.isBlank()) {
      return CheckResult.fail(check, check + " is not configured", code);
    }
    StepCommand step = new StepCommand(command, workingDir, Map.of(), BaseEnvironment.INHERIT,
        Optional.of(timeout), logDir, logName(jobId, check), StepCommand.DEFAULT_MAX_LOG_BYTES,
        StepCommand.DEFAULT_KEEP_ROTATED);
    StepOutcome outcome = processes.start(step).await();
    return switch (outcome) {
      case StepOutcome.Exited e when e.succeeded() ->
          CheckResult.pass(check, "command succeeded").took(e.elapsed()).withLogs(logs(e.logs()));
      case StepOutcome.Exited e ->
          CheckResult.fail(check, "command failed (exit=" + e.code() + "): " + output(e.logs()), code)
              .took(e.elapsed()).withLogs(logs(e.logs()));
      case StepOutcome.TimedOut t ->
          CheckResult.fail(check, "command timed out after " + t.limit().toSeconds()
                  + "s and was killed (raise command_timeout_seconds if it needs longer): " + output(t.logs()), code)
              .took(t.elapsed()).withLogs(logs(t.logs()));
      case StepOutcome.Canceled c ->
          CheckResult.fail(check, "command was canceled: " + output(c.logs()), code)
              .took(c.elapsed()).withLogs(logs(c.logs()));
      case StepOutcome.FailedToStart f -> CheckResult.fail(check, "command could not start: " + f.reason(), code);
    };
  }

  /** {@code accept_<job>_<check>}; a job id too long for a log name is replaced by its digest. */
  static String logName(String jobId, String check) {
    String name = "accept_" + jobId + "_" + check;
    return name.length() <= 100 ? name : "accept_" + Digests.sha256Hex(jobId).substring(0, 24) + "_" + check;
  }

  private static List<Path> logs(LogRefs refs) {
    return List.of(refs.stdout(), refs.stderr());
  }

  /** The end of stdout then stderr, at most {@value #MESSAGE_BYTES} bytes, or {@code (no output)}. */
  static String output(LogRefs refs) {
    String out = refs.stdoutTail().strip();
    String err = refs.stderrTail().strip();
    String both = out.isEmpty() ? err : err.isEmpty() ? out : out + "\n" + err;
    if (both.isEmpty()) {
      return "(no output)";
    }
    return bounded(both, MESSAGE_BYTES);
  }

  /** The last {@code max} bytes of {@code text}, cut at a character boundary, after {@code ...}. */
  static String bounded(String text, int max) {
    byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
    if (utf8.length <= max) {
      return text;
    }
    int start = utf8.length - max;
    while (start < utf8.length && (utf8[start] & 0xC0) == 0x80) {
      start++;
    }
    return "..." + new String(utf8, start, utf8.length - start, StandardCharsets.UTF_8);
  }
}
