package dev.wrkr.cli;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.Optional;

/** How {@code report} and {@code bridge} write under {@code <out>/reports/}, and the step summary. */
final class ReportFiles {
  static final String STEP_SUMMARY = "GITHUB_STEP_SUMMARY";

  private ReportFiles() {}

  /** {@code <out>/reports}, created when missing. */
  static Path reportsDir(Path out) {
    Path dir = out.resolve("reports");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw failed("create reports directory", dir, e);
    }
    return dir;
  }

  /** Writes {@code bytes} to a temporary file beside {@code target} and moves it into place. */
  static void writeAtomically(Path target, byte[] bytes) {
    try {
      Path tmp = Files.createTempFile(target.getParent(), "." + target.getFileName() + "-", ".tmp");
      try {
        Files.write(tmp, bytes);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw failed("write", target, e);
    }
  }

  /** The {@code $GITHUB_STEP_SUMMARY} file, when the variable is set and not blank. */
  static Optional<Path> stepSummary(Map<String, String> env, Path cwd) {
    String value = env.getOrDefault(STEP_SUMMARY, "").strip();
    return value.isEmpty() ? Optional.empty() : Optional.of(cwd.resolve(value));
  }

  /** Appends {@code text} to {@code file} (created when missing, never truncated). */
  static void append(Path file, byte[] text) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.write(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
    } catch (IOException e) {
      throw failed("append to step summary", file, e);
    }
  }

  private static WrkrException failed(String what, Path path, IOException e) {
    return new WrkrException(ReasonCode.E_GENERIC_FAILURE, "cannot " + what + " " + path + ": " + e.getMessage(),
        Map.of("path", path.toString()), e);
  }
}
