package dev.wrkr.spec;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Timestamps;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * The JobSpec {@code wrkr init} writes: a commented YAML file with the content of Wrkr's template
 * (reference §3.5), except that the fingerprint rules name {@code java_version} and the {@code
 * plan} and {@code finalize} steps write the artifacts they declare (Wrkr's run {@code true}), so
 * the demo produces real files. Keys are in reading order with comments, not alphabetical as
 * Wrkr's yaml.v3 output. It loads with {@link JobSpecLoader} (guarded by {@code
 * JobSpecTemplateTest}).
 */
public final class JobSpecTemplate {
  /** Where {@code wrkr init} writes when no path is given, relative to the working directory. */
  public static final String DEFAULT_FILE_NAME = "jobspec.yaml";

  private static final String TEXT = """
      # A wrkr JobSpec (wrkr.jobspec v1), written by `wrkr init`.
      # Submit it with:  wrkr submit <this file>
      # Unknown keys are errors. Paths are relative to this file's directory.
      schema_id: wrkr.jobspec
      schema_version: v1
      created_at: %1$s
      producer_version: %2$s

      # The job id is derived from the name; the objective becomes the first plan checkpoint.
      name: demo_refactor_job
      objective: Run a deterministic reference adapter workflow.

      # "reference" runs inputs.steps in order; "noop" runs nothing and completes.
      adapter:
        name: reference
        config:
          lane: blessed

      # Files the job is expected to produce, relative to the workspace.
      expected_artifacts:
        - reports/result.md

      inputs:
        # Where commands run: "." is this file's directory.
        workspace: "."
        # Each step: id (unique), summary, command (run with sh -lc when executed),
        # artifacts it writes, executed (default true), decision_needed + required_action
        # to stop for an approval. wrkr also reads timeout (90s, 5m, 1h30m), env (a map),
        # retries (default 0) and retry_backoff (default 1s, doubled per retry).
        steps:
          - id: plan
            summary: Write the plan to reports/plan.md
            command: >-
              mkdir -p reports &&
              printf '# Plan\\n\\n1. plan\\n2. review (needs approval)\\n3. finalize\\n' > reports/plan.md
            timeout: 1m
            artifacts:
              - reports/plan.md
          - id: review
            summary: Review the plan before finalizing
            executed: false
            decision_needed: true
            required_action: approve
          - id: finalize
            summary: Write the result to reports/result.md
            command: >-
              mkdir -p reports &&
              printf '# Result\\n\\nThe plan was approved and finalized.\\n' > reports/result.md
            timeout: 1m
            artifacts:
              - reports/result.md

      # Limits; the job stops (blocked_budget) when one is exceeded.
      budgets:
        max_wall_time_seconds: 3600
        max_retries: 2
        max_step_count: 20
        max_tool_calls: 200

      checkpoint_policy:
        min_interval_seconds: 10
        required_types: [plan, progress, decision-needed, blocked, completed]

      # What must match when a job resumes: os, arch, java_version, cwd, hostname, env:NAME.
      environment_fingerprint:
        rules: [java_version, os, arch]
      """;

  private JobSpecTemplate() {}

  /** The template's text, stamped with {@code createdAt} and {@code producerVersion}. */
  public static String render(Instant createdAt, String producerVersion) {
    Objects.requireNonNull(createdAt, "createdAt");
    if (producerVersion == null || producerVersion.isBlank()) {
      throw new IllegalArgumentException("producer version must not be blank");
    }
    return TEXT.formatted(quoted(Timestamps.format(createdAt)), quoted(producerVersion));
  }

  /**
   * Writes the template to {@code target} atomically (a temporary file in the same directory,
   * then a rename), creating missing parent directories.
   *
   * @param target the file, absolute or relative to {@code cwd}; a relative one must stay inside
   *     {@code cwd}, symbolic links included
   * @param force replace an existing file
   * @return the absolute path written
   * @throws InvalidJobSpecException when the path leaves {@code cwd}, the file exists and {@code
   *     force} is off ("jobspec already exists (use --force to overwrite)"), or it cannot be written
   */
  public static Path write(Path target, Path cwd, boolean force, Instant now, String producerVersion) {
    byte[] content = render(now, producerVersion).getBytes(StandardCharsets.UTF_8);
    Path file = locate(target, cwd);
    try {
      if (!target.isAbsolute()) {
        requireInside(existingAncestor(file.getParent()), cwd, target, file);
      }
      Files.createDirectories(file.getParent());
      if (!target.isAbsolute()) {
        requireInside(file.getParent(), cwd, target, file);
      }
      if (Files.isDirectory(file)) {
        throw fail("jobspec path " + file + " is a directory", file);
      }
      if (!force && Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
        throw exists(file);
      }
      replace(file, content, force);
      return file;
    } catch (IOException e) {
      throw fail("cannot write jobspec " + file + ": " + e.getMessage(), file);
    }
  }

  private static Path locate(Path target, Path cwd) {
    try {
      Path base = cwd.toAbsolutePath().normalize();
      Path file = base.resolve(target).normalize();
      if (!target.isAbsolute() && !file.startsWith(base)) {
        throw outside(target, file);
      }
      if (file.getParent() == null) {
        throw fail("jobspec path " + file + " names no file", file);
      }
      return file;
    } catch (InvalidPathException e) {
      throw new InvalidJobSpecException("jobspec path is not valid: " + e.getMessage(),
          Map.of("spec", target.toString()));
    }
  }

  /** Symbolic links are resolved before the check, so a link cannot lead the file out of cwd. */
  private static void requireInside(Path dir, Path cwd, Path target, Path file) throws IOException {
    if (!dir.toRealPath().startsWith(cwd.toRealPath())) {
      throw outside(target, file);
    }
  }

  private static Path existingAncestor(Path dir) {
    Path existing = dir;
    while (!Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing;
  }

  private static void replace(Path file, byte[] content, boolean force) throws IOException {
    Path temp = Files.createTempFile(file.getParent(), ".jobspec-", ".tmp");
    try {
      try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
        channel.write(ByteBuffer.wrap(content));
        channel.force(true);
      }
      try {
        Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException notPosix) {
        // Windows and other non-POSIX file systems keep their default permissions.
      }
      if (force) {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } else {
        // Without REPLACE_EXISTING the move fails rather than clobber a file created meanwhile.
        try {
          Files.move(temp, file);
        } catch (FileAlreadyExistsException e) {
          throw exists(file);
        }
      }
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /** A YAML double-quoted scalar: JSON string syntax is valid YAML 1.2. */
  private static String quoted(String text) {
    return Canonical.canonicalString(JsonNodeFactory.instance.stringNode(text));
  }

  private static InvalidJobSpecException exists(Path file) {
    return fail("jobspec already exists (use --force to overwrite)", file);
  }

  private static InvalidJobSpecException outside(Path target, Path file) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("spec", target.toString());
    return new InvalidJobSpecException("jobspec path " + target + " resolves outside the working directory ("
        + file + "); give an absolute path to write elsewhere", details);
  }

  private static InvalidJobSpecException fail(String message, Path file) {
    return new InvalidJobSpecException(message, Map.of("spec", file.toString()));
  }
}
