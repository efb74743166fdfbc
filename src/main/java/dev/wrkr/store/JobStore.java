package dev.wrkr.store;

/**
 * The durable store: one event ledger per job, the leases that keep two workers off the same job,
 * and an index of jobs. Two adapters implement it, SQLite (embedded default) and PostgreSQL
 * (shared by many workers); {@code StoreContract} in the tests runs against both.
 *
 * <p>Implementations are safe for use from several threads and several OS processes at once.
 * Every method that returns has made its writes durable.
 */
public interface JobStore extends AutoCloseable {
  Ledger ledger();

  Leases leases();

  JobIndex index();

  Retention retention();

  /** Where the store lives, with any password removed: a file path or a PostgreSQL URL. */
  String describe();

  @Override
  void close();
}
