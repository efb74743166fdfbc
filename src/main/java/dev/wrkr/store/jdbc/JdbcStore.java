package dev.wrkr.store.jdbc;

import dev.wrkr.store.JobIndex;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.Leases;
import dev.wrkr.store.Ledger;
import dev.wrkr.store.Retention;
import java.time.InstantSource;

/**
 * What both JDBC adapters share once connected: the three aggregates on one {@link Jdbc}, the
 * migration on open, and closing the connections. The adapters differ only in how they connect.
 */
public abstract class JdbcStore implements JobStore {
  private final Connections connections;
  private final String description;
  private final JdbcLedger ledger;
  private final JdbcLeases leases;
  private final JdbcJobIndex index;
  private final JdbcRetention retention;

  /**
   * Migrates the schema through {@code jdbc} and builds the aggregates on it; closes {@code
   * connections} when that fails.
   */
  protected JdbcStore(Jdbc jdbc, Connections connections, String description) {
    this.connections = connections;
    this.description = description;
    try {
      new Migrator(jdbc, InstantSource.system()).migrate();
    } catch (RuntimeException e) {
      connections.close();
      throw e;
    }
    this.ledger = new JdbcLedger(jdbc);
    this.leases = new JdbcLeases(jdbc);
    this.index = new JdbcJobIndex(jdbc);
    this.retention = new JdbcRetention(jdbc);
  }

  @Override
  public final Ledger ledger() {
    return ledger;
  }

  @Override
  public final Leases leases() {
    return leases;
  }

  @Override
  public final JobIndex index() {
    return index;
  }

  @Override
  public final Retention retention() {
    return retention;
  }

  /** Where the store lives, without any password. */
  @Override
  public final String describe() {
    return description;
  }

  @Override
  public final void close() {
    connections.close();
  }
}
