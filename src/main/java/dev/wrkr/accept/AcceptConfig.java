package dev.wrkr.accept;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * What {@code accept run} checks (reference §7.1): artifacts the job must have produced, rules
 * over its artifact paths, and the test and lint commands. Lists are trimmed, de-duplicated and
 * sorted. {@code commandTimeout} is ours: a command still running then is killed and its check
 * fails.
 */
public record AcceptConfig(
    String schemaId,
    String schemaVersion,
    List<String> requiredArtifacts,
    String testCommand,
    String lintCommand,
    Duration commandTimeout,
    PathRules pathRules) {
  /** How long a test or lint command may run unless the config says otherwise. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(600);

  public AcceptConfig {
    Objects.requireNonNull(schemaId, "schema_id");
    Objects.requireNonNull(schemaVersion, "schema_version");
    requiredArtifacts = normalized(requiredArtifacts);
    testCommand = Objects.requireNonNull(testCommand, "test_command").strip();
    lintCommand = Objects.requireNonNull(lintCommand, "lint_command").strip();
    Objects.requireNonNull(commandTimeout, "command_timeout_seconds");
    if (commandTimeout.isNegative() || commandTimeout.isZero()) {
      throw new IllegalArgumentException("command_timeout_seconds must be at least 1");
    }
    Objects.requireNonNull(pathRules, "path_rules");
  }

  /** Limits on the artifact paths of a job; {@code maxArtifactPaths} 0 means no limit. */
  public record PathRules(int maxArtifactPaths, List<String> forbiddenPrefixes, List<String> allowedPrefixes) {
    public PathRules {
      maxArtifactPaths = Math.max(0, maxArtifactPaths);
      forbiddenPrefixes = normalized(forbiddenPrefixes);
      allowedPrefixes = normalized(allowedPrefixes);
    }
  }

  /** Wrkr's defaults, used when there is no config file. */
  public static AcceptConfig defaults() {
    return new AcceptConfig("wrkr.accept_config", "v1", List.of(), "go test ./...", "go vet ./...",
        DEFAULT_TIMEOUT, new PathRules(0, List.of(), List.of()));
  }

  static List<String> normalized(List<String> items) {
    TreeSet<String> out = new TreeSet<>();
    for (String s : items) {
      String t = s.strip();
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return List.copyOf(out);
  }
}
