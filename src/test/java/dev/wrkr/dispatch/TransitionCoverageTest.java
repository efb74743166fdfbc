package dev.wrkr.dispatch;

import static dev.wrkr.testing.Specs.budgets;
import static dev.wrkr.testing.Specs.decision;
import static dev.wrkr.testing.Specs.step;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.AppServices;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.job.Transitions;
import dev.wrkr.job.Transitions.Transition;
import dev.wrkr.store.JobRow;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drives real commands through every transition the table declares and fails when one is never
 * exercised: a transition no command can reach is either dead or untested.
 */
class TransitionCoverageTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();
  private String url;

  private CliRun run(String... argv) {
    return new CliHarness(env, dir, InstantSource.system()).run(argv);
  }

  private void ok(String... argv) {
    CliRun r = run(argv);
    assertThat(r.exitCode()).as("%s -> %s", List.of(argv), r.err()).isIn(0, 1);
  }

  private String decisionOf(String job) {
    var list = Json.parse(run("checkpoint", "list", job, "--json").out());
    String id = null;
    for (var cp : list) {
      if (cp.get("type").asString().equals("decision-needed")) {
        id = cp.get("checkpoint_id").asString();
      }
    }
    return id;
  }

  /** A job left in {@code status} without a runner (as after a crash, or before a worker picks it up). */
  private void idleJob(String job, JobStatus status) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      List<JobEvent> events = new java.util.ArrayList<>(List.of(JobEvents.initialized()));
      if (status != JobStatus.QUEUED) {
        events.add(JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING));
      }
      new JobHistory(store.ledger(), store.index(), InstantSource.system())
          .append(JobState.empty(JobId.of(job)), events).orElseThrow();
    }
  }

  @Test
  void every_declared_transition_should_be_reached_by_some_command() throws java.io.IOException {
    url = "sqlite:" + dir.resolve("wrkr.db");
    env.putAll(Map.of("WRKR_STORE_URL", url, "WRKR_HOME", dir.resolve("home").toString(),
        "PATH", System.getenv("PATH"), "TARGET", "a"));
    List<String> rules = List.of("env:TARGET");
    Specs.write(dir, "gate", budgets(20, 200, 0), rules, decision("gate"), step("after", "true"));
    Specs.write(dir, "tight", budgets(1, 200, 0), rules, step("one", "true"), step("two", "true"));
    Specs.write(dir, "fails", budgets(20, 200, 0), rules, step("one", "test -f fixed"));
    Specs.write(dir, "quick", budgets(20, 200, 0), rules, step("one", "true"));

    ok("submit", "quick.yaml", "--job-id", "quick");                      // queued->running->completed
    idleJob("queued", JobStatus.QUEUED);
    ok("cancel", "queued");                                               // queued->canceled
    idleJob("running1", JobStatus.RUNNING);
    ok("pause", "running1");                                              // running->paused
    ok("resume", "running1");                                             // paused->running (no adapter)
    ok("cancel", "running1");                                             // running->canceled
    idleJob("paused_env", JobStatus.RUNNING);
    ok("pause", "paused_env");
    ok("cancel", "paused_env");                                           // paused->canceled

    ok("submit", "gate.yaml", "--job-id", "gate_ok");                     // running->blocked_decision
    ok("approve", "gate_ok", "--checkpoint", decisionOf("gate_ok"), "--reason", "ok");
    ok("resume", "gate_ok");                                              // blocked_decision->running
    ok("submit", "gate.yaml", "--job-id", "gate_cancel");
    ok("cancel", "gate_cancel");                                          // blocked_decision->canceled

    ok("submit", "tight.yaml", "--job-id", "tight_raise");                // running->blocked_budget
    ok("resume", "tight_raise", "--budget", "max_step_count=5");          // blocked_budget->running
    ok("submit", "tight.yaml", "--job-id", "tight_cancel");
    ok("cancel", "tight_cancel");                                         // blocked_budget->canceled

    ok("submit", "fails.yaml", "--job-id", "fails_fix");                  // running->blocked_error
    ok("submit", "fails.yaml", "--job-id", "fails_cancel");
    ok("cancel", "fails_cancel");                                         // blocked_error->canceled
    java.nio.file.Files.writeString(dir.resolve("fixed"), "");
    ok("resume", "fails_fix");                                            // blocked_error->running

    // Environment changes block resume from paused, blocked_decision and blocked_budget.
    ok("submit", "gate.yaml", "--job-id", "gate_env");
    ok("approve", "gate_env", "--checkpoint", decisionOf("gate_env"), "--reason", "ok");
    ok("submit", "tight.yaml", "--job-id", "tight_env");
    idleJob("paused_env2", JobStatus.RUNNING);
    ok("pause", "paused_env2");
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      // paused_env2 was made without a fingerprint; give it one so a change can block it.
      new JobHistory(store.ledger(), store.index(), InstantSource.system()).update(JobId.of("paused_env2"),
          s -> List.of(new JobEvent.EnvFingerprintSet(List.of("env:TARGET"), Map.of("env:TARGET", "a"),
              dev.wrkr.envfp.Fingerprints.hash(List.of("env:TARGET"), Map.of("env:TARGET", "a")), JobEvents.T0)));
    }
    env.put("TARGET", "b");
    ok("resume", "gate_env");                                             // blocked_decision->blocked_error
    ok("resume", "tight_env");                                            // blocked_budget->blocked_error
    ok("resume", "paused_env2");                                          // paused->blocked_error

    Set<Transition> exercised = exercised();
    assertThat(exercised).as("transitions no command reached").containsAll(Transitions.all());
    assertThat(Transitions.all()).as("transitions outside the table").containsAll(exercised);
  }

  private Set<Transition> exercised() {
    Set<Transition> seen = new LinkedHashSet<>();
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.system());
      for (JobRow row : store.index().list(Optional.empty(), 1000)) {
        for (JobHistory.RecordedEvent e : history.events(row.jobId())) {
          if (e.event() instanceof JobEvent.StatusChanged s) {
            seen.add(new Transition(s.from(), s.to()));
          }
        }
      }
    }
    return seen;
  }
}
