package dev.wrkr.envfp;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * An environment fingerprint: the rules a job is pinned to, the value of each when it was captured,
 * and the sha256 of both ({@link Fingerprints#hash}). Stored when a job starts and compared on
 * resume; the {@code captured_at} time belongs to the event that records it, not to this value.
 *
 * @param rules sorted, without duplicates
 * @param values one value per rule, sorted by rule
 * @param hash 64 lower-case hex characters; a recorded hash is kept as recorded, even when it was
 *     not computed from these values (Wrkr's fixtures have such hashes)
 */
public record Fingerprint(List<String> rules, SortedMap<String, String> values, String hash) {
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  public Fingerprint {
    rules = List.copyOf(rules);
    values = Collections.unmodifiableSortedMap(new TreeMap<>(values));
    Objects.requireNonNull(hash, "hash");
    if (!new TreeSet<>(rules).stream().toList().equals(rules)) {
      throw new IllegalArgumentException("fingerprint rules must be sorted and distinct: " + rules);
    }
    if (!values.keySet().equals(new TreeSet<>(rules))) {
      throw new IllegalArgumentException(
          "fingerprint values " + values.keySet() + " must name exactly the rules " + rules);
    }
    if (!SHA256.matcher(hash).matches()) {
      throw new IllegalArgumentException(
          "fingerprint hash must be 64 lower-case hex characters: " + hash);
    }
  }

  /** A fingerprint from values in any map (a stored one, for instance). */
  public static Fingerprint of(List<String> rules, Map<String, String> values, String hash) {
    return new Fingerprint(rules, new TreeMap<>(values), hash);
  }
}
