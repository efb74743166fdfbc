package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static dev.wrkr.store.Events.anEvent;
import static dev.wrkr.store.Events.append;
import static dev.wrkr.store.Events.appendWithSnapshot;
import static dev.wrkr.store.Events.events;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The ledger part of {@link StoreContract}: numbering, optimistic appends, exact round trips. */
interface LedgerContract extends StoreFixture {
  @Test
  default void first_append_should_create_the_job_at_seq_1() {
    AppendResult result = store().ledger().append(append(aJob(), 0, anEvent(1)));

    assertThat(result).isEqualTo(new AppendResult.Appended(1, 1));
    assertThat(store().ledger().lastSeq(aJob())).isEqualTo(1);
    JobRow row = store().index().find(aJob()).orElseThrow();
    assertThat(row.lastSeq()).isEqualTo(1);
    assertThat(row.createdAt()).isEqualTo(anEvent(1).createdAt());
    assertThat(row.snapshot()).isEmpty();
  }

  @Test
  default void sequential_appends_should_number_events_without_gaps() {
    Ledger ledger = store().ledger();
    assertThat(ledger.append(append(aJob(), 0, anEvent(1))))
        .isEqualTo(new AppendResult.Appended(1, 1));
    assertThat(ledger.append(append(aJob(), 1, anEvent(2))))
        .isEqualTo(new AppendResult.Appended(2, 2));
    assertThat(ledger.append(append(aJob(), 2, anEvent(3))))
        .isEqualTo(new AppendResult.Appended(3, 3));

    assertThat(ledger.read(aJob(), 0)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(ledger.lastSeq(aJob())).isEqualTo(3);
  }

  @Test
  default void a_batch_should_get_contiguous_seqs_in_the_order_given() {
    Ledger ledger = store().ledger();
    assertThat(ledger.append(append(aJob(), 0, events(1, 5))))
        .isEqualTo(new AppendResult.Appended(1, 5));
    assertThat(ledger.append(append(aJob(), 5, events(6, 3))))
        .isEqualTo(new AppendResult.Appended(6, 8));

    List<StoredEvent> stored = ledger.read(aJob(), 0);
    assertThat(stored).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
    assertThat(stored)
        .extracting(StoredEvent::payloadJson)
        .containsExactlyElementsOf(events(1, 8).stream().map(NewEvent::payloadJson).toList());
  }

  @Test
  default void append_with_a_stale_expected_seq_should_conflict_and_write_nothing() {
    Ledger ledger = store().ledger();
    ledger.append(append(aJob(), 0, events(1, 2)));

    AppendResult result = ledger.append(appendWithSnapshot(aJob(), 1, events(3, 3), "running"));

    assertThat(result).isEqualTo(new AppendResult.Conflict(1, 2));
    assertThat(ledger.read(aJob(), 0)).hasSize(2);
    assertThat(ledger.lastSeq(aJob())).isEqualTo(2);
    assertThat(store().index().find(aJob()).orElseThrow().snapshot()).isEmpty();
  }

  @Test
  default void append_ahead_of_the_ledger_should_conflict_with_the_actual_seq() {
    store().ledger().append(append(aJob(), 0, events(1, 2)));

    assertThat(store().ledger().append(append(aJob(), 5, anEvent(3))))
        .isEqualTo(new AppendResult.Conflict(5, 2));
    assertThat(store().ledger().read(aJob(), 0)).hasSize(2);
  }

  @Test
  default void creating_a_job_that_exists_should_conflict() {
    store().ledger().append(append(aJob(), 0, events(1, 3)));

    assertThat(store().ledger().append(append(aJob(), 0, anEvent(9))))
        .isEqualTo(new AppendResult.Conflict(0, 3));
    assertThat(store().ledger().read(aJob(), 0)).hasSize(3);
  }

  @Test
  default void appending_after_seq_3_to_an_unknown_job_should_conflict_with_0() {
    JobId unknown = JobId.of("nobody");

    assertThat(store().ledger().append(append(unknown, 3, anEvent(1))))
        .isEqualTo(new AppendResult.Conflict(3, 0));
    assertThat(store().index().find(unknown)).isEmpty();
    assertThat(store().ledger().read(unknown, 0)).isEmpty();
  }

  @Test
  default void read_should_return_the_events_after_the_given_seq_in_order() {
    store().ledger().append(append(aJob(), 0, events(1, 5)));

    assertThat(store().ledger().read(aJob(), 2))
        .extracting(StoredEvent::seq)
        .containsExactly(3L, 4L, 5L);
    assertThat(store().ledger().read(aJob(), 5)).isEmpty();
    assertThat(store().ledger().read(aJob(), 9)).isEmpty();
  }

  @Test
  default void reading_page_by_page_should_return_every_event_once_in_order() {
    store().ledger().append(append(aJob(), 0, events(1, 7)));

    assertThat(store().ledger().readPage(aJob(), 0, 3)).extracting(StoredEvent::seq).containsExactly(1L, 2L, 3L);
    assertThat(store().ledger().readPage(aJob(), 3, 3)).extracting(StoredEvent::seq).containsExactly(4L, 5L, 6L);
    assertThat(store().ledger().readPage(aJob(), 6, 3)).extracting(StoredEvent::seq).containsExactly(7L);
    assertThat(store().ledger().readPage(aJob(), 7, 3)).isEmpty();
    assertThat(store().ledger().readPage(JobId.of("nobody"), 0, 3)).isEmpty();
    assertThatThrownBy(() -> store().ledger().readPage(aJob(), 0, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  default void reading_one_type_should_return_only_its_events_in_order() {
    store().ledger().append(append(aJob(), 0, events(1, 3)));
    store().ledger().append(append(aJob(), 3, new NewEvent("checkpoint_emitted", T0, "{\"n\":4}"),
        anEvent(5), new NewEvent("checkpoint_emitted", T0, "{\"n\":6}")));

    assertThat(store().ledger().readType(aJob(), "checkpoint_emitted"))
        .extracting(StoredEvent::seq, StoredEvent::payloadJson)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "{\"n\":4}"),
            org.assertj.core.groups.Tuple.tuple(6L, "{\"n\":6}"));
    assertThat(store().ledger().readType(aJob(), "nothing_like_it")).isEmpty();
    assertThat(store().ledger().readType(JobId.of("nobody"), "checkpoint_emitted")).isEmpty();
  }

  @Test
  default void reading_several_types_up_to_a_seq_should_return_only_their_events_in_order() {
    store().ledger().append(append(aJob(), 0, events(1, 3)));
    store().ledger().append(append(aJob(), 3, new NewEvent("checkpoint_emitted", T0, "{\"n\":4}"),
        new NewEvent("approval_recorded", T0, "{\"n\":5}"), anEvent(6),
        new NewEvent("checkpoint_emitted", T0, "{\"n\":7}"), new NewEvent("approval_recorded", T0, "{\"n\":8}")));

    assertThat(store().ledger().readTypes(aJob(), java.util.Set.of("checkpoint_emitted", "approval_recorded"), 7))
        .extracting(StoredEvent::seq, StoredEvent::type)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "checkpoint_emitted"),
            org.assertj.core.groups.Tuple.tuple(5L, "approval_recorded"),
            org.assertj.core.groups.Tuple.tuple(7L, "checkpoint_emitted"));
    assertThat(store().ledger().readTypes(aJob(), java.util.Set.of("approval_recorded"), 100))
        .extracting(StoredEvent::seq).containsExactly(5L, 8L);
    assertThat(store().ledger().readTypes(aJob(), java.util.Set.of("nothing_like_it"), 100)).isEmpty();
    assertThat(store().ledger().readTypes(aJob(), java.util.Set.of(), 100)).isEmpty();
    assertThat(store().ledger().readTypes(JobId.of("nobody"), java.util.Set.of("checkpoint_emitted"), 100)).isEmpty();
  }

  @Test
  default void reading_or_sizing_an_unknown_job_should_find_nothing() {
    assertThat(store().ledger().read(JobId.of("nobody"), 0)).isEmpty();
    assertThat(store().ledger().lastSeq(JobId.of("nobody"))).isZero();
  }

  @Test
  default void events_should_round_trip_exactly() {
    List<NewEvent> tricky =
        List.of(
            new NewEvent("job_created", T0, "{\"name\":\"Grüße, 世界 🚀\",\"q\":\"\\\"\\\\\"}"),
            new NewEvent("x.y-z_1", Instant.parse("1969-12-31T23:59:59.999999999Z"), "{}"),
            new NewEvent("t", Instant.parse("2026-01-01T00:00:00Z"), "  {\n\t\"ws\" : [1, 2]\n}  "),
            new NewEvent("t", Instant.parse("9999-12-31T23:59:59.000000001Z"), "{\"e\":1e-7}"),
            new NewEvent("big", T0.plusNanos(1), "{\"s\":\"" + "a\\u0000".repeat(20_000) + "\"}"));

    store().ledger().append(append(aJob(), 0, tricky));

    List<StoredEvent> stored = store().ledger().read(aJob(), 0);
    assertThat(stored).hasSize(tricky.size());
    for (int i = 0; i < tricky.size(); i++) {
      NewEvent sent = tricky.get(i);
      assertThat(stored.get(i))
          .isEqualTo(
              new StoredEvent(aJob(), i + 1, sent.createdAt(), sent.type(), sent.payloadJson()));
    }
  }

  @Test
  default void a_payload_with_a_raw_nul_character_should_be_refused_before_writing() {
    NewEvent withNul = new NewEvent("t", T0, "{\"s\":\"a\0b\"}");

    assertThatThrownBy(() -> store().ledger().append(append(aJob(), 0, withNul)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("NUL");
    assertThat(store().ledger().lastSeq(aJob())).isZero();
  }
}
