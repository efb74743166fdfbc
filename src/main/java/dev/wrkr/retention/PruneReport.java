package dev.wrkr.retention;

import java.time.Instant;
import java.util.List;

/**
 * Wrkr's {@code store prune} report: what was looked at, what matched a criterion, what was
 * removed (0 on a dry run) and the bytes that freed; entries sorted by path.
 */
public record PruneReport(Instant generatedAt, boolean dryRun, int checked, int matched, int removed,
    long freedBytes, List<Entry> entries) {
  public PruneReport {
    entries = List.copyOf(entries);
  }

  /**
   * One matched candidate. {@code kind} is {@code job} (path is the job id, size the bytes of its
   * events' payloads, mod time its last event), {@code jobpack} or {@code report}; {@code reason}
   * is {@code age} or {@code count}.
   */
  public record Entry(String kind, String path, long sizeBytes, Instant modTime, String reason) {}
}
