package dev.wrkr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.store.sqlite.SqliteStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link StoreContract} on SQLite, and what only the SQLite store promises. */
class SqliteStoreTest extends StoreContract {
  @TempDir Path dir;
  private final AtomicInteger databases = new AtomicInteger();

  @Override
  protected TestDatabase newDatabase() {
    Path home = dir.resolve("home-" + databases.incrementAndGet());
    return new SqliteDatabase(home.resolve("wrkr.db"));
  }

  record SqliteDatabase(Path file) implements TestDatabase {
    @Override
    public JobStore open() {
      return SqliteStore.open(new StoreLocation.Sqlite(file));
    }

    @Override
    public String url() {
      return "sqlite:" + file.toAbsolutePath();
    }

    @Override
    public Connection connect() throws SQLException {
      return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    public void close() {}
  }

  @Test
  void open_should_create_missing_directories_and_the_file_for_the_owner_only() throws IOException {
    Path file = dir.resolve("a/b/wrkr.db");

    SqliteStore.open(new StoreLocation.Sqlite(file)).close();

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a"))))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))))
        .isEqualTo("rwx------");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void the_store_file_should_be_in_wal_mode() throws SQLException {
    try (Connection c = database().connect();
        var s = c.createStatement();
        var journal = s.executeQuery("PRAGMA journal_mode")) {
      journal.next();
      assertThat(journal.getString(1)).isEqualTo("wal");
    }
  }

  /** SQLite's {@code PRAGMA synchronous} value for FULL: every commit synced before it returns. */
  private static final int FULL = 2;

  @Test
  void commits_after_one_that_need_only_survive_this_process_should_be_synced_again() throws SQLException {
    SqliteStore sqlite = (SqliteStore) store();
    assertThat(sqlite.synchronous()).isEqualTo(FULL);

    sqlite.ledger().append(processCrashOnly(0, Events.events(1, 2)));
    assertThat(sqlite.synchronous()).as("after an append").isEqualTo(FULL);

    assertThat(sqlite.ledger().append(processCrashOnly(0, Events.events(3, 1))))
        .isInstanceOf(AppendResult.Conflict.class);
    assertThat(sqlite.synchronous()).as("after a conflict").isEqualTo(FULL);

    executeRaw("INSERT INTO events (job_id, seq, created_at, type, payload)"
        + " VALUES ('job-1', 3, '2026-01-01T00:00:00.000000000Z', 't', '{}')");
    assertThatThrownBy(() -> sqlite.ledger().append(processCrashOnly(2, Events.events(3, 1))))
        .isInstanceOf(StoreException.class);
    assertThat(sqlite.synchronous()).as("after a failed transaction").isEqualTo(FULL);
    assertThat(sqlite.ledger().lastSeq(Events.aJob())).as("rolled back").isEqualTo(2);
  }

  private static AppendRequest processCrashOnly(long expectedLastSeq, java.util.List<NewEvent> events) {
    return new AppendRequest(Events.aJob(), expectedLastSeq, events, java.util.Optional.empty(),
        Durability.PROCESS_CRASH);
  }

  @Test
  void opening_a_file_that_is_not_a_database_should_fail_with_store_unavailable()
      throws IOException {
    Path file = dir.resolve("notes.txt");
    Files.writeString(file, "not a database, just text that is long enough. ".repeat(20));

    assertThatThrownBy(() -> SqliteStore.open(new StoreLocation.Sqlite(file)))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE))
        .hasMessageContaining(file.toString());
  }

  @Test
  void opening_under_a_path_that_is_a_file_should_fail_with_store_unavailable()
      throws IOException {
    Path blocker = dir.resolve("blocker");
    Files.writeString(blocker, "x");

    assertThatThrownBy(() -> SqliteStore.open(new StoreLocation.Sqlite(blocker.resolve("wrkr.db"))))
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE));
  }
}
