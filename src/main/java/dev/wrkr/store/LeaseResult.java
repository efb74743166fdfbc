package dev.wrkr.store;

/** Outcome of {@link Leases#acquire}. */
public sealed interface LeaseResult {
  /** The caller holds {@code lease}. */
  record Acquired(Lease lease) implements LeaseResult {}

  /** Another worker holds the unexpired {@code holder} lease; nothing changed. */
  record Held(Lease holder) implements LeaseResult {}
}
