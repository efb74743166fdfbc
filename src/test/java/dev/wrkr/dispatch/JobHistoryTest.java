package dev.wrkr.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.app.AppServices;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.JobSnapshot;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.SnapshotCheckpoint;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The fold of the ledger through a real store, on both adapters. */
class JobHistoryTest {
  private static final JobId JOB = JobId.of("job_1");
  @TempDir Path dir;
  private JobStore store;

  private JobHistory open(String kind) {
    store = AppServices.openStore(StoreLocation.parse(TestStoreUrls.fresh(kind, dir)));
    return new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
  }

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  static Stream<Arguments> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return Stream.of("sqlite", "postgres").flatMap(k -> Stream.of(0, 1, 2, 3).map(i -> Arguments.of(k, base + i)));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("seeds")
  void loading_should_equal_the_pure_fold_whatever_the_batches_and_snapshots(String kind, long seed) {
    JobHistory history = open(kind);
    SplittableRandom rnd = new SplittableRandom(seed);
    List<JobEvent> events = JobEvents.randomHistory(rnd, 2 + rnd.nextInt(120));
    JobState state = JobState.empty(JOB);
    int i = 0;
    boolean dropped = false;
    while (i < events.size()) {
      int n = 1 + rnd.nextInt(Math.min(10, events.size() - i));
      state = history.append(state, events.subList(i, i + n)).orElseThrow();
      i += n;
      dropped = rnd.nextInt(5) == 0;
      if (dropped) {
        store.index().dropSnapshots();
      }
    }
    JobState expected = JobState.empty(JOB).applyAll(JobEvents.numbered(events));
    assertThat(history.load(JOB)).contains(expected);
    assertThat(history.rebuild(JOB)).contains(expected);
    // The listing columns written with the last snapshot say what the fold says.
    assertThat(store.index().listings(10).getFirst().current()).isEqualTo(
        dropped ? Optional.empty() : store.index().listings(10).getFirst().snapshot());
    store.index().listings(10).getFirst().current().ifPresent(s -> {
      assertThat(s.status()).isEqualTo(expected.status().wire());
      assertThat(s.lastCheckpoint().map(SnapshotCheckpoint::seq)).isEqualTo(expected.lastCheckpoint().map(c -> c.seq()));
      assertThat(s.lastCheckpoint().map(SnapshotCheckpoint::summary))
          .isEqualTo(expected.lastCheckpoint().map(JobState.CheckpointRef::summary));
    });
    store.index().dropSnapshots();
    assertThat(history.load(JOB)).contains(expected);
  }

  /**
   * PostgreSQL text cannot hold U+0000: a checkpoint summary with one (a JobSpec objective
   * {@code "a\0b"}) is appended on both stores, the event keeps it, the listing column shows U+FFFD.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_summary_holding_nul_should_be_appended_and_listed_with_a_replacement_character(String kind) {
    JobHistory history = open(kind);
    JobState state = history.append(JobState.empty(JOB), List.of(JobEvents.initialized(),
        JobEvents.checkpoint("plan", "obj \0 x", JobStatus.QUEUED))).orElseThrow();

    assertThat(state.lastCheckpoint().map(JobState.CheckpointRef::summary)).contains("obj \0 x");
    assertThat(history.load(JOB)).contains(state);
    assertThat(store.index().listings(10).getFirst().current().flatMap(s -> s.lastCheckpoint()).map(SnapshotCheckpoint::summary))
        .contains("obj \uFFFD x");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_stale_writer_should_get_empty_and_change_nothing(String kind) {
    JobHistory history = open(kind);
    JobState created = history.append(JobState.empty(JOB), List.of(JobEvents.initialized())).orElseThrow();
    JobState winner = history.append(created, List.of(JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING))).orElseThrow();
    assertThat(history.append(created, List.of(JobEvents.moved(JobStatus.QUEUED, JobStatus.CANCELED)))).isEmpty();
    assertThat(history.load(JOB)).contains(winner);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_garbage_snapshot_should_be_ignored_and_state_rebuilt_from_the_ledger(String kind) {
    JobHistory history = open(kind);
    JobState created = history.append(JobState.empty(JOB), List.of(JobEvents.initialized())).orElseThrow();
    store.ledger().append(new AppendRequest(JOB, 1,
        List.of(new NewEvent("status_changed", JobEvents.T0, "{\"from\":\"queued\",\"to\":\"running\"}")),
        Optional.of(new JobSnapshot(2, "completed", JobEvents.T0, "{not json"))));
    assertThat(history.load(JOB)).hasValueSatisfying(s -> {
      assertThat(s.status()).isEqualTo(JobStatus.RUNNING);
      assertThat(s.lastAppliedSeq()).isEqualTo(2);
    });
    assertThat(created.lastAppliedSeq()).isEqualTo(1);
  }

  static Stream<Arguments> corruptions() {
    return Stream.of("sqlite", "postgres").flatMap(k -> Stream.of(
        Arguments.of(k, "job_teleported", "{}", "unknown event type"),
        Arguments.of(k, "status_changed", "{\"from\":\"queued\",\"to\":\"nowhere\"}", "undecodable event payload"),
        Arguments.of(k, "status_changed", "{\"from\":\"queued\",\"to\":\"completed\"}", "ledger holds an illegal status change")));
  }

  @ParameterizedTest(name = "{0} {1} {3}")
  @MethodSource("corruptions")
  void a_ledger_that_cannot_be_replayed_should_fail_closed(String kind, String type, String payload, String message) {
    JobHistory history = open(kind);
    history.append(JobState.empty(JOB), List.of(JobEvents.initialized())).orElseThrow();
    store.ledger().append(new AppendRequest(JOB, 1, List.of(new NewEvent(type, JobEvents.T0, payload))));
    store.index().dropSnapshots();
    assertThatThrownBy(() -> history.load(JOB))
        .isInstanceOfSatisfying(WrkrException.class, e -> {
          assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_CORRUPT);
          assertThat(e.getMessage()).isEqualTo(message);
          assertThat(e.details()).containsEntry("seq", 2L);
        });
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void an_unknown_job_should_load_as_empty(String kind) {
    assertThat(open(kind).load(JobId.of("nope"))).isEmpty();
  }
}
