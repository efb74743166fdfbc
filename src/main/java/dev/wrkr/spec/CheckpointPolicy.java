package dev.wrkr.spec;

import java.util.List;

/**
 * JobSpec {@code checkpoint_policy}. Wrkr validates but never uses it; so do we, for now.
 *
 * @param minIntervalSeconds at least 1
 * @param requiredTypes checkpoint types ({@code plan}, {@code progress}, {@code decision-needed},
 *     {@code blocked}, {@code completed}) as written; empty when absent or null
 */
public record CheckpointPolicy(long minIntervalSeconds, List<String> requiredTypes) {
  public CheckpointPolicy {
    if (minIntervalSeconds < 1) {
      throw new IllegalArgumentException("min_interval_seconds must be >= 1: " + minIntervalSeconds);
    }
    requiredTypes = List.copyOf(requiredTypes);
  }
}
