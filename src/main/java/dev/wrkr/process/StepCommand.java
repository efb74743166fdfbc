package dev.wrkr.process;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * One step's shell command and how to run it.
 *
 * <p>{@code shellCommand} runs as {@code /bin/sh -c <shellCommand>}: POSIX shell syntax, Unix only.
 * Its environment is {@code baseEnv} with {@code env} laid over it; its stdin is {@code /dev/null}.
 * {@code workingDir} must exist when the step starts (otherwise the outcome is {@link
 * StepOutcome.FailedToStart}). stdout goes to {@code <logDir>/<logName>.stdout.log}, stderr to
 * {@code <logName>.stderr.log}; when a file reaches {@code maxLogBytes} it is rotated to {@code
 * .1} (the older ones shift to {@code .2} …) and at most {@code keepRotated} rotated files are
 * kept, so a stream never takes more than {@code (keepRotated + 1) × maxLogBytes} on disk. Parts
 * left by an earlier run under the same names are deleted when the step starts.
 *
 * @throws StepProcessException when a field has a value no step can run with
 */
public record StepCommand(
    String shellCommand,
    Path workingDir,
    Map<String, String> env,
    BaseEnvironment baseEnv,
    Optional<Duration> timeout,
    Path logDir,
    String logName,
    long maxLogBytes,
    int keepRotated) {
  /** Bound of one log file unless told otherwise: 16 MiB. */
  public static final long DEFAULT_MAX_LOG_BYTES = 16L << 20;
  /** Rotated files kept per stream unless told otherwise. */
  public static final int DEFAULT_KEEP_ROTATED = 2;

  private static final Pattern LOG_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");

  public StepCommand {
    Objects.requireNonNull(shellCommand, "shellCommand");
    Objects.requireNonNull(workingDir, "workingDir");
    Objects.requireNonNull(env, "env");
    Objects.requireNonNull(baseEnv, "baseEnv");
    Objects.requireNonNull(timeout, "timeout");
    Objects.requireNonNull(logDir, "logDir");
    Objects.requireNonNull(logName, "logName");
    if (shellCommand.isBlank() || shellCommand.indexOf('\0') >= 0) {
      throw StepProcessException.invalid(
          "shellCommand", "the step's shell command must be non-blank text without NUL characters");
    }
    env.forEach(StepCommand::checkVariable);
    env = Map.copyOf(env);
    timeout.ifPresent(StepCommand::checkTimeout);
    checkLogName(logName);
    if (maxLogBytes < 1) {
      throw StepProcessException.invalid(
          "maxLogBytes", "maxLogBytes must be at least 1, got " + maxLogBytes);
    }
    if (keepRotated < 0) {
      throw StepProcessException.invalid(
          "keepRotated", "keepRotated must be 0 or more, got " + keepRotated);
    }
  }

  /**
   * A command with the inherited environment, no timeout and the default log bounds; the {@code
   * with…} methods change the rest.
   */
  public static StepCommand of(String shellCommand, Path workingDir, Path logDir, String logName) {
    return new StepCommand(
        shellCommand, workingDir, Map.of(), BaseEnvironment.INHERIT, Optional.empty(), logDir,
        logName, DEFAULT_MAX_LOG_BYTES, DEFAULT_KEEP_ROTATED);
  }

  /** This command with {@code env} laid over the base environment instead. */
  public StepCommand withEnv(Map<String, String> env) {
    return new StepCommand(shellCommand, workingDir, env, baseEnv, timeout, logDir, logName,
        maxLogBytes, keepRotated);
  }

  /** This command starting from {@code baseEnv}. */
  public StepCommand withBaseEnv(BaseEnvironment baseEnv) {
    return new StepCommand(shellCommand, workingDir, env, baseEnv, timeout, logDir, logName,
        maxLogBytes, keepRotated);
  }

  /** This command, stopped ({@link StepOutcome.TimedOut}) once it runs past {@code limit}. */
  public StepCommand withTimeout(Duration limit) {
    return new StepCommand(shellCommand, workingDir, env, baseEnv, Optional.of(limit), logDir,
        logName, maxLogBytes, keepRotated);
  }

  /** This command with other log bounds. */
  public StepCommand withLogBounds(long maxLogBytes, int keepRotated) {
    return new StepCommand(shellCommand, workingDir, env, baseEnv, timeout, logDir, logName,
        maxLogBytes, keepRotated);
  }

  /** {@code <logDir>/<logName>.stdout.log}. */
  public Path stdoutLog() {
    return logDir.resolve(logName + ".stdout.log");
  }

  /** {@code <logDir>/<logName>.stderr.log}. */
  public Path stderrLog() {
    return logDir.resolve(logName + ".stderr.log");
  }

  private static void checkVariable(String name, String value) {
    if (name.isEmpty() || name.indexOf('=') >= 0 || name.indexOf('\0') >= 0
        || value.indexOf('\0') >= 0) {
      throw StepProcessException.invalid(
          "env", "environment variable names must be non-empty without '=' or NUL, and values"
              + " without NUL; got name '" + name.replace("\0", "\\0") + "'");
    }
  }

  private static void checkTimeout(Duration limit) {
    if (limit.isNegative() || limit.isZero()) {
      throw StepProcessException.invalid(
          "timeout", "the step timeout must be positive, got " + limit);
    }
  }

  private static void checkLogName(String logName) {
    if (logName.contains("/") || logName.contains("\\") || logName.startsWith(".")) {
      throw StepProcessException.unsafe(
          "logName", "logName must be a plain file name inside logDir, got '" + logName + "'");
    }
    if (!LOG_NAME.matcher(logName).matches()) {
      throw StepProcessException.invalid(
          "logName", "logName must be 1-100 of [A-Za-z0-9._-], starting with a letter or digit;"
              + " got '" + logName + "'");
    }
  }
}
