package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code checkpoint list|show|emit} and {@code approve} through the real CLI on both stores. */
class CheckpointCommandTest {
  private static final JobId JOB = JobId.of("job_cp");
  @TempDir Path dir;

  private String runningJob(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      List<JobEvent> events = List.of(JobEvents.initialized(), JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING));
      new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0))
          .append(JobState.empty(JOB), events).orElseThrow();
    }
    return url;
  }

  private CliRun run(String url, String... argv) {
    return new CliHarness(Map.of("WRKR_STORE_URL", url, "USER", "ana"), dir, InstantSource.fixed(JobEvents.T0.plusSeconds(90)))
        .run(argv);
  }

  private static JsonNode json(CliRun r) {
    assertThat(r.err()).isEmpty();
    assertThat(r.exitCode()).isZero();
    return Json.parse(r.out());
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void emitted_checkpoints_should_be_listed_shown_and_valid(String kind) {
    String url = runningJob(kind);
    assertThat(run(url, "checkpoint", "emit", "job_cp", "--type", "plan", "--summary", "  draft the plan  "))
        .isEqualTo(new CliRun(0, "checkpoint=cp_3 type=plan status=running\n", ""));
    JsonNode progress = json(run(url, "checkpoint", "emit", "job_cp", "--type", "progress", "--summary", "half way",
        "--added", "reports/b.md", "--added", "reports/a.md", "--added", "reports/a.md", "--json"));
    assertThat(progress.get("checkpoint_id").asString()).isEqualTo("cp_4");
    assertThat(progress.get("artifacts_delta").get("added").toString()).isEqualTo("[\"reports/a.md\",\"reports/b.md\"]");
    assertThat(progress.get("budget_state").get("wall_time_seconds").asLong()).isEqualTo(90);

    JsonNode list = json(run(url, "checkpoint", "list", "job_cp", "--json"));
    assertThat(list.size()).isEqualTo(2);
    for (JsonNode cp : list) {
      assertThat(Schemas.standard().validate(SchemaId.CHECKPOINT, cp)).isEmpty();
    }
    assertThat(run(url, "checkpoint", "list", "job_cp").out())
        .isEqualTo("checkpoint=cp_3 type=plan status=running summary=draft the plan\n"
            + "checkpoint=cp_4 type=progress status=running summary=half way\n");
    assertThat(run(url, "checkpoint", "show", "job_cp", "cp_4").out())
        .isEqualTo("checkpoint=cp_4 type=progress status=running\nsummary=half way\n");
    assertThat(run(url, "status", "job_cp").out()).isEqualTo("job=job_cp status=running\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_decision_should_be_approved_with_who_and_why(String kind) {
    String url = runningJob(kind);
    CliRun noAction = run(url, "checkpoint", "emit", "job_cp", "--type", "decision-needed", "--summary", "merge?");
    assertThat(noAction.exitCode()).isEqualTo(6);
    assertThat(noAction.err()).isEqualTo("E_INVALID_INPUT_SCHEMA: decision-needed checkpoint requires required_action\n");

    run(url, "checkpoint", "emit", "job_cp", "--type", "decision-needed", "--summary", "merge?",
        "--required-kind", "approve", "--reason-code", "E_CHECKPOINT_APPROVAL_REQUIRED", "--status", "blocked_decision");
    assertThat(run(url, "checkpoint", "show", "job_cp", "cp_3").out()).endsWith("reason_codes=E_CHECKPOINT_APPROVAL_REQUIRED\n");

    assertThat(run(url, "approve", "job_cp", "--checkpoint", "cp_3", "--reason", "  ")).satisfies(r -> {
      assertThat(r.exitCode()).isEqualTo(6);
      assertThat(r.err()).contains("approval reason is required");
    });
    assertThat(run(url, "approve", "job_cp", "--checkpoint", "cp_3", "--reason", "looks right"))
        .isEqualTo(new CliRun(0, "approved checkpoint=cp_3\n", ""));
    JsonNode record = json(run(url, "approve", "job_cp", "--checkpoint", "cp_3", "--reason", "again",
        "--approved-by", "bo", "--json"));
    assertThat(record.get("approved_by").asString()).isEqualTo("bo");
    assertThat(Schemas.standard().validate(SchemaId.APPROVAL_RECORD, record)).isEmpty();

    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      List<JobHistory.RecordedEvent> events =
          new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0)).events(JOB);
      List<JobEvent.ApprovalRecorded> approvals = events.stream()
          .map(JobHistory.RecordedEvent::event)
          .filter(JobEvent.ApprovalRecorded.class::isInstance)
          .map(JobEvent.ApprovalRecorded.class::cast)
          .toList();
      assertThat(approvals).extracting(JobEvent.ApprovalRecorded::approvedBy).containsExactly("ana", "bo");
      assertThat(approvals).extracting(JobEvent.ApprovalRecorded::reason).containsExactly("looks right", "again");
    }
    assertThat(run(url, "status", "job_cp").out()).as("approving does not change status").isEqualTo("job=job_cp status=running\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void bad_checkpoint_input_should_exit_6_and_change_nothing(String kind) {
    String url = runningJob(kind);
    assertThat(run(url, "checkpoint", "list", "job_cp")).as("a job without checkpoints").isEqualTo(new CliRun(0, "", ""));
    run(url, "checkpoint", "emit", "job_cp", "--type", "plan", "--summary", "p");
    record Case(List<String> argv, String message) {}
    List<Case> cases = List.of(
        new Case(List.of("checkpoint", "emit", "job_cp", "--type", "vibes", "--summary", "x"), "invalid checkpoint type"),
        new Case(List.of("checkpoint", "emit", "job_cp", "--type", "plan", "--summary", " "), "checkpoint summary must be 1..2000 chars"),
        new Case(List.of("checkpoint", "emit", "job_cp", "--type", "plan", "--summary", "x".repeat(2001)), "checkpoint summary must be 1..2000 chars"),
        new Case(List.of("checkpoint", "emit", "job_cp", "--type", "plan", "--summary", "x", "--status", "asleep"), "invalid checkpoint status"),
        new Case(List.of("checkpoint", "show", "job_cp", "cp_x"), "invalid checkpoint id"),
        new Case(List.of("checkpoint", "show", "job_cp", "cp_1"), "checkpoint not found"),
        new Case(List.of("checkpoint", "show", "job_nope", "cp_1"), "job not found"),
        new Case(List.of("checkpoint", "list", "job_nope"), "job not found"),
        new Case(List.of("approve", "job_cp", "--checkpoint", "cp_3", "--reason", "ok"), "only decision-needed checkpoints can be approved"),
        new Case(List.of("checkpoint"), "Missing required subcommand"));
    for (Case c : cases) {
      CliRun r = run(url, c.argv().toArray(String[]::new));
      assertThat(r.exitCode()).as(String.join(" ", c.argv())).isEqualTo(6);
      assertThat(r.err()).as(String.join(" ", c.argv())).contains(c.message());
    }
    assertThat(json(run(url, "checkpoint", "list", "job_cp", "--json")).size()).isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite"})
  void long_summaries_should_be_bounded_in_text_but_whole_in_json(String kind) {
    String url = runningJob(kind);
    String summary = "é".repeat(150);
    run(url, "checkpoint", "emit", "job_cp", "--type", "progress", "--summary", summary);
    assertThat(run(url, "checkpoint", "list", "job_cp").out())
        .isEqualTo("checkpoint=cp_3 type=progress status=running summary=" + "é".repeat(80) + "...\n");
    assertThat(json(run(url, "checkpoint", "show", "job_cp", "cp_3", "--json")).get("summary").asString()).isEqualTo(summary);
  }
}
