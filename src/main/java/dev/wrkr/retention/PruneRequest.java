package dev.wrkr.retention;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What {@code wrkr store prune} should remove: ages are already parsed and positive, counts are
 * {@code >= 0}. {@code outDir} holds {@code jobpacks/} and {@code reports/}.
 */
public record PruneRequest(
    boolean dryRun,
    Path outDir,
    Optional<Duration> jobMaxAge,
    FileRule jobpacks,
    FileRule reports) {
  public PruneRequest {
    Objects.requireNonNull(outDir, "outDir");
    Objects.requireNonNull(jobMaxAge, "jobMaxAge");
    Objects.requireNonNull(jobpacks, "jobpacks");
    Objects.requireNonNull(reports, "reports");
  }

  /** True when at least one criterion is set. */
  public boolean hasCriterion() {
    return jobMaxAge.isPresent() || jobpacks.isSet() || reports.isSet();
  }

  /** Age and/or keep-newest-N for one folder of files. */
  public record FileRule(Optional<Duration> maxAge, OptionalInt maxCount) {
    public FileRule {
      Objects.requireNonNull(maxAge, "maxAge");
      Objects.requireNonNull(maxCount, "maxCount");
      if (maxCount.isPresent() && maxCount.getAsInt() < 0) {
        throw new IllegalArgumentException("maxCount must be >= 0");
      }
    }

    boolean isSet() {
      return maxAge.isPresent() || maxCount.isPresent();
    }
  }
}
