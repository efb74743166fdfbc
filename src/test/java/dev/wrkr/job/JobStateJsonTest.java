package dev.wrkr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobState.CheckpointRef;
import dev.wrkr.job.JobState.EnvFingerprint;
import dev.wrkr.job.JobState.StepInFlight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class JobStateJsonTest {
  static Stream<Long> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return LongStream.range(0, 200).mapToObj(i -> base + i);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void snapshots_should_have_the_wire_mappers_bytes_and_read_back_equal(long seed) {
    JobState state = randomState(new SplittableRandom(seed));

    String json = JobStateJson.write(state);

    assertThat(json).isEqualTo(Json.wire().writeValueAsString(state));
    assertThat(JobStateJson.read(json)).isEqualTo(state);
    assertThat(Json.wire().readValue(json, JobState.class)).isEqualTo(state);
  }

  @Test
  void every_prefix_of_a_history_with_each_event_type_should_round_trip() {
    JobState s = JobState.empty(JobId.of("job_1"));
    List<JobEvent> events = new ArrayList<>(JobEvents.oneOfEach());
    events.add(events.indexOf(new JobEvent.StepStarted("plan", 0, 1, "dispatch-host-42")) + 1,
        new JobEvent.StepProcess("plan", 0, 1, 4242, "vm-1"));
    for (JobEvent e : events) {
      s = s.apply(s.lastAppliedSeq() + 1, e);
      assertThat(JobStateJson.read(JobStateJson.write(s))).isEqualTo(s);
      assertThat(JobStateJson.write(s)).isEqualTo(Json.wire().writeValueAsString(s));
    }
  }

  @Test
  void anything_but_a_snapshot_should_be_refused_so_the_caller_rebuilds_from_the_ledger() {
    String good = JobStateJson.write(JobState.empty(JobId.of("job_1")));

    assertThatThrownBy(() -> JobStateJson.read(good.replace("\"job_id\"", "\"job\"")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobStateJson.read(good.replace("\"status\":\"queued\"", "\"status\":7")))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobStateJson.read("[]")).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> JobStateJson.read(good + "{}")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> JobStateJson.read("{\"job_id\":")).isInstanceOf(RuntimeException.class);
  }

  static JobState randomState(SplittableRandom rnd) {
    TreeSet<String> keys = new TreeSet<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      keys.add(text(rnd));
    }
    return new JobState(
        JobId.of("job_" + rnd.nextInt(1000)),
        JobStatus.values()[rnd.nextInt(JobStatus.values().length)],
        rnd.nextLong(0, Long.MAX_VALUE), rnd.nextInt(1000), rnd.nextInt(1000),
        keys,
        rnd.nextLong(0, 1_000_000),
        rnd.nextBoolean() ? Optional.of(Instant.ofEpochSecond(rnd.nextLong(0, 4_000_000_000L), rnd.nextInt(1_000_000_000)))
            : Optional.empty(),
        rnd.nextBoolean() ? List.of("E_ADAPTER_FAIL", text(rnd)) : List.of(),
        rnd.nextBoolean() ? Optional.of(fingerprint(rnd)) : Optional.empty(),
        rnd.nextBoolean()
            ? Optional.of(new CheckpointRef(rnd.nextLong(1, 100_000), text(rnd), text(rnd),
                JobStatus.values()[rnd.nextInt(JobStatus.values().length)]))
            : Optional.empty(),
        rnd.nextBoolean() ? Optional.of(text(rnd)) : Optional.empty(),
        new Budgets(rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100), rnd.nextInt(100),
            rnd.nextBoolean() ? Optional.of(decimal(rnd)) : Optional.empty(),
            rnd.nextBoolean() ? Optional.of(rnd.nextLong(0, Long.MAX_VALUE)) : Optional.empty()),
        rnd.nextInt(500),
        rnd.nextLong(0, Long.MAX_VALUE),
        decimal(rnd),
        rnd.nextBoolean()
            ? Optional.of(new StepInFlight(text(rnd), rnd.nextInt(500), rnd.nextInt(1, 9), text(rnd),
                rnd.nextLong(1, 100_000), rnd.nextBoolean() ? Optional.of(rnd.nextLong(1, 4_194_304)) : Optional.empty(),
                rnd.nextBoolean() ? Optional.of(text(rnd)) : Optional.empty()))
            : Optional.empty());
  }

  private static EnvFingerprint fingerprint(SplittableRandom rnd) {
    Map<String, String> values = new TreeMap<>();
    for (int i = rnd.nextInt(4); i > 0; i--) {
      values.put(text(rnd), text(rnd));
    }
    return new EnvFingerprint("h" + rnd.nextLong(), List.of("os", text(rnd)), values);
  }

  private static double decimal(SplittableRandom rnd) {
    return switch (rnd.nextInt(4)) {
      case 0 -> 0.0;
      case 1 -> rnd.nextInt(1000);
      case 2 -> rnd.nextDouble() * 1e-7;
      default -> rnd.nextDouble() * 1e22;
    };
  }

  /** Text with escapes, non-ASCII and astral characters. */
  private static String text(SplittableRandom rnd) {
    String[] parts = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\u0001", "é", "\u2028", "😀", "/", "<", "&"};
    StringBuilder b = new StringBuilder();
    for (int i = rnd.nextInt(1, 12); i > 0; i--) {
      b.append(parts[rnd.nextInt(parts.length)]);
    }
    return b.toString();
  }
}
