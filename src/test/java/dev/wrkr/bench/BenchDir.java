package dev.wrkr.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.UUID;

/**
 * Where the benches put their files: {@code -Dwrkr.bench.dir}, else {@code target/bench}. The fsync
 * floor's file and the SQLite database live side by side in it, so both measure the same disk.
 */
final class BenchDir {
  private BenchDir() {}

  /** A new, unused path in the bench directory, e.g. {@code target/bench/wrkr-1a2b.db}. */
  static Path newPath(String prefix, String suffix) {
    Path dir = Path.of(System.getProperty("wrkr.bench.dir", "target/bench")).toAbsolutePath();
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return dir.resolve(prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + suffix);
  }

  /** Deletes {@code path} and everything under it, and SQLite's -wal/-shm files beside it. */
  static void delete(Path path) {
    for (String suffix : new String[] {"", "-wal", "-shm"}) {
      Path p = path.resolveSibling(path.getFileName() + suffix);
      if (!Files.exists(p)) {
        continue;
      }
      try (var paths = Files.walk(p)) {
        paths.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      } catch (IOException e) {
        // Left for `mvn clean`.
      }
    }
  }
}
