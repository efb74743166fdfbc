package dev.wrkr.job;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.job.JobEvent.CheckpointEmitted;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class CheckpointEventJsonTest {
  private static final JobId JOB = JobId.of("job_1");

  static Stream<Long> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return LongStream.range(0, 300).mapToObj(i -> base + i);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void written_payloads_should_read_back_as_the_mapper_reads_them(long seed) {
    CheckpointEmitted event = randomEvent(new SplittableRandom(seed));
    String payload = EventCodec.encode(event);

    assertThat(CheckpointEventJson.read(payload)).contains(event);
    assertThat(Json.wire().readValue(payload, CheckpointEmitted.class)).isEqualTo(event);
  }

  @ParameterizedTest(name = "seed={0}")
  @MethodSource("seeds")
  void damaged_payloads_should_decode_or_be_refused_exactly_as_with_the_mapper(long seed) {
    SplittableRandom rnd = new SplittableRandom(seed);
    String payload = damage(EventCodec.encode(randomEvent(rnd)), rnd);

    Optional<JobEvent> viaMapper = decode(() -> Json.wire().readValue(payload, CheckpointEmitted.class));
    Optional<JobEvent> viaCodec = decode(() -> EventCodec.decode(JOB, 1, CheckpointEmitted.TYPE, payload));

    assertThat(viaCodec).as(payload).isEqualTo(viaMapper);
    CheckpointEventJson.read(payload).ifPresent(e -> assertThat(Optional.<JobEvent>of(e)).isEqualTo(viaMapper));
  }

  static Optional<JobEvent> decode(java.util.function.Supplier<JobEvent> decoder) {
    try {
      return Optional.ofNullable(decoder.get());
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  /** One local change: a value replaced, a field dropped or doubled, or an unknown field. */
  private static String damage(String payload, SplittableRandom rnd) {
    String[] values = {"null", "1", "1.5", "-3", "\"x\"", "[]", "{}", "[1]", "true", "99999999999999999999",
        "\"running\"", "\"nope\""};
    String[] keys = {"type", "summary", "status", "budget_state", "artifacts_delta", "required_action",
        "reason_codes", "step_count", "added", "kind", "instructions"};
    String key = "\"" + keys[rnd.nextInt(keys.length)] + "\":";
    int at = payload.indexOf(key);
    return switch (rnd.nextInt(4)) {
      case 0 -> at < 0 ? payload : payload.substring(0, at + key.length()) + values[rnd.nextInt(values.length)]
          + skipValue(payload, at + key.length());
      case 1 -> at < 0 ? payload : payload.replace(key, "\"other\":");
      case 2 -> payload.substring(0, payload.length() - 1) + "," + key + values[rnd.nextInt(values.length)] + "}";
      default -> payload.substring(0, payload.length() - 1) + ",\"extra\":" + values[rnd.nextInt(values.length)] + "}";
    };
  }

  /** The payload after the JSON value starting at {@code from} (a scalar, array or object). */
  static String skipValue(String s, int from) {
    int depth = 0;
    boolean inString = false;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inString) {
        if (c == '\\') {
          i++;
        } else if (c == '"') {
          inString = false;
          if (depth == 0) {
            return s.substring(i + 1);
          }
        }
      } else if (c == '"') {
        inString = true;
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        if (depth == 0) {
          return s.substring(i);
        }
        depth--;
        if (depth == 0) {
          return s.substring(i + 1);
        }
      } else if (c == ',' && depth == 0) {
        return s.substring(i);
      }
    }
    return "";
  }

  static CheckpointEmitted randomEvent(SplittableRandom rnd) {
    String[] texts = {"plan", "step 3 done", "a \"quoted\" \\ path", "é\u2028😀", "", "x".repeat(50)};
    List<String> paths = rnd.nextBoolean() ? List.of() : List.of("a.md", texts[rnd.nextInt(texts.length)]);
    return new CheckpointEmitted(
        List.of("plan", "progress", "decision-needed", "blocked", "completed").get(rnd.nextInt(5)),
        texts[rnd.nextInt(texts.length)],
        JobStatus.values()[rnd.nextInt(JobStatus.values().length)],
        new JobEvent.BudgetState(rnd.nextLong(0, 1L << 53), rnd.nextInt(9), rnd.nextInt(999), rnd.nextInt(999)),
        new JobEvent.ArtifactsDelta(paths, rnd.nextBoolean() ? paths : List.of(), List.of()),
        rnd.nextBoolean()
            ? Optional.of(new JobEvent.RequiredAction(rnd.nextBoolean() ? Optional.of("approve") : Optional.empty(),
                rnd.nextBoolean() ? Optional.of(texts[rnd.nextInt(texts.length)]) : Optional.empty()))
            : Optional.empty(),
        rnd.nextBoolean() ? List.of() : List.of("E_ADAPTER_FAIL", "E_BUDGET_EXCEEDED"));
  }
}
