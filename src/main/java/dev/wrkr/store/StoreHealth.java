package dev.wrkr.store;

import java.util.List;
import java.util.Objects;

/**
 * What a read-only look at a store found, for {@code wrkr doctor}. Taking it never creates,
 * migrates or writes the store (see {@code docs/operations.md}).
 */
public sealed interface StoreHealth {
  /** Where the store lives, without any password. */
  String store();

  /** The SQLite file does not exist yet; the first wrkr command that opens the store creates it. */
  record NotCreated(String store) implements StoreHealth {
    public NotCreated {
      Objects.requireNonNull(store, "store");
    }
  }

  /** The store could not be opened or read; {@code problem} says why. */
  record Unreachable(String store, String problem) implements StoreHealth {
    public Unreachable {
      Objects.requireNonNull(store, "store");
      Objects.requireNonNull(problem, "problem");
    }
  }

  /**
   * The store answered.
   *
   * @param schemaVersion the store's schema version, 0 when it was never migrated
   * @param supportedVersion the schema version of this build
   * @param expiredRunningLeases ids of running jobs whose lease expired but was never released
   *     (at most {@link #MAX_LISTED}), empty when the schema is not current
   */
  record Reachable(
      String store, int schemaVersion, int supportedVersion, List<String> expiredRunningLeases)
      implements StoreHealth {
    /** The most job ids listed in {@code expiredRunningLeases}. */
    public static final int MAX_LISTED = 20;

    public Reachable {
      Objects.requireNonNull(store, "store");
      expiredRunningLeases = List.copyOf(expiredRunningLeases);
    }
  }
}
