package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.anEvent;
import static dev.wrkr.store.Events.append;
import static dev.wrkr.store.Events.appendWithSnapshot;
import static dev.wrkr.store.Events.events;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.job.JobId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The retention part of {@link StoreContract}: what prune may select and delete. */
interface RetentionContract extends StoreFixture {
  Instant LATER = T0.plus(Duration.ofDays(30));

  private void job(String id, String status) {
    store().ledger().append(appendWithSnapshot(JobId.of(id), 0, events(1, 2), status));
  }

  @Test
  default void candidates_should_be_old_terminal_jobs_only_ordered_by_id() {
    job("z-done", "completed");
    job("a-canceled", "canceled");
    job("running", "running");
    job("queued", "queued");
    job("paused", "paused");
    job("blocked", "blocked_error");

    assertThat(store().retention().candidates(LATER, LATER))
        .extracting(PruneCandidate::jobId, PruneCandidate::lastSeq, PruneCandidate::status,
            PruneCandidate::lastEventAt, PruneCandidate::payloadBytes)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(JobId.of("a-canceled"), 2L, "canceled", T0.plusMillis(2), 14L),
            org.assertj.core.groups.Tuple.tuple(JobId.of("z-done"), 2L, "completed", T0.plusMillis(2), 14L));
  }

  @Test
  default void a_job_whose_last_event_is_not_older_than_the_cut_off_should_not_be_a_candidate() {
    job("done", "completed");

    assertThat(store().retention().candidates(T0.plusMillis(2), LATER)).isEmpty();
    assertThat(store().retention().candidates(T0.plusMillis(3), LATER)).hasSize(1);
  }

  @Test
  default void delete_should_remove_events_lease_and_job_row() throws Exception {
    job("done", "completed");
    Lease lease = acquire("done", T0);
    store().leases().release(lease);

    assertThat(store().retention().deleteIfStillPrunable(JobId.of("done"), 2, LATER)).isTrue();

    assertThat(store().index().find(JobId.of("done"))).isEmpty();
    assertThat(store().ledger().read(JobId.of("done"), 0)).isEmpty();
    assertThat(queryRaw("SELECT COUNT(*) FROM leases")).isZero();
  }

  @Test
  default void a_job_with_a_live_lease_should_be_kept() {
    job("done", "completed");
    acquire("done", LATER.minusSeconds(1));

    assertThat(store().retention().candidates(LATER, LATER)).isEmpty();

    assertThat(store().retention().deleteIfStillPrunable(JobId.of("done"), 2, LATER)).isFalse();
    assertThat(store().ledger().lastSeq(JobId.of("done"))).isEqualTo(2);
  }

  @Test
  default void an_expired_lease_should_not_keep_a_job() {
    job("done", "completed");
    acquire("done", T0);

    assertThat(store().retention().deleteIfStillPrunable(JobId.of("done"), 2, LATER)).isTrue();
  }

  @Test
  default void a_job_that_got_an_event_after_selection_should_be_kept() {
    job("done", "completed");
    List<PruneCandidate> selected = store().retention().candidates(LATER, LATER);
    store().ledger().append(append(JobId.of("done"), 2, anEvent(3)));

    assertThat(store().retention().deleteIfStillPrunable(JobId.of("done"), selected.get(0).lastSeq(), LATER))
        .isFalse();
    assertThat(store().ledger().lastSeq(JobId.of("done"))).isEqualTo(3);
  }

  @Test
  default void a_running_job_should_never_be_deleted() {
    job("run", "running");

    assertThat(store().retention().deleteIfStillPrunable(JobId.of("run"), 2, LATER)).isFalse();
    assertThat(store().index().find(JobId.of("run"))).isPresent();
  }

  @Test
  default void deleting_one_job_should_keep_the_others() {
    job("a", "completed");
    job("b", "completed");

    store().retention().deleteIfStillPrunable(JobId.of("a"), 2, LATER);

    assertThat(store().index().list(Optional.empty(), 10)).extracting(JobRow::jobId)
        .containsExactly(JobId.of("b"));
  }

  private Lease acquire(String job, Instant at) {
    LeaseResult result = store().leases().acquire(JobId.of(job), new WorkerId("w1"), at, Duration.ofMinutes(1));
    return ((LeaseResult.Acquired) result).lease();
  }
}
