package dev.wrkr.store;

import static dev.wrkr.store.Events.aJob;
import static dev.wrkr.store.Events.append;
import static dev.wrkr.store.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.job.JobId;
import dev.wrkr.store.jdbc.Migrator;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/** The schema part of {@link StoreContract}: migrations, and rows that cannot be read back. */
interface SchemaContract extends StoreFixture {
  String A_TIME = "'2026-01-01T00:00:00.000000000Z'";

  private static void assertFailsWith(ReasonCode code, ThrowingCallable call) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(StoreException.class, e -> assertThat(e.code()).isEqualTo(code));
  }

  private void insertJob(String id, long lastSeq) throws SQLException {
    executeRaw(
        "INSERT INTO jobs (job_id, created_at, last_seq) VALUES ('" + id + "', " + A_TIME + ", "
            + lastSeq + ")");
  }

  private void insertEvent(String id, long seq, String createdAt) throws SQLException {
    executeRaw(
        "INSERT INTO events (job_id, seq, created_at, type, payload) VALUES ('" + id + "', " + seq
            + ", " + createdAt + ", 't', '{}')");
  }

  @Test
  default void reopening_a_store_should_not_migrate_it_again_and_keep_its_data()
      throws SQLException {
    store().ledger().append(append(aJob(), 0, events(1, 2)));

    for (int i = 0; i < 2; i++) {
      try (JobStore reopened = database().open()) {
        assertThat(reopened.ledger().read(aJob(), 0)).hasSize(2);
      }
    }

    assertThat(queryRaw("SELECT COUNT(*) FROM schema_version")).isEqualTo(Migrator.MIGRATIONS.size());
    assertThat(queryRaw("SELECT MAX(version) FROM schema_version")).isEqualTo(Migrator.latest());
  }

  @Test
  default void a_store_whose_schema_is_newer_than_this_build_should_refuse_to_open()
      throws SQLException {
    executeRaw(
        "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', "
            + A_TIME + ")");

    assertThatThrownBy(() -> database().open().close())
        .isInstanceOfSatisfying(
            StoreException.class,
            e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_UNAVAILABLE))
        .hasMessage("store schema version 99 is newer than this wrkr supports (" + Migrator.latest() + "); upgrade wrkr");
  }

  @Test
  default void opening_a_new_store_from_several_threads_at_once_should_migrate_it_once()
      throws Exception {
    // Several rounds: the lock fight on a brand-new file is a narrow window.
    for (int round = 0; round < 5; round++) {
      try (TestDatabase fresh = anotherDatabase()) {
        openConcurrently(fresh, 8);
        try (var connection = fresh.connect();
            var statement = connection.createStatement();
            var row = statement.executeQuery("SELECT COUNT(*) FROM schema_version")) {
          row.next();
          assertThat(row.getLong(1)).isEqualTo(Migrator.MIGRATIONS.size());
        }
      }
    }
  }

  private static void openConcurrently(TestDatabase fresh, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> opened = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        opened.add(
            pool.submit(
                () -> {
                  start.await();
                  fresh.open().close();
                  return null;
                }));
      }
      start.countDown();
      for (Future<?> f : opened) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  default void an_event_whose_time_cannot_be_read_should_be_reported_as_corrupt()
      throws SQLException {
    insertJob("j", 1);
    insertEvent("j", 1, "'yesterday'");

    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().ledger().read(JobId.of("j"), 0));
  }

  @Test
  default void a_gap_in_the_ledger_should_be_reported_as_corrupt() throws SQLException {
    insertJob("j", 3);
    insertEvent("j", 1, A_TIME);
    insertEvent("j", 3, A_TIME);

    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().ledger().read(JobId.of("j"), 0));
    assertThat(store().ledger().read(JobId.of("j"), 2))
        .extracting(StoredEvent::seq)
        .containsExactly(3L);
  }

  @Test
  default void a_job_row_that_cannot_be_read_should_be_reported_as_corrupt() throws SQLException {
    executeRaw("INSERT INTO jobs (job_id, created_at, last_seq) VALUES ('j', 'soon', 1)");
    insertJob("bad id!", 1);

    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().index().find(JobId.of("j")));
    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().index().list(Optional.empty(), 10));
  }

  @Test
  default void a_half_written_or_future_snapshot_should_be_reported_as_corrupt()
      throws SQLException {
    insertJob("half", 1);
    executeRaw("UPDATE jobs SET snapshot_seq = 1 WHERE job_id = 'half'");
    insertJob("ahead", 1);
    executeRaw(
        "UPDATE jobs SET snapshot_seq = 2, snapshot_status = 'running', snapshot_updated_at = "
            + A_TIME + ", snapshot_state = '{}' WHERE job_id = 'ahead'");

    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().index().find(JobId.of("half")));
    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().index().find(JobId.of("ahead")));
  }

  @Test
  default void a_lease_that_cannot_be_read_should_be_reported_as_corrupt() throws SQLException {
    executeRaw(
        "INSERT INTO leases (job_id, worker_id, lease_id, epoch, acquired_at, heartbeat_at,"
            + " expires_at, released) VALUES ('j', ' ', 'l', 1, 0, 0, 0, 0)");

    assertFailsWith(ReasonCode.E_STORE_CORRUPT, () -> store().leases().current(JobId.of("j")));
  }
}
