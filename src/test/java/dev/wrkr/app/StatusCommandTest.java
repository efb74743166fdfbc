package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.Lease;
import dev.wrkr.store.LeaseResult;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import dev.wrkr.store.WorkerId;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code wrkr status} end to end through the real CLI and both real stores. */
class StatusCommandTest {
  private static final JobId JOB = JobId.of("blessed_lane_job_1");
  @TempDir Path dir;

  private String seededStore(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
      List<JobEvent> events =
          List.of(
              JobEvents.initialized(),
              new JobEvent.EnvFingerprintSet(
                  List.of("arch", "java_version", "os"),
                  Map.of("arch", "amd64", "java_version", "21", "os", "linux"), "2b".repeat(32), JobEvents.T0),
              JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING),
              JobEvents.checkpoint("decision-needed", "manager decision checkpoint", JobStatus.BLOCKED_DECISION,
                  "E_CHECKPOINT_APPROVAL_REQUIRED"),
              JobEvents.moved(JobStatus.RUNNING, JobStatus.BLOCKED_DECISION));
      history.append(JobState.empty(JOB), events).orElseThrow();
    }
    return url;
  }

  private CliRun run(String url, String... argv) {
    return new CliHarness(Map.of("WRKR_STORE_URL", url), dir).run(argv);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void status_should_print_the_folded_status_in_text_and_json(String kind) {
    String url = seededStore(kind);
    assertThat(run(url, "status", JOB.value()))
        .isEqualTo(new CliRun(0, "job=blessed_lane_job_1 status=blocked_decision\n", ""));
    CliRun json = run(url, "status", JOB.value(), "--json");
    assertThat(json.exitCode()).isZero();
    assertThat(json.err()).isEmpty();
    Golden.assertMatches("cli/status_blocked_decision.json", json.out().replace(BuildInfo.current().version(), "VERSION"));
    assertThat(Schemas.standard().validate(SchemaId.STATUS_RESPONSE, Json.parse(json.out()))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void status_should_show_a_held_lease_and_drop_it_once_released(String kind) {
    String url = seededStore(kind);
    Lease lease;
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      LeaseResult r = store.leases().acquire(JOB, new WorkerId("dispatch-42"), CliHarness.FIXED, Duration.ofSeconds(30));
      lease = ((LeaseResult.Acquired) r).lease();
    }
    assertThat(run(url, "status", JOB.value()).out())
        .isEqualTo("job=blessed_lane_job_1 status=blocked_decision lease_worker=dispatch-42 lease_expires=2026-02-13T00:00:30Z\n");
    CliRun json = run(url, "--json", "status", JOB.value());
    var lease1 = Json.parse(json.out()).get("lease");
    assertThat(lease1.get("worker_id").asString()).isEqualTo("dispatch-42");
    assertThat(lease1.get("lease_id").asString()).isEqualTo(lease.leaseId());
    assertThat(Schemas.standard().validate(SchemaId.STATUS_RESPONSE, Json.parse(json.out()))).isEmpty();
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      assertThat(store.leases().release(lease)).isTrue();
    }
    assertThat(run(url, "status", JOB.value()).out()).isEqualTo("job=blessed_lane_job_1 status=blocked_decision\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void status_of_an_unknown_job_should_exit_6_with_the_id(String kind) {
    String url = seededStore(kind);
    CliRun r = run(url, "status", "job_nope", "--json");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.out()).isEmpty();
    var envelope = Json.parse(r.err());
    assertThat(envelope.get("message").asString()).isEqualTo("job not found");
    assertThat(envelope.get("details").get("job_id").asString()).isEqualTo("job_nope");
    assertThat(run(url, "status", "job_nope").err()).isEqualTo("E_INVALID_INPUT_SCHEMA: job not found\n");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void status_of_a_corrupt_ledger_should_fail_closed_with_exit_1(String kind) {
    String url = seededStore(kind);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      store.ledger().append(new AppendRequest(JOB, 5, List.of(new NewEvent("job_teleported", JobEvents.T0, "{}"))));
      store.index().dropSnapshots();
    }
    CliRun r = run(url, "status", JOB.value(), "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    var envelope = Json.parse(r.err());
    assertThat(envelope.get("code").asString()).isEqualTo("E_STORE_CORRUPT");
    assertThat(envelope.get("details").get("type").asString()).isEqualTo("job_teleported");
    assertThat(envelope.get("details").get("seq").asLong()).isEqualTo(6);
  }

  @ParameterizedTest
  @ValueSource(strings = {"--store=postgresql://wrkr:s3cret@127.0.0.1:1/wrkr", "--store=postgres://wrkr:s3cret@127.0.0.1:1/wrkr"})
  void an_unreachable_store_should_exit_1_without_leaking_the_password(String flag) {
    CliRun r = new CliHarness(Map.of("HOME", dir.toString()), dir).run("status", "job_1", flag, "--json");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(Json.parse(r.err()).get("code").asString()).isEqualTo("E_STORE_UNAVAILABLE");
    assertThat(r.err()).doesNotContain("s3cret").contains("127.0.0.1:1");
  }

  @ParameterizedTest
  @ValueSource(strings = {"mysql://h/db", "postgresql://"})
  void a_malformed_store_url_should_exit_6(String url) {
    CliRun r = new CliHarness(Map.of("HOME", dir.toString()), dir).run("--store", url, "status", "job_1");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(r.err()).startsWith("E_INVALID_INPUT_SCHEMA: ");
  }

  @Test
  void the_default_store_should_live_under_wrkr_home_from_the_environment() {
    String command = "status";
    Path home = dir.resolve("home");
    CliRun r = new CliHarness(Map.of("HOME", home.toString()), dir).run(command, "job_1");
    assertThat(r.exitCode()).isEqualTo(6);
    assertThat(home.resolve(".wrkr/wrkr.db")).exists();
    Path wrkrHome = dir.resolve("elsewhere");
    new CliHarness(Map.of("HOME", home.toString(), "WRKR_HOME", wrkrHome.toString()), dir).run(command, "job_1");
    assertThat(wrkrHome.resolve("wrkr.db")).exists();
  }
}
