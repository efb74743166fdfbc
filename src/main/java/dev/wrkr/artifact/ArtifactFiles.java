package dev.wrkr.artifact;

import dev.wrkr.codec.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Resolves the artifact paths a job declares inside its workspace and digests their real content.
 * A path that is absolute, climbs out with {@code ..}, or reaches outside the workspace through a
 * symbolic link is never read: it is reported, not followed.
 */
public final class ArtifactFiles {
  private static final int BUFFER = 64 * 1024;

  private ArtifactFiles() {}

  /** What was found at a declared path when it was recorded. */
  public enum Status {
    PRESENT, MISSING, NOT_A_FILE, OUTSIDE_WORKSPACE, UNREADABLE;

    /** The name recorded in the ledger and jobpacks. */
    public String wire() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The digest of one declared artifact; {@code sha256} and {@code size} only when present. */
  public record Digest(String path, Status status, Optional<String> sha256, Optional<Long> size) {}

  /**
   * The file {@code path} names inside {@code workspace}, when it is a safe relative path whose
   * real location stays inside the workspace's real location.
   */
  public static Optional<Path> resolve(Path workspace, String path) {
    if (!isSafeRelative(path)) {
      return Optional.empty();
    }
    try {
      Path root = workspace.toAbsolutePath().normalize();
      Path file = root.resolve(path).normalize();
      if (!file.startsWith(root)) {
        return Optional.empty();
      }
      if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        Path real = file.toRealPath();
        Path realRoot = root.toRealPath();
        if (!real.startsWith(realRoot)) {
          return Optional.empty();
        }
      }
      return Optional.of(file);
    } catch (IOException | InvalidPathException e) {
      return Optional.empty();
    }
  }

  /** True for a non-empty relative path with no {@code ..}, empty or backslash segments. */
  public static boolean isSafeRelative(String path) {
    if (path == null || path.isEmpty() || path.startsWith("/") || path.indexOf('\\') >= 0
        || path.indexOf('\0') >= 0 || path.matches("^[A-Za-z]:.*")) {
      return false;
    }
    for (String segment : path.split("/", -1)) {
      if (segment.isEmpty() || segment.equals("..")) {
        return false;
      }
    }
    return true;
  }

  /** Digests {@code path} inside {@code workspace} from its content now. */
  public static Digest digest(Path workspace, String path) {
    Optional<Path> file = resolve(workspace, path);
    if (file.isEmpty()) {
      return new Digest(path, Status.OUTSIDE_WORKSPACE, Optional.empty(), Optional.empty());
    }
    Path f = file.get();
    if (!Files.exists(f)) {
      return new Digest(path, Status.MISSING, Optional.empty(), Optional.empty());
    }
    if (!Files.isRegularFile(f)) {
      return new Digest(path, Status.NOT_A_FILE, Optional.empty(), Optional.empty());
    }
    try (InputStream in = Files.newInputStream(f)) {
      Sha256 sha = Sha256.create();
      byte[] buf = new byte[BUFFER];
      long size = 0;
      for (int n; (n = in.read(buf)) >= 0; ) {
        sha.update(buf, 0, n);
        size += n;
      }
      return new Digest(path, Status.PRESENT, Optional.of(sha.hex()), Optional.of(size));
    } catch (IOException e) {
      return new Digest(path, Status.UNREADABLE, Optional.empty(), Optional.empty());
    }
  }
}
