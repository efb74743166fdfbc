package dev.wrkr.store;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * The store contract: every test in the {@code *Contract} interfaces runs against every adapter
 * through a subclass ({@code SqliteStoreTest}, {@code PostgresStoreTest}). Each test gets a new,
 * empty database and a store opened on it.
 */
abstract class StoreContract
    implements LedgerContract,
        JobIndexContract,
        LeasesContract,
        SchemaContract,
        MigrationContract,
        CheckpointIndexContract,
        ThreadRaceContract,
        ProcessContract,
        RetentionContract {
  @TempDir private Path scratch;
  private TestDatabase database;
  private JobStore store;

  /** A new, empty database; each call gives another one. */
  protected abstract TestDatabase newDatabase();

  @BeforeEach
  void openStore() {
    database = newDatabase();
    store = database.open();
  }

  @AfterEach
  void closeStore() {
    if (store != null) {
      store.close();
    }
    if (database != null) {
      database.close();
    }
  }

  @Override
  public JobStore store() {
    return store;
  }

  @Override
  public TestDatabase database() {
    return database;
  }

  @Override
  public Path scratch() {
    return scratch;
  }

  @Override
  public TestDatabase anotherDatabase() {
    return newDatabase();
  }
}
