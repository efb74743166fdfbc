package dev.wrkr.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.app.AppServices;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.checkpoint.CheckpointRules;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvent.ArtifactsDelta;
import dev.wrkr.job.JobEvent.BudgetState;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.CheckpointHead;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
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

/**
 * The text listing's headlines, which SQLite picks out of the payloads itself, say what decoding
 * every checkpoint in full says; a payload the store cannot pick from is decoded in full, so a
 * damaged one is reported as before. On both adapters (PostgreSQL always decodes in full).
 */
class CheckpointHeadlinesTest {
  private static final JobId JOB = JobId.of("job_1");
  /** Characters a summary may hold that JSON text escapes, or that UTF-8 writes in several bytes. */
  private static final String[] PIECES = {
    "a", "Z", " ", "step 10", "\"", "\\", "/", "\n", "\r", "\t", "\u0000", "\u0001", "\u001f", "\u007f",
    "é", "中文", "😀", "\u2028", "\u2029", "\ufeff", "<&>", "cp_1", "\u001f\n", "{\"type\":1}", "''", "%s",
  };

  @TempDir Path dir;
  private JobStore store;

  @AfterEach
  void close() {
    if (store != null) {
      store.close();
    }
  }

  private JobHistory open(String kind) {
    store = AppServices.openStore(StoreLocation.parse(TestStoreUrls.fresh(kind, dir)));
    return new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
  }

  static Stream<Arguments> seeds() {
    long base = Long.getLong("wrkr.test.seed", 20261121L);
    return Stream.of("sqlite", "postgres").flatMap(k -> Stream.of(0, 1, 2, 3, 4, 5).map(i -> Arguments.of(k, base + i)));
  }

  @ParameterizedTest(name = "{0} seed={1}")
  @MethodSource("seeds")
  void headlines_should_say_what_the_full_decode_says_whatever_the_summaries(String kind, long seed) {
    JobHistory history = open(kind);
    CheckpointService service = new CheckpointService(history, InstantSource.fixed(JobEvents.T0), "test");
    SplittableRandom rnd = new SplittableRandom(seed);
    List<JobEvent> events = new ArrayList<>();
    events.add(JobEvents.initialized());
    events.add(JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING));
    for (int i = 0; i < 60; i++) {
      events.add(randomCheckpoint(rnd));
    }
    history.append(JobState.empty(JOB), events).orElseThrow();

    List<CheckpointService.Headline> expected = new ArrayList<>();
    for (Checkpoint cp : service.list(JOB)) {
      expected.add(new CheckpointService.Headline(CheckpointRules.seqOf(cp.checkpointId()), cp.type(), cp.status(), cp.summary()));
    }
    assertThat(expected).isNotEmpty();
    assertThat(service.headlines(JOB)).isEqualTo(expected);
    // On SQLite the headlines came from the heads, not from the full decode beside them.
    Optional<List<CheckpointHead>> heads = history.checkpointHeads(JOB);
    assertThat(heads.isPresent()).isEqualTo(kind.equals("sqlite"));
    heads.ifPresent(h -> assertThat(h).hasSameSizeAs(expected).allMatch(CheckpointHead::complete));
  }

  /**
   * Payloads the store cannot pick the three fields from (SQLite leaves the head incomplete): the
   * listing decodes in full, so it reports, or reads, them exactly as the full decode does.
   */
  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("damaged")
  void a_payload_without_a_plain_head_should_be_listed_as_the_full_decode_lists_it(String kind, String payload) {
    JobHistory history = open(kind);
    CheckpointService service = new CheckpointService(history, InstantSource.fixed(JobEvents.T0), "test");
    appendRaw(payload);

    Object full = outcome(() -> {
      List<CheckpointService.Headline> out = new ArrayList<>();
      for (Checkpoint cp : service.list(JOB)) {
        out.add(new CheckpointService.Headline(CheckpointRules.seqOf(cp.checkpointId()), cp.type(), cp.status(), cp.summary()));
      }
      return out;
    });
    assertThat(outcome(() -> service.headlines(JOB))).isEqualTo(full);
  }

  /** The headlines, or the failure's reason code and message. */
  private static Object outcome(java.util.function.Supplier<List<CheckpointService.Headline>> listing) {
    try {
      return listing.get();
    } catch (WrkrException e) {
      return e.code() + ": " + e.getMessage();
    }
  }

  static Stream<Arguments> damaged() {
    String rest = ",\"budget_state\":{\"retry_count\":0,\"step_count\":0,\"tool_call_count\":0,\"wall_time_seconds\":0},"
        + "\"artifacts_delta\":{\"added\":[],\"changed\":[],\"removed\":[]},\"reason_codes\":[]}";
    List<String> payloads = List.of(
        "not json",
        "{\"type\":\"plan\"",
        "[\"plan\",\"running\",\"x\"]",
        "\"plan\"",
        "{\"type\":1,\"summary\":\"x\",\"status\":\"running\"" + rest,
        "{\"summary\":\"x\",\"status\":\"running\"" + rest,
        "{\"type\":\"plan\",\"status\":\"running\"" + rest,
        "{\"type\":\"plan\",\"summary\":null,\"status\":\"running\"" + rest,
        "{\"type\":\"plan\",\"summary\":\"x\",\"status\":\"sleeping\"" + rest,
        "{\"type\":\"plan\",\"summary\":\"x\",\"status\":[\"running\"]" + rest,
        "{\"type\":\"plan\",\"summary\":\"x\",\"summary\":\"y\",\"status\":\"running\"" + rest,
        "{\"type\":\"plan\",\"summary\":\"x\",\"status\":\"running\"} trailing");
    return Stream.of("sqlite", "postgres").flatMap(k -> payloads.stream().map(p -> Arguments.of(k, p)));
  }

  /**
   * What a listing does not check: the fields it does not print. SQLite's listing shows such a
   * checkpoint; everything that reads the whole event (show, --json, status, export) reports it.
   */
  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_listing_should_check_only_the_fields_it_prints(String kind) {
    JobHistory history = open(kind);
    CheckpointService service = new CheckpointService(history, InstantSource.fixed(JobEvents.T0), "test");
    appendRaw("{\"type\":\"plan\",\"summary\":\"x \\\"y\\\"\",\"status\":\"running\",\"budget_state\":\"damaged\","
        + "\"reason_codes\":[],\"reason_codes\":[]}");

    assertThat(catchThrowableOfType(WrkrException.class, () -> service.list(JOB)).code())
        .isEqualTo(ReasonCode.E_STORE_CORRUPT);
    if (kind.equals("sqlite")) {
      assertThat(service.headlines(JOB))
          .containsExactly(new CheckpointService.Headline(2, "plan", "running", "x \"y\""));
    } else {
      assertThat(catchThrowableOfType(WrkrException.class, () -> service.headlines(JOB)).code())
          .isEqualTo(ReasonCode.E_STORE_CORRUPT);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_job_without_checkpoints_should_list_none_and_a_missing_job_should_be_reported(String kind) {
    JobHistory history = open(kind);
    CheckpointService service = new CheckpointService(history, InstantSource.fixed(JobEvents.T0), "test");
    history.append(JobState.empty(JOB), List.of(JobEvents.initialized())).orElseThrow();

    assertThat(service.headlines(JOB)).isEmpty();
    WrkrException missing = catchThrowableOfType(WrkrException.class, () -> service.headlines(JobId.of("other")));
    assertThat(missing.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(missing.getMessage()).isEqualTo("job not found");
  }

  private void appendRaw(String checkpointPayload) {
    JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
    history.append(JobState.empty(JOB), List.of(JobEvents.initialized())).orElseThrow();
    store.ledger().append(new AppendRequest(JOB, 1, List.of(new NewEvent("checkpoint_emitted", JobEvents.T0, checkpointPayload))));
  }

  private static JobEvent.CheckpointEmitted randomCheckpoint(SplittableRandom rnd) {
    StringBuilder summary = new StringBuilder();
    for (int n = rnd.nextInt(6); n > 0; n--) {
      summary.append(PIECES[rnd.nextInt(PIECES.length)]);
    }
    String[] types = {"plan", "progress", "decision-needed", "blocked", "completed", "x\"y", "ünïcode"};
    JobStatus[] statuses = JobStatus.values();
    return new JobEvent.CheckpointEmitted(
        types[rnd.nextInt(types.length)], summary.toString(), statuses[rnd.nextInt(statuses.length)],
        new BudgetState(rnd.nextInt(1000), rnd.nextInt(5), rnd.nextInt(50), rnd.nextInt(9)),
        rnd.nextBoolean() ? ArtifactsDelta.none() : new ArtifactsDelta(List.of("a.txt"), List.of(), List.of("b\n")),
        rnd.nextBoolean() ? Optional.empty() : Optional.of(new JobEvent.RequiredAction(Optional.of("approval"), Optional.empty())),
        rnd.nextBoolean() ? List.of() : List.of("E_BUDGET_EXCEEDED"));
  }
}
