package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static dev.wrkr.store.Events.anEvent;
import static dev.wrkr.store.Events.append;
import static dev.wrkr.store.Events.appendWithSnapshot;
import static dev.wrkr.store.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wrkr.job.JobId;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The job index part of {@link StoreContract}: snapshots as caches, listings. */
interface JobIndexContract extends StoreFixture {
  @Test
  default void a_snapshot_written_with_a_batch_should_be_returned_by_find() {
    store().ledger().append(appendWithSnapshot(aJob(), 0, events(1, 3), "running"));

    JobRow row = store().index().find(aJob()).orElseThrow();

    assertThat(row.lastSeq()).isEqualTo(3);
    assertThat(row.snapshot())
        .contains(new JobSnapshot(3, "running", T0.plusSeconds(3), "{\"status\":\"running\"}"));
  }

  @Test
  default void an_append_without_a_snapshot_should_keep_the_older_snapshot() {
    store().ledger().append(appendWithSnapshot(aJob(), 0, events(1, 2), "running"));
    store().ledger().append(append(aJob(), 2, anEvent(3)));

    JobRow row = store().index().find(aJob()).orElseThrow();

    assertThat(row.lastSeq()).isEqualTo(3);
    assertThat(row.snapshot()).map(JobSnapshot::seq).contains(2L);
  }

  @Test
  default void a_later_snapshot_should_replace_the_earlier_one() {
    store().ledger().append(appendWithSnapshot(aJob(), 0, events(1, 2), "running"));
    store().ledger().append(appendWithSnapshot(aJob(), 2, events(3, 1), "completed"));

    assertThat(store().index().find(aJob()).orElseThrow().snapshot())
        .contains(new JobSnapshot(3, "completed", T0.plusSeconds(3), "{\"status\":\"completed\"}"));
  }

  @Test
  default void dropSnapshots_should_clear_every_snapshot_and_keep_the_jobs() {
    store().ledger().append(appendWithSnapshot(JobId.of("a"), 0, events(1, 1), "running"));
    store().ledger().append(appendWithSnapshot(JobId.of("b"), 0, events(1, 2), "paused"));

    store().index().dropSnapshots();

    assertThat(store().index().list(Optional.empty(), 10))
        .extracting(JobRow::jobId, JobRow::lastSeq, JobRow::snapshot)
        .containsExactly(
            tuple(JobId.of("a"), 1L, Optional.empty()),
            tuple(JobId.of("b"), 2L, Optional.empty()));
    assertThat(store().index().list(Optional.of("running"), 10)).isEmpty();
  }

  @Test
  default void list_should_filter_by_status_order_by_id_and_stop_at_the_limit() {
    for (String id : List.of("d", "b", "e", "a", "c")) {
      String status = id.equals("c") ? "paused" : "running";
      store().ledger().append(appendWithSnapshot(JobId.of(id), 0, events(1, 1), status));
    }
    store().ledger().append(append(JobId.of("f"), 0, anEvent(1)));

    assertThat(ids(store().index().list(Optional.of("running"), 10)))
        .containsExactly("a", "b", "d", "e");
    assertThat(ids(store().index().list(Optional.of("running"), 2))).containsExactly("a", "b");
    assertThat(ids(store().index().list(Optional.of("paused"), 10))).containsExactly("c");
    assertThat(ids(store().index().list(Optional.of("failed"), 10))).isEmpty();
    assertThat(ids(store().index().list(Optional.empty(), 10)))
        .containsExactly("a", "b", "c", "d", "e", "f");
    assertThat(store().index().list(Optional.empty(), 0)).isEmpty();
  }

  @Test
  default void list_should_order_ids_as_java_does_whatever_the_database_locale() {
    List<String> ids = List.of("b-2", "a.1", "a_1", "a-1", "ab", "A", "B", "a1", "_z", "Z.9");
    for (String id : ids) {
      store().ledger().append(append(JobId.of(id), 0, anEvent(1)));
    }

    assertThat(ids(store().index().list(Optional.empty(), 100)))
        .containsExactlyElementsOf(Stream.of(ids.toArray(String[]::new)).sorted().toList());
  }

  @Test
  default void listings_should_show_the_snapshots_status_and_checkpoint_and_whether_it_is_current() {
    SnapshotCheckpoint cp = new SnapshotCheckpoint(2, "plan", "the plan");
    store().ledger().append(new AppendRequest(JobId.of("a"), 0, events(1, 2),
        Optional.of(new JobSnapshot(2, "running", T0, "{}", Optional.of(cp)))));
    store().ledger().append(appendWithSnapshot(JobId.of("b"), 0, events(1, 1), "paused"));
    store().ledger().append(append(JobId.of("b"), 1, anEvent(2)));
    store().ledger().append(append(JobId.of("c"), 0, anEvent(1)));

    List<JobListing> listings = store().index().listings(10);

    assertThat(listings).extracting(l -> l.jobId().value(), JobListing::lastSeq, JobListing::current)
        .containsExactly(
            tuple("a", 2L, Optional.of(new JobListing.Summary(2, "running", Optional.of(cp)))),
            tuple("b", 2L, Optional.empty()),
            tuple("c", 1L, Optional.empty()));
    assertThat(listings.get(1).snapshot()).contains(new JobListing.Summary(1, "paused", Optional.empty()));
    assertThat(store().index().find(JobId.of("a")).orElseThrow().snapshot().orElseThrow().lastCheckpoint())
        .contains(cp);
    assertThat(store().index().listings(1)).hasSize(1);
    assertThat(store().index().listings(0)).isEmpty();

    store().index().dropSnapshots();

    assertThat(store().index().listings(10)).allSatisfy(l -> assertThat(l.snapshot()).isEmpty());
  }

  @Test
  default void find_of_an_unknown_job_should_be_empty() {
    assertThat(store().index().find(JobId.of("nobody"))).isEmpty();
  }

  private static List<String> ids(List<JobRow> rows) {
    return rows.stream().map(row -> row.jobId().value()).toList();
  }
}
