package dev.wrkr.spec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import tools.jackson.databind.JsonNode;

/**
 * Resolves {@code inputs.workspace}, the directory commands run in (Wrkr reads but never uses it).
 *
 * <p>Absent, null or blank means the directory of the JobSpec. A relative path is resolved against
 * that directory and must stay inside it, also after symbolic links are resolved, so a JobSpec
 * copied from elsewhere cannot point its commands at {@code ../..}; an absolute path is allowed
 * anywhere, as the person who wrote it chose it on purpose. Either way it must be an existing
 * directory. The result is its real path.
 */
final class Workspaces {
  private static final String POINTER = "/inputs/workspace";

  private Workspaces() {}

  static Path resolve(JsonNode inputs, Path specPath) {
    Path specDir;
    try {
      specDir = specPath.getParent().toRealPath();
    } catch (IOException e) {
      throw Problem.at(null, "the directory of the jobspec cannot be read: " + e.getMessage());
    }
    JsonNode value = inputs.get("workspace");
    String raw = value == null || !value.isString() ? "" : value.stringValue().strip();
    if (raw.isEmpty()) {
      return specDir;
    }
    Path given;
    try {
      given = Path.of(raw);
    } catch (InvalidPathException e) {
      throw Problem.at(POINTER, "inputs.workspace \"" + raw + "\" is not a valid path");
    }
    Path target = specDir.resolve(given).normalize();
    if (!given.isAbsolute() && !target.startsWith(specDir)) {
      throw escapes(raw, specDir);
    }
    if (!Files.isDirectory(target)) {
      String what = Files.exists(target) ? " is not a directory" : " does not exist";
      throw Problem.at(POINTER, "inputs.workspace \"" + raw + "\" (" + target + ")" + what)
          .with("workspace", target.toString());
    }
    Path real;
    try {
      real = target.toRealPath();
    } catch (IOException e) {
      throw Problem.at(POINTER, "inputs.workspace \"" + raw + "\" cannot be resolved: " + e.getMessage());
    }
    if (!given.isAbsolute() && !real.startsWith(specDir)) {
      throw escapes(raw, specDir).with("workspace", real.toString());
    }
    return real;
  }

  private static Problem escapes(String raw, Path specDir) {
    return Problem.at(POINTER, "inputs.workspace \"" + raw + "\" escapes the directory of the jobspec ("
            + specDir + ")")
        .hint("a relative workspace must stay inside it; write an absolute path to work elsewhere");
  }
}
