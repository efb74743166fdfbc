package dev.wrkr.store.jdbc;

import dev.wrkr.store.StoreHealth;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/**
 * Reads a store's schema version and lease health on a connection the caller opened read-only,
 * without migrating anything: the read side of {@code wrkr doctor}. It runs only SELECTs.
 */
public final class SchemaProbe {
  private static final String EXPIRED_RUNNING_LEASES =
      "SELECT l.job_id FROM leases l JOIN jobs j ON j.job_id = l.job_id"
          + " WHERE l.released = 0 AND l.expires_at <= ? AND j.snapshot_status = 'running'"
          + " ORDER BY l.job_id LIMIT " + StoreHealth.Reachable.MAX_LISTED;

  private SchemaProbe() {}

  /**
   * The health of the store behind {@code connection}: its schema version against {@link
   * Migrator#latest()}, and, when the schema is current, the running jobs whose lease expired at
   * {@code now} without being released.
   */
  public static StoreHealth.Reachable inspect(
      Connection connection, Dialect dialect, String store, Instant now) throws SQLException {
    int version = version(connection, dialect);
    List<String> expired =
        version == Migrator.latest()
            ? Jdbc.query(connection, EXPIRED_RUNNING_LEASES, row -> row.getString(1), Rows.nanos(now))
            : List.of();
    return new StoreHealth.Reachable(store, version, Migrator.latest(), expired);
  }

  /** The schema version, 0 when the store was never migrated. */
  static int version(Connection connection, Dialect dialect) throws SQLException {
    boolean exists =
        Jdbc.queryOne(connection, dialect.tableExistsQuery(), row -> true, "schema_version")
            .isPresent();
    if (!exists) {
      return 0;
    }
    return Jdbc.queryOne(
            connection, "SELECT MAX(version) AS v FROM schema_version", row -> row.getInt("v"))
        .orElse(0);
  }
}
