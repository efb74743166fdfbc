package dev.wrkr.spec;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Finds and reads a JobSpec file.
 *
 * <p>A relative path is resolved against the working directory and must stay inside it, also
 * after symbolic links are resolved (as Wrkr); an absolute path may be anywhere. The file must be
 * a regular file (not a directory, FIFO or device) of at most {@link #MAX_BYTES} bytes; the size is
 * checked before anything is parsed, and reading stops after the limit in case the file grows.
 *
 * @param path the file as named (absolute, normalized; not symlink-resolved)
 * @param bytes its content
 */
record SpecFile(Path path, byte[] bytes) {
  /** Largest JobSpec accepted: 1 MiB. Real ones are a few kilobytes. */
  static final int MAX_BYTES = 1 << 20;

  /** Whether {@code spec} is read as JSON ({@code .json}, any case) rather than YAML. */
  static boolean isJson(Path spec) {
    Path name = spec.getFileName();
    return name != null && name.toString().toLowerCase(Locale.ROOT).endsWith(".json");
  }

  static SpecFile read(Path spec, Path cwd) {
    Path file = locate(spec, cwd);
    try {
      if (!Files.exists(file)) {
        throw fail("jobspec not found: " + file, file);
      }
      // Checked and read through the real path, so a link swapped in meanwhile is not followed.
      Path real = file.toRealPath();
      if (!spec.isAbsolute()) {
        requireInside(real, cwd.toRealPath(), spec, file);
      }
      if (Files.isDirectory(real)) {
        throw fail("jobspec " + file + " is a directory; name a .yaml or .json file", file);
      }
      if (!Files.isRegularFile(real)) {
        throw fail("jobspec " + file + " is not a regular file", file);
      }
      long size = Files.size(real);
      if (size > MAX_BYTES) {
        throw tooBig(file, size);
      }
      return new SpecFile(file, readAtMost(real, file));
    } catch (NoSuchFileException e) {
      throw fail("jobspec not found: " + file, file);
    } catch (IOException e) {
      throw fail("cannot read jobspec " + file + ": " + e.getMessage(), file);
    }
  }

  private static Path locate(Path spec, Path cwd) {
    try {
      Path base = cwd.toAbsolutePath().normalize();
      Path file = base.resolve(spec).normalize();
      if (!spec.isAbsolute() && !file.startsWith(base)) {
        throw outside(spec, base, file);
      }
      return file;
    } catch (InvalidPathException e) {
      throw new InvalidJobSpecException("jobspec path is not valid: " + e.getMessage(),
          Map.of("spec", spec.toString()));
    }
  }

  private static void requireInside(Path real, Path realCwd, Path spec, Path file) {
    if (!real.startsWith(realCwd)) {
      throw outside(spec, realCwd, file);
    }
  }

  private static byte[] readAtMost(Path real, Path file) throws IOException {
    try (InputStream in = Files.newInputStream(real)) {
      byte[] bytes = in.readNBytes(MAX_BYTES + 1);
      if (bytes.length > MAX_BYTES) {
        throw tooBig(file, Math.max(bytes.length, Files.size(real)));
      }
      return bytes;
    }
  }

  private static InvalidJobSpecException outside(Path spec, Path cwd, Path file) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("spec", spec.toString());
    details.put("cwd", cwd.toString());
    return new InvalidJobSpecException("jobspec path " + spec + " resolves outside the working directory "
        + cwd + " (" + file + "); run from a directory that contains it or give an absolute path", details);
  }

  private static InvalidJobSpecException tooBig(Path file, long size) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("spec", file.toString());
    details.put("size", size);
    details.put("limit", MAX_BYTES);
    return new InvalidJobSpecException("jobspec is " + size + " bytes; the limit is " + MAX_BYTES, details);
  }

  private static InvalidJobSpecException fail(String message, Path file) {
    return new InvalidJobSpecException(message, Map.of("spec", file.toString()));
  }
}
