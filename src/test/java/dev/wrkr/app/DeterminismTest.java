package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Output promised to be stable does not depend on the JVM's default time zone or locale (the
 * Turkish locale breaks naive lower-casing of {@code I}; Tokyo and Los Angeles move local time).
 */
class DeterminismTest {
  @TempDir Path dir;

  private static final List<List<String>> COMMANDS =
      List.of(
          List.of("version", "--json"),
          List.of("--explain", "status", "--json"),
          List.of("status", "INIT_job"),
          List.of("status", "INIT_job", "--json"),
          List.of("status", "missing_I_job", "--json"),
          List.of("status", "--bogus-FLAG", "--json"),
          List.of("help", "status"));

  @Test
  void cli_output_should_be_the_same_bytes_in_every_time_zone_and_locale() {
    String url = "sqlite:" + dir.resolve("wrkr.db");
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      List<JobEvent> events =
          List.of(
              JobEvents.initialized(),
              JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING),
              JobEvents.checkpoint("blocked", "budget exceeded: step_count>20", JobStatus.BLOCKED_BUDGET,
                  "E_BUDGET_EXCEEDED"),
              JobEvents.moved(JobStatus.RUNNING, JobStatus.BLOCKED_BUDGET));
      new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0))
          .append(JobState.empty(JobId.of("INIT_job")), events)
          .orElseThrow();
    }
    List<CliRun> reference = runAll(url, "UTC", Locale.US);
    for (String zone : List.of("Asia/Tokyo", "America/Los_Angeles")) {
      for (Locale locale : List.of(Locale.forLanguageTag("tr-TR"), Locale.GERMANY, Locale.forLanguageTag("th-TH-u-nu-thai"), Locale.forLanguageTag("ar-EG"))) {
        assertThat(runAll(url, zone, locale)).as("%s %s", zone, locale).isEqualTo(reference);
      }
    }
    assertThat(reference.get(3).out())
        .contains("\"status\": \"blocked_budget\"")
        .contains("\"created_at\": \"2026-02-13T00:00:00.12045Z\"");
  }

  private List<CliRun> runAll(String url, String zone, Locale locale) {
    TimeZone savedZone = TimeZone.getDefault();
    Locale savedLocale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone(zone));
      Locale.setDefault(locale);
      CliHarness cli =
          new CliHarness(Map.of("WRKR_STORE_URL", url), dir, InstantSource.fixed(Instant.parse("2026-02-13T00:00:00.120450Z")));
      List<CliRun> runs = new ArrayList<>();
      for (List<String> argv : COMMANDS) {
        runs.add(cli.run(argv.toArray(String[]::new)));
      }
      return runs;
    } finally {
      TimeZone.setDefault(savedZone);
      Locale.setDefault(savedLocale);
    }
  }
}
