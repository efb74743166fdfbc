package dev.wrkr.spec;

import java.util.regex.Pattern;

/**
 * The rule for artifact paths ({@code expected_artifacts}, step {@code artifacts}): relative to
 * the workspace, never absolute ({@code /x}, {@code \x}, {@code C:x}) and never with a {@code ..}
 * segment (either separator), so no artifact can name a file outside the workspace. Symbolic links
 * inside the workspace are the business of whoever reads the files later.
 */
final class ArtifactPaths {
  private static final Pattern SEPARATORS = Pattern.compile("[/\\\\]");
  private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:");

  private ArtifactPaths() {}

  /** {@code path} (already trimmed, not empty), or a problem at {@code pointer}. */
  static String requireInside(String path, String pointer) {
    if (path.indexOf('\0') >= 0) {
      throw Problem.at(pointer, pointer + " must not contain a NUL character");
    }
    boolean absolute = path.startsWith("/") || path.startsWith("\\") || DRIVE.matcher(path).find();
    boolean climbs = SEPARATORS.splitAsStream(path).anyMatch(".."::equals);
    if (absolute || climbs) {
      throw Problem.at(pointer, "path escapes the workspace: \"" + path + "\" at " + pointer)
          .hint("artifact paths must be relative to the workspace, without \"..\"")
          .with("artifact", path);
    }
    return path;
  }
}
