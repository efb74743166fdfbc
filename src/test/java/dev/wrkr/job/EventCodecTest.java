package dev.wrkr.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class EventCodecTest {
  private static final JobId JOB = JobId.of("job_1");

  static Stream<JobEvent> events() {
    return JobEvents.oneOfEach().stream();
  }

  @ParameterizedTest
  @MethodSource("events")
  void every_event_type_should_round_trip_through_its_payload(JobEvent event) {
    String payload = EventCodec.encode(event);
    assertThat(EventCodec.decode(JOB, 7, event.type(), payload)).isEqualTo(event);
    assertThat(EventCodec.encode(EventCodec.decode(JOB, 7, event.type(), payload))).isEqualTo(payload);
  }

  @Test
  void the_codec_should_know_every_event_type_of_the_sealed_interface() {
    List<String> types = JobEvents.oneOfEach().stream().map(JobEvent::type).toList();
    assertThat(JobEvent.class.getPermittedSubclasses()).hasSameSizeAs(types);
    assertThat(types).allMatch(EventCodec::knows);
  }

  @Test
  void payloads_should_use_wrkrs_field_names_in_canonical_form() {
    assertThat(EventCodec.encode(new JobEvent.CountersUpdated(0, 2, 1)))
        .isEqualTo("{\"estimated_cost\":0,\"retry_count\":0,\"step_count\":2,\"tokens\":0,\"tool_call_count\":1}");
    assertThat(EventCodec.decode(JOB, 7, "counters_updated", "{\"retry_count\":0,\"step_count\":2,\"tool_call_count\":1}"))
        .as("a Wrkr payload without our usage fields")
        .isEqualTo(new JobEvent.CountersUpdated(0, 2, 1));
    assertThat(EventCodec.decode(JOB, 8, "adapter_step",
            "{\"adapter\":\"reference\",\"artifacts\":[],\"command\":\"true\",\"executed\":true,"
                + "\"step_id\":\"plan\",\"step_index\":0,\"summary\":\"s\"}"))
        .as("a Wrkr adapter_step counts as a finished step")
        .satisfies(e -> assertThat(((JobEvent.AdapterStep) e).advances()).isTrue());
    assertThat(EventCodec.encode(JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING)))
        .isEqualTo("{\"from\":\"queued\",\"to\":\"running\"}");
    assertThat(EventCodec.encode(JobEvents.checkpoint("plan", "p", JobStatus.RUNNING)))
        .isEqualTo(
            "{\"artifacts_delta\":{\"added\":[],\"changed\":[],\"removed\":[]},"
                + "\"budget_state\":{\"retry_count\":0,\"step_count\":0,\"tool_call_count\":0,\"wall_time_seconds\":0},"
                + "\"reason_codes\":[],\"required_action\":null,\"status\":\"running\",\"summary\":\"p\",\"type\":\"plan\"}");
  }

  @Test
  void an_unknown_event_type_should_fail_closed_with_store_corrupt() {
    assertThatThrownBy(() -> EventCodec.decode(JOB, 4, "job_teleported", "{}"))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_CORRUPT);
              assertThat(e.getMessage()).isEqualTo("unknown event type");
              assertThat(e.details()).containsEntry("type", "job_teleported").containsEntry("seq", 4L);
            });
  }

  static Stream<String[]> undecodable() {
    return Stream.of(
        new String[] {"status_changed", "{\"from\":\"queued\""},
        new String[] {"status_changed", "{\"from\":\"queued\",\"to\":\"flying\"}"},
        new String[] {"status_changed", "{\"from\":\"queued\"}"},
        new String[] {"counters_updated", "{\"retry_count\":\"x\",\"step_count\":1,\"tool_call_count\":1}"},
        new String[] {"counters_updated", "[]"},
        new String[] {"job_initialized", "null"},
        new String[] {"job_initialized", "{\"started_at\":\"yesterday\",\"status\":\"queued\"}"});
  }

  @ParameterizedTest
  @MethodSource("undecodable")
  void an_undecodable_payload_should_fail_closed_with_store_corrupt(String type, String payload) {
    assertThatThrownBy(() -> EventCodec.decode(JOB, 9, type, payload))
        .isInstanceOfSatisfying(
            WrkrException.class,
            e -> {
              assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_CORRUPT);
              assertThat(e.getMessage()).isEqualTo("undecodable event payload");
              assertThat(e.details()).containsEntry("type", type).containsEntry("seq", 9L);
            });
  }
}
