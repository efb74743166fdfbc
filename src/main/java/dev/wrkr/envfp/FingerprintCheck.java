package dev.wrkr.envfp;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The outcome of comparing a recorded fingerprint with the current environment ({@link
 * Fingerprints#compare}).
 */
public sealed interface FingerprintCheck permits FingerprintCheck.Match, FingerprintCheck.Mismatch {

  /** The environment is the recorded one: same hash. */
  record Match(Fingerprint actual) implements FingerprintCheck {
    public Match {
      Objects.requireNonNull(actual, "actual");
    }
  }

  /**
   * The hashes differ. A resume stops here unless forced ({@code --force-env}).
   *
   * @param changes the rules whose values changed, sorted by rule; empty when only the recorded
   *     hash is known, or when the recorded hash was not computed from the recorded values
   */
  record Mismatch(String expectedHash, Fingerprint actual, List<RuleChange> changes)
      implements FingerprintCheck {
    public Mismatch {
      Objects.requireNonNull(expectedHash, "expectedHash");
      Objects.requireNonNull(actual, "actual");
      changes = List.copyOf(changes);
    }

    /** The names of the changed rules. */
    public List<String> changedRules() {
      return changes.stream().map(RuleChange::rule).toList();
    }

    /**
     * {@code environment fingerprint mismatch: java_version 21 -> 25} (changes joined by {@code ",
     * "}), or the two hashes when no change is known.
     */
    public String message() {
      String what =
          changes.isEmpty()
              ? "expected hash " + expectedHash + ", got " + actual.hash()
              : changes.stream().map(RuleChange::describe).collect(Collectors.joining(", "));
      return "environment fingerprint mismatch: " + what;
    }
  }
}
