package dev.wrkr.job;

import static dev.wrkr.job.JobEvents.checkpoint;
import static dev.wrkr.job.JobEvents.initialized;
import static dev.wrkr.job.JobEvents.moved;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobState.SequencedEvent;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobStateTest {
  private static final JobId JOB = JobId.of("job_1");

  private static List<SequencedEvent> numbered(List<JobEvent> events) {
    return JobEvents.numbered(events);
  }

  static Stream<Long> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return LongStream.range(0, 40).mapToObj(i -> base + i);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void folding_in_any_split_through_a_snapshot_should_equal_folding_at_once(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<SequencedEvent> events = numbered(JobEvents.randomHistory(rnd, 2 + rnd.nextInt(200)));
    JobState whole = JobState.empty(JOB).applyAll(events);

    int cut = 1 + rnd.nextInt(events.size());
    JobState head = JobState.empty(JOB).applyAll(events.subList(0, cut));
    JobState snapshot = Json.wire().readValue(Json.wire().writeValueAsString(head), JobState.class);
    JobState resumed = snapshot.applyAll(events.subList(cut, events.size()));

    assertThat(snapshot).isEqualTo(head);
    assertThat(resumed).isEqualTo(whole);
    assertThat(whole.lastAppliedSeq()).isEqualTo(events.size());
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void status_should_be_the_target_of_the_last_status_change(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    List<JobEvent> history = JobEvents.randomHistory(rnd, 2 + rnd.nextInt(200));
    JobStatus expected = JobStatus.QUEUED;
    for (JobEvent e : history) {
      if (e instanceof JobEvent.StatusChanged s) {
        expected = s.to();
      }
    }
    assertThat(JobState.empty(JOB).applyAll(numbered(history)).status()).isEqualTo(expected);
  }

  @Test
  void checkpoints_should_set_reason_codes_and_the_latest_checkpoint() {
    JobState s =
        JobState.empty(JOB)
            .applyAll(numbered(List.of(
                initialized(),
                moved(JobStatus.QUEUED, JobStatus.RUNNING),
                checkpoint("blocked", "budget exceeded", JobStatus.BLOCKED_BUDGET, "E_BUDGET_EXCEEDED"))));
    assertThat(s.lastReasonCodes()).containsExactly("E_BUDGET_EXCEEDED");
    assertThat(s.lastCheckpoint()).hasValueSatisfying(c -> {
      assertThat(c.id()).isEqualTo("cp_3");
      assertThat(c.type()).isEqualTo("blocked");
    });
  }

  @Test
  void an_illegal_status_change_in_the_ledger_should_fail_closed() {
    List<SequencedEvent> events =
        numbered(List.of(initialized(), moved(JobStatus.QUEUED, JobStatus.COMPLETED)));
    assertCorrupt(() -> JobState.empty(JOB).applyAll(events), "ledger holds an illegal status change");
  }

  @Test
  void a_status_change_from_the_wrong_status_should_fail_closed() {
    List<SequencedEvent> events =
        numbered(List.of(initialized(), moved(JobStatus.RUNNING, JobStatus.PAUSED)));
    assertCorrupt(() -> JobState.empty(JOB).applyAll(events), "ledger holds an illegal status change");
  }

  @Test
  void a_gap_in_sequence_numbers_should_fail_closed() {
    JobState s = JobState.empty(JOB).apply(1, initialized());
    assertCorrupt(() -> s.apply(3, moved(JobStatus.QUEUED, JobStatus.RUNNING)), "ledger sequence gap");
  }

  @Test
  void a_ledger_must_start_with_job_initialized_and_only_once() {
    assertCorrupt(
        () -> JobState.empty(JOB).apply(1, moved(JobStatus.QUEUED, JobStatus.RUNNING)),
        "ledger does not start with job_initialized");
    JobState s = JobState.empty(JOB).apply(1, initialized());
    assertCorrupt(() -> s.apply(2, initialized()), "job initialized twice");
  }

  private static void assertCorrupt(org.assertj.core.api.ThrowableAssert.ThrowingCallable call, String message) {
    assertThatThrownBy(call)
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_CORRUPT);
              assertThat(e.getMessage()).isEqualTo(message);
              assertThat(e.details()).containsKeys("job_id", "seq", "type");
            });
  }
}
