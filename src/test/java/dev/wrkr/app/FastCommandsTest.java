package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.dispatch.JobHistory;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CLI's fast paths ({@code status}, {@code checkpoint list}, {@code jobs} without picocli)
 * must answer exactly as picocli-parsed commands do: same exit code, same bytes on stdout and
 * stderr, for good input, bad input and every form picocli would read differently.
 */
class FastCommandsTest {
  @TempDir Path dir;

  private static final List<List<String>> FORMS = List.of(
      List.of("status", "job_1"),
      List.of("status", "nobody"),
      List.of("status", "bad id!"),
      List.of("status", "-x"),
      List.of("status", "--help"),
      List.of("status", "job_1", "extra"),
      List.of("status", "@args"),
      List.of("status"),
      List.of("checkpoint", "list", "job_1"),
      List.of("checkpoint", "list", "nobody"),
      List.of("checkpoint", "list"),
      List.of("checkpoint", "list", "job_1", "job_2"),
      List.of("checkpoint", "list", "-h"),
      List.of("jobs"),
      List.of("jobs", "--limit", "1"),
      List.of("jobs", "--limit=2"),
      List.of("jobs", "--limit", "0"),
      List.of("jobs", "--limit", "x"),
      List.of("jobs", "--limit", "99999999999"),
      List.of("jobs", "--limit", "-1"),
      List.of("jobs", "--limit", "1", "--limit", "2"),
      List.of("jobs", "--limit"),
      List.of("jobs", "--status", "running"),
      List.of("jobs", "--status=paused", "--limit", "5"),
      List.of("jobs", "--status", "nonsense"),
      List.of("jobs", "--status", " running"),
      List.of("jobs", "--status", ""),
      List.of("jobs", "--bogus"),
      List.of("jobs", "--"),
      List.of("jobs", "extra"));

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void every_fast_form_should_answer_as_picocli_does(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0));
      for (String id : List.of("job_1", "job_2")) {
        history.append(JobState.empty(JobId.of(id)), List.of(JobEvents.initialized(),
            JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING),
            JobEvents.checkpoint("plan", "the plan of " + id, JobStatus.RUNNING))).orElseThrow();
      }
    }
    CliHarness cli = new CliHarness(Map.of("WRKR_STORE_URL", url), dir);
    List<String> compared = new ArrayList<>();
    for (List<String> form : FORMS) {
      for (boolean json : new boolean[] {false, true}) {
        List<String> argv = new ArrayList<>(form);
        if (json) {
          argv.add(0, "--json");
        }
        String[] words = argv.toArray(String[]::new);

        CliRun fast = cli.run(words);
        CliRun picocli = cli.runWithPicocliOnly(words);

        assertThat(fast).as(String.join(" ", argv)).isEqualTo(picocli);
        compared.add(fast.exitCode() + " " + argv);
      }
    }
    // The comparison covers answers and refusals alike.
    assertThat(compared).anyMatch(c -> c.startsWith("0 ")).anyMatch(c -> !c.startsWith("0 "));
  }
}
