package dev.wrkr.doctor;

import dev.wrkr.store.StoreHealth;
import java.util.List;

/** The checks {@code store_reachable}, {@code store_migrated} and {@code lease_health}. */
final class StoreChecks {
  static final String REACHABLE = "store_reachable";
  static final String MIGRATED = "store_migrated";
  static final String LEASES = "lease_health";

  private static final String LOCATE_FIX =
      "check that --store, WRKR_STORE_URL or WRKR_HOME names a wrkr store you can read: for SQLite"
          + " the file and its permissions, for PostgreSQL that the server runs and the user,"
          + " password and database in the URL are right";
  private static final String CREATE_FIX =
      "run any wrkr command that uses the store (e.g. `wrkr jobs`) to create and migrate it";

  private StoreChecks() {}

  /** The three checks for {@code health}; a store not created yet fails only in production. */
  static List<DoctorCheck> of(StoreHealth health, boolean production) {
    return switch (health) {
      case StoreHealth.NotCreated n -> List.of(
          DoctorCheck.problem(production, REACHABLE,
              "store not created yet: " + n.store(), CREATE_FIX),
          DoctorCheck.problem(production, MIGRATED, "store not created yet", CREATE_FIX),
          DoctorCheck.pass(LEASES, "no store yet, so no leases"));
      case StoreHealth.Unreachable u -> List.of(
          DoctorCheck.fail(REACHABLE, "cannot read the store " + u.store() + ": " + u.problem(),
              LOCATE_FIX),
          DoctorCheck.fail(MIGRATED, "not checked: the store is unreachable",
              "fix " + REACHABLE + " first"),
          DoctorCheck.warn(LEASES, "not checked: the store is unreachable",
              "fix " + REACHABLE + " first"));
      case StoreHealth.Reachable r -> List.of(
          DoctorCheck.pass(REACHABLE, "store " + r.store()), migrated(r, production), leases(r));
    };
  }

  private static DoctorCheck migrated(StoreHealth.Reachable r, boolean production) {
    String versions = "schema_version=" + r.schemaVersion() + " supported=" + r.supportedVersion();
    if (r.schemaVersion() == r.supportedVersion()) {
      return DoctorCheck.pass(MIGRATED, versions);
    }
    if (r.schemaVersion() > r.supportedVersion()) {
      return DoctorCheck.fail(MIGRATED, versions + ": the store is newer than this wrkr",
          "upgrade wrkr to a release that supports schema version " + r.schemaVersion());
    }
    return DoctorCheck.problem(production, MIGRATED, versions + ": the store is not migrated yet",
        CREATE_FIX);
  }

  private static DoctorCheck leases(StoreHealth.Reachable r) {
    if (r.schemaVersion() != r.supportedVersion()) {
      return DoctorCheck.pass(LEASES, "not checked: the schema is not current");
    }
    List<String> jobs = r.expiredRunningLeases();
    if (jobs.isEmpty()) {
      return DoctorCheck.pass(LEASES, "no running job holds an expired lease");
    }
    String more = jobs.size() >= StoreHealth.Reachable.MAX_LISTED ? " (first " + jobs.size() + ")" : "";
    return DoctorCheck.warn(LEASES,
        "running jobs hold expired leases" + more + ": " + String.join(",", jobs),
        "their workers stopped; resume them (`wrkr resume <job_id>`) or cancel them"
            + " (`wrkr cancel <job_id>`)");
  }
}
