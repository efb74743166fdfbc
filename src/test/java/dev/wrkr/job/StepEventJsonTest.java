package dev.wrkr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link StepEventJson} must read the step events the runner writes exactly as the mapper does,
 * and must leave every other shape to the mapper (same event, or the same refusal).
 */
class StepEventJsonTest {
  private static final JobId JOB = JobId.of("job_1");

  static Stream<Long> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return LongStream.range(0, 400).mapToObj(i -> base + i);
  }

  static Stream<Long> moreSeeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return LongStream.range(0, 3_000).mapToObj(i -> base + i);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void written_payloads_should_read_back_as_the_mapper_reads_them(long seed) {
    JobEvent event = randomEvent(new SplittableRandom(seed));
    String payload = EventCodec.encode(event);

    assertThat(StepEventJson.read(event.type(), payload)).as(payload).contains(event);
    assertThat(Json.wire().readValue(payload, event.getClass())).isEqualTo(event);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("moreSeeds")
  void damaged_payloads_should_decode_or_be_refused_exactly_as_with_the_mapper(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    JobEvent event = randomEvent(rnd);
    String payload = damage(EventCodec.encode(event), rnd);

    Optional<JobEvent> viaMapper =
        CheckpointEventJsonTest.decode(() -> Json.wire().readValue(payload, event.getClass()));
    Optional<JobEvent> viaCodec =
        CheckpointEventJsonTest.decode(() -> EventCodec.decode(JOB, 1, event.type(), payload));

    assertThat(viaCodec).as(payload).isEqualTo(viaMapper);
    StepEventJson.read(event.type(), payload)
        .ifPresent(e -> assertThat(Optional.of(e)).as(payload).isEqualTo(viaMapper));
  }

  /** One local change: a value replaced, a field renamed or doubled, or an unknown field. */
  private static String damage(String payload, SplittableRandom rnd) {
    String[] values = {"null", "1", "1.5", "-3", "\"x\"", "[]", "{}", "[1]", "true", "99999999999999999999",
        "2147483648", "[\"a\"]", "[{\"path\":\"p\",\"status\":\"present\"}]", "0.25"};
    String[] keys = {"step_id", "step_index", "attempt", "worker_id", "pid", "host", "retry_count", "step_count",
        "tool_call_count", "tokens", "estimated_cost", "source", "artifacts", "path", "status", "sha256", "size",
        "adapter", "command", "executed", "summary", "outcome", "exit_code", "logs", "stdout", "stderr_bytes",
        "truncated"};
    List<String> present = java.util.Arrays.stream(keys).filter(k -> payload.contains("\"" + k + "\":")).toList();
    String key = "\"" + (present.isEmpty() || rnd.nextInt(4) == 0 ? keys[rnd.nextInt(keys.length)]
        : present.get(rnd.nextInt(present.size()))) + "\":";
    int at = payload.indexOf(key);
    return switch (rnd.nextInt(5)) {
      case 0, 1 -> at < 0 ? payload : payload.substring(0, at + key.length()) + values[rnd.nextInt(values.length)]
          + CheckpointEventJsonTest.skipValue(payload, at + key.length());
      case 2 -> at < 0 ? payload : payload.replace(key, "\"other\":");
      case 3 -> payload.substring(0, payload.length() - 1) + "," + key + values[rnd.nextInt(values.length)] + "}";
      default -> payload.substring(0, payload.length() - 1) + ",\"extra\":" + values[rnd.nextInt(values.length)] + "}";
    };
  }

  static JobEvent randomEvent(SplittableRandom rnd) {
    String[] texts = {"s1", "step 3", "a \"quoted\" \\ path", "é\u2028😀", "", "x".repeat(50)};
    String text = texts[rnd.nextInt(texts.length)];
    long index = rnd.nextBoolean() ? rnd.nextInt(100) : rnd.nextLong(0, 1L << 53);
    int attempt = rnd.nextInt(1, 5);
    return switch (rnd.nextInt(5)) {
      case 0 -> new JobEvent.StepStarted(text, index, attempt, "worker-" + rnd.nextInt(9));
      case 1 -> new JobEvent.StepProcess(text, index, attempt, rnd.nextLong(1, 1L << 40), "host-" + text);
      case 2 -> new JobEvent.CountersUpdated(rnd.nextInt(5), rnd.nextLong(0, 1L << 40), rnd.nextInt(999),
          rnd.nextLong(0, 1L << 40), rnd.nextBoolean() ? 0 : rnd.nextInt(100_000) / 8.0);
      case 3 -> new JobEvent.ArtifactsRecorded("step:" + text, rnd.nextBoolean() ? List.of() : List.of(
          new JobEvent.ArtifactRecord("out/" + text, "present", Optional.of("ab".repeat(32)), Optional.of(index)),
          new JobEvent.ArtifactRecord("gone.md", "missing", Optional.empty(), Optional.empty())));
      default -> new JobEvent.AdapterStep("reference", rnd.nextBoolean() ? List.of() : List.of("a.md", text),
          "make " + text, rnd.nextBoolean(), text, index, "summary " + text,
          rnd.nextBoolean() ? Optional.of(List.of("succeeded", "failed", "timed_out").get(rnd.nextInt(3))) : Optional.empty(),
          rnd.nextBoolean() ? Optional.of(rnd.nextInt(-1, 256)) : Optional.empty(),
          rnd.nextBoolean() ? Optional.of(attempt) : Optional.empty(),
          rnd.nextBoolean() ? Optional.of(new JobEvent.StepLogs(".wrkr/logs/o.log", ".wrkr/logs/e.log",
              rnd.nextLong(0, 1L << 40), rnd.nextInt(999), rnd.nextBoolean())) : Optional.empty());
    };
  }
}
