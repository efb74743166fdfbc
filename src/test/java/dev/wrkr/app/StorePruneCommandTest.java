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
import dev.wrkr.store.WorkerId;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code wrkr store prune} through the real CLI on both stores. */
class StorePruneCommandTest {
  private static final Instant NOW = JobEvents.T0.plus(Duration.ofDays(10));
  @TempDir Path dir;

  private void seed(JobStore store, String id, JobStatus last, Instant at) {
    List<JobEvent> events = new ArrayList<>(List.of(JobEvents.initialized(),
        JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING)));
    if (last != JobStatus.RUNNING) {
      events.add(JobEvents.moved(JobStatus.RUNNING, last));
    }
    new JobHistory(store.ledger(), store.index(), InstantSource.fixed(at))
        .append(JobState.empty(JobId.of(id)), events).orElseThrow();
  }

  /** old-done, old-canceled: prunable; old-running, old-leased, new-done: kept. */
  private String store(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      Instant old = JobEvents.T0;
      seed(store, "old-done", JobStatus.COMPLETED, old);
      seed(store, "old-canceled", JobStatus.CANCELED, old);
      seed(store, "old-running", JobStatus.RUNNING, old);
      seed(store, "old-leased", JobStatus.COMPLETED, old);
      seed(store, "new-done", JobStatus.COMPLETED, NOW.minus(Duration.ofHours(1)));
      store.leases().acquire(JobId.of("old-leased"), new WorkerId("w1"), NOW.minusSeconds(10), Duration.ofMinutes(1));
    }
    return url;
  }

  private CliRun run(String url, String... argv) {
    return new CliHarness(Map.of("WRKR_STORE_URL", url), dir, InstantSource.fixed(NOW)).run(argv);
  }

  private long lastSeq(String url, String job) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      return store.ledger().lastSeq(JobId.of(job));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void prune_should_remove_old_finished_jobs_and_keep_running_leased_and_recent_ones(String kind) {
    String url = store(kind);

    CliRun r = run(url, "store", "prune", "--job-max-age", "168h");

    assertThat(r.err()).isEmpty();
    assertThat(r.out()).startsWith("store prune dry_run=false checked=2 matched=2 removed=2 freed_bytes=")
        .contains("- kind=job reason=age path=old-canceled size=", "- kind=job reason=age path=old-done size=");
    assertThat(lastSeq(url, "old-done")).isZero();
    assertThat(lastSeq(url, "old-canceled")).isZero();
    assertThat(lastSeq(url, "old-running")).isEqualTo(2);
    assertThat(lastSeq(url, "old-leased")).isEqualTo(3);
    assertThat(lastSeq(url, "new-done")).isEqualTo(3);
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void dry_run_should_report_the_same_matches_and_change_nothing(String kind) {
    String url = store(kind);

    JsonNode report = Json.parse(run(url, "store", "prune", "--job-max-age", "168h", "--dry-run", "--json").out());

    assertThat(report.get("dry_run").asBoolean()).isTrue();
    assertThat(report.get("matched").asInt()).isEqualTo(2);
    assertThat(report.get("removed").asInt()).isZero();
    assertThat(report.get("freed_bytes").asLong()).isZero();
    assertThat(report.get("entries").get(0).get("path").asString()).isEqualTo("old-canceled");
    assertThat(report.get("entries").get(0).get("kind").asString()).isEqualTo("job");
    assertThat(report.get("entries").get(0).get("mod_time").asString()).isEqualTo(JobEvents.T0.toString());
    assertThat(lastSeq(url, "old-done")).isEqualTo(3);
    assertThat(lastSeq(url, "old-canceled")).isEqualTo(3);
  }

  @Test
  void files_should_go_by_age_and_count_and_a_jobpack_takes_its_signature() throws Exception {
    Path packs = Files.createDirectories(dir.resolve("wrkr-out/jobpacks"));
    Path reports = Files.createDirectories(dir.resolve("wrkr-out/reports"));
    file(packs.resolve("jobpack_a.zip"), "aa", NOW.minus(Duration.ofDays(3)));
    file(packs.resolve("jobpack_a.sig.json"), "sig", NOW.minus(Duration.ofDays(3)));
    file(packs.resolve("jobpack_b.zip"), "bbb", NOW.minus(Duration.ofHours(2)));
    file(packs.resolve("jobpack_c.zip"), "cccc", NOW.minus(Duration.ofHours(1)));
    file(packs.resolve("notes.txt"), "n", NOW.minus(Duration.ofDays(30)));
    file(reports.resolve("r1.json"), "r1", NOW.minus(Duration.ofDays(1)));
    file(reports.resolve("r2.json"), "r22", NOW.minus(Duration.ofMinutes(1)));
    String url = TestStoreUrls.fresh("sqlite", dir);

    CliRun dry = run(url, "store", "prune", "--jobpack-max-age", "48h", "--max-jobpacks", "1", "--max-reports", "1",
        "--dry-run");
    CliRun real = run(url, "store", "prune", "--jobpack-max-age", "48h", "--max-jobpacks", "1", "--max-reports", "1");

    String root = dir.resolve("wrkr-out").toString();
    assertThat(dry.out().replace(root, "<out>")).isEqualTo(
        "store prune dry_run=true checked=5 matched=3 removed=0 freed_bytes=0\n"
            + "- kind=jobpack reason=age path=<out>/jobpacks/jobpack_a.zip size=2\n"
            + "- kind=jobpack reason=count path=<out>/jobpacks/jobpack_b.zip size=3\n"
            + "- kind=report reason=count path=<out>/reports/r1.json size=2\n");
    assertThat(real.out().replace(root, "<out>")).startsWith(
        "store prune dry_run=false checked=5 matched=3 removed=3 freed_bytes=10\n");
    try (var left = Files.list(packs)) {
      assertThat(left.map(p -> p.getFileName().toString()).sorted()).containsExactly("jobpack_c.zip", "notes.txt");
    }
    assertThat(Files.exists(reports.resolve("r2.json"))).isTrue();
    assertThat(Files.exists(reports.resolve("r1.json"))).isFalse();
  }

  @Test
  void symbolic_links_should_never_be_followed_or_removed() throws Exception {
    Path outside = Files.createDirectories(dir.resolve("outside"));
    file(outside.resolve("keep.json"), "k", NOW.minus(Duration.ofDays(30)));
    Path reports = Files.createDirectories(dir.resolve("wrkr-out/reports"));
    Files.createSymbolicLink(reports.resolve("link.json"), outside.resolve("keep.json"));
    Files.createSymbolicLink(dir.resolve("wrkr-out/jobpacks"), outside);

    CliRun r = run(TestStoreUrls.fresh("sqlite", dir), "store", "prune", "--report-max-age", "1h", "--max-jobpacks", "0");

    assertThat(r.out()).isEqualTo("store prune dry_run=false checked=0 matched=0 removed=0 freed_bytes=0\n");
    assertThat(Files.exists(outside.resolve("keep.json"))).isTrue();
    assertThat(Files.isSymbolicLink(reports.resolve("link.json"))).isTrue();
  }

  @Test
  void no_criterion_or_a_bad_duration_should_be_an_input_error() {
    String url = TestStoreUrls.fresh("sqlite", dir);
    CliRun none = run(url, "store", "prune", "--dry-run");
    assertThat(none.exitCode()).isEqualTo(6);
    assertThat(none.err()).contains("at least one retention criterion is required");
    for (String bad : List.of("7d", "0s", "-1h", "abc")) {
      assertThat(run(url, "store", "prune", "--job-max-age", bad).exitCode()).as(bad).isEqualTo(6);
    }
    assertThat(run(url, "store", "prune", "--max-reports", "-1").exitCode()).isEqualTo(6);
  }

  private static void file(Path p, String content, Instant modified) throws Exception {
    Files.writeString(p, content);
    Files.setLastModifiedTime(p, FileTime.from(modified));
  }
}
