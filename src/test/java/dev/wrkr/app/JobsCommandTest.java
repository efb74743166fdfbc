package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
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

/** {@code wrkr jobs}: status, age and last checkpoint of every job, from snapshots or the ledger. */
class JobsCommandTest {
  @TempDir Path dir;

  private String store(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
      history.append(JobState.empty(JobId.of("a_running")), List.of(JobEvents.initialized(),
          JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING), JobEvents.checkpoint("plan", "the plan", JobStatus.RUNNING)))
          .orElseThrow();
      history.append(JobState.empty(JobId.of("b_blocked")), List.<JobEvent>of(JobEvents.initialized(),
          JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING),
          JobEvents.checkpoint("blocked", "budget exceeded", JobStatus.BLOCKED_BUDGET, "E_BUDGET_EXCEEDED"),
          JobEvents.moved(JobStatus.RUNNING, JobStatus.BLOCKED_BUDGET))).orElseThrow();
    }
    return url;
  }

  private CliRun run(String url, String... argv) {
    return new CliHarness(Map.of("WRKR_STORE_URL", url), dir, InstantSource.fixed(JobEvents.T0.plusSeconds(7200))).run(argv);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void jobs_should_list_status_age_and_last_checkpoint_with_or_without_snapshots(String kind) {
    String url = store(kind);
    String expected = "job=a_running status=running age=2h last_checkpoint=cp_3:plan\n"
        + "job=b_blocked status=blocked_budget age=2h last_checkpoint=cp_3:blocked\n";
    assertThat(run(url, "jobs")).isEqualTo(new CliRun(0, expected, ""));
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      store.index().dropSnapshots();
    }
    assertThat(run(url, "jobs").out()).as("rebuilt from the ledger").isEqualTo(expected);

    assertThat(run(url, "jobs", "--status", "blocked_budget").out())
        .isEqualTo("job=b_blocked status=blocked_budget age=2h last_checkpoint=cp_3:blocked\n");
    JsonNode json = Json.parse(run(url, "jobs", "--json").out());
    assertThat(json.size()).isEqualTo(2);
    assertThat(json.get(1).get("last_checkpoint").get("summary").asString()).isEqualTo("budget exceeded");
    assertThat(json.get(1).get("age_seconds").asLong()).isEqualTo(7200);
    assertThat(run(url, "jobs", "--status", "sleeping").exitCode()).isEqualTo(6);
  }
}
