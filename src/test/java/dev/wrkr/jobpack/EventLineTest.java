package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.store.StoredEvent;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An {@code events.jsonl} line copied around the stored payload must be the line built by parsing
 * and canonicalizing it, and stored payloads must take the copy.
 */
class EventLineTest {
  private static final JobId JOB = JobId.of("job_1");
  private static final Instant AT = Instant.parse("2026-02-14T03:45:00.123456789Z");

  static Stream<JobEvent> events() {
    return JobEvents.oneOfEach().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void every_stored_event_type_should_be_copied_to_the_same_bytes(JobEvent event) {
    StoredEvent stored = new StoredEvent(JOB, 42, AT, event.type(), EventCodec.encode(event));
    byte[] copied = JobpackEntries.copiedEventLine(stored, "0.1.0-dev");
    assertThat(copied).as("stored payloads are canonical: the copy must be taken").isNotNull();
    assertThat(new String(copied, StandardCharsets.UTF_8))
        .isEqualTo(new String(JobpackEntries.parsedEventLine(stored, "0.1.0-dev"), StandardCharsets.UTF_8));
  }

  /**
   * Payloads a ledger could hold that are not in canonical form, or whose envelope strings need
   * escaping: whatever path is taken, the line is the parsed one.
   */
  @ParameterizedTest
  @ValueSource(strings = {
      "{\"executed\":false,\"step_id\":\"s1\"}", "{\"executed\":true}", "{\"executed\":\"no\"}", "{\"executed\":null}",
      "{\"step_id\":\"s1\", \"executed\":false}", "{\"b\":1,\"a\":2}", "{\"cost\":0.25}", "{\"cost\":2.50}",
      "{\"n\":12345678901234567}", "{\"s\":\"\\u00e9\\/\"}", "[1,2]", "null", "\"text\"", "7", "{}",
      "{\"nested\":{\"executed\":false}}", "{\"s\":\"line\\nbreak \\\"quoted\\\" \\u001f\"}"})
  void any_payload_should_give_the_parsed_line(String payload) {
    for (String producer : List.of("0.1.0-dev", "v\"quoted\"", "vé")) {
      StoredEvent stored = new StoredEvent(JOB, 7, AT, "step_started", payload);
      assertThat(new String(JobpackEntries.eventLine(stored, producer), StandardCharsets.UTF_8))
          .isEqualTo(new String(JobpackEntries.parsedEventLine(stored, producer), StandardCharsets.UTF_8));
    }
  }

  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5})
  void random_seq_and_time_should_not_change_the_agreement(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    for (JobEvent event : JobEvents.oneOfEach()) {
      Instant at = Instant.ofEpochSecond(random.nextLong(0, 4_000_000_000L), random.nextInt(1_000_000_000));
      StoredEvent stored = new StoredEvent(JOB, random.nextLong(1, Long.MAX_VALUE), at, event.type(),
          EventCodec.encode(event));
      assertThat(JobpackEntries.eventLine(stored, "1.2.3")).isEqualTo(JobpackEntries.parsedEventLine(stored, "1.2.3"));
    }
  }
}
