package dev.wrkr.bench;

import dev.wrkr.app.AppServices;
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
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Bench for the dispatch issue (run by {@code bench/dispatch-bench.sh}, not by the tests):
 *
 * <ol>
 *   <li>{@code runner <dir> <steps>}: submits a job of {@code steps} steps of {@code true} on a
 *       SQLite store in-process and prints wall ms per step, then the cost of spawning {@code sh -c
 *       true} from Java (median of 200), so the script can report the runner's own overhead, and
 *       the fsync floor beside the store (median of 200 appends with fdatasync; a step makes one
 *       durable commit). Two wall times: the job's own, as its ledger and its wall-time budget
 *       count it (from {@code job_initialized} to its last event: {@code per_step_ms}, {@code
 *       overhead_ms}), and the whole {@code submit} call, which adds what comes before the job
 *       exists — reading and validating the JobSpec, creating the store — on a cold JVM, about a
 *       second for a 1,000-step spec ({@code submit_per_step_ms}, {@code submit_overhead_ms}).
 *   <li>{@code seed <store-url> <events> <jobs>}: writes one job with {@code events} events (every
 *       tenth a checkpoint) and {@code jobs} small jobs, for the CLI timings.
 * </ol>
 */
public final class DispatchBench {
  private DispatchBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "runner" -> runner(Path.of(args[1]), Integer.parseInt(args[2]));
      case "seed" -> seed(args[1], Integer.parseInt(args[2]), Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  private static void runner(Path dir, int steps) throws Exception {
    Files.createDirectories(dir);
    StringBuilder spec = new StringBuilder("""
        schema_id: wrkr.jobspec
        schema_version: v1
        producer_version: bench
        name: bench
        objective: runner overhead
        adapter:
          name: reference
        budgets:
          max_wall_time_seconds: 36000
          max_step_count: 100000
          max_tool_calls: 100000
        checkpoint_policy:
          min_interval_seconds: 1
        environment_fingerprint:
          rules: [os]
        inputs:
          workspace: .
          steps:
        """);
    for (int i = 0; i < steps; i++) {
      spec.append("    - id: s").append(i).append("\n      command: 'true'\n");
    }
    Files.writeString(dir.resolve("bench.yaml"), spec.toString());
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    CliHarness cli = new CliHarness(env, dir, InstantSource.system());
    long start = System.nanoTime();
    CliRun r = cli.run("submit", "bench.yaml", "--job-id", "bench");
    long elapsed = System.nanoTime() - start;
    if (r.exitCode() != 0) {
      throw new IllegalStateException(r.err());
    }
    double submitPerStep = elapsed / 1e6 / steps;
    double perStep = jobWallMillis(dir.resolve("home/wrkr.db")) / steps;
    List<Long> spawns = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      long s = System.nanoTime();
      Process p = new ProcessBuilder("sh", "-c", "true").redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .redirectError(ProcessBuilder.Redirect.DISCARD).start();
      p.waitFor();
      spawns.add(System.nanoTime() - s);
    }
    spawns.sort(null);
    double spawn = spawns.get(spawns.size() / 2) / 1e6;
    double fsync = fsyncFloor(dir.resolve("fsync-floor"));
    System.out.printf(java.util.Locale.ROOT,
        "steps=%d wall_ms=%.0f per_step_ms=%.2f spawn_ms=%.2f overhead_ms=%.2f fsync_ms=%.3f"
            + " submit_ms=%.0f submit_per_step_ms=%.2f submit_overhead_ms=%.2f%n",
        steps, perStep * steps, perStep, spawn, perStep - spawn, fsync,
        elapsed / 1e6, submitPerStep, submitPerStep - spawn);
  }

  /** The bench job's wall time as its ledger records it: {@code job_initialized} to its last event. */
  private static double jobWallMillis(Path db) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse("sqlite:" + db))) {
      List<dev.wrkr.store.StoredEvent> events = store.ledger().read(JobId.of("bench"), 0);
      java.time.Instant first = events.getFirst().createdAt();
      java.time.Instant last = events.getLast().createdAt();
      if (!events.getFirst().type().equals(JobEvent.JobInitialized.TYPE)) {
        throw new IllegalStateException("the bench job's ledger does not start with job_initialized");
      }
      return java.time.Duration.between(first, last).toNanos() / 1e6;
    }
  }

  /** Median of 200 appends of 100 bytes, each followed by fdatasync, beside the store: a commit's floor. */
  private static double fsyncFloor(Path file) throws java.io.IOException {
    List<Long> times = new ArrayList<>();
    java.nio.ByteBuffer bytes = java.nio.ByteBuffer.allocate(100);
    try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(file,
        java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.WRITE,
        java.nio.file.StandardOpenOption.APPEND)) {
      for (int i = 0; i < 200; i++) {
        long s = System.nanoTime();
        channel.write(bytes.clear());
        channel.force(false);
        times.add(System.nanoTime() - s);
      }
    }
    times.sort(null);
    return times.get(times.size() / 2) / 1e6;
  }

  private static void seed(String url, int events, int jobs) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      JobHistory history = new JobHistory(store.ledger(), store.index(), InstantSource.system());
      JobState s = history.append(JobState.empty(JobId.of("big")),
          List.of(JobEvents.initialized(), JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING))).orElseThrow();
      while (s.lastAppliedSeq() < events) {
        List<JobEvent> batch = new ArrayList<>();
        for (int i = 0; i < 100 && s.lastAppliedSeq() + batch.size() < events; i++) {
          long n = s.lastAppliedSeq() + batch.size();
          batch.add(n % 10 == 0
              ? JobEvents.checkpoint("progress", "step " + n, JobStatus.RUNNING)
              : new JobEvent.CountersUpdated(0, n, n));
        }
        s = history.append(s, batch).orElseThrow();
      }
      for (int j = 0; j < jobs; j++) {
        history.append(JobState.empty(JobId.of(String.format(java.util.Locale.ROOT, "job_%05d", j))),
            List.of(JobEvents.initialized(), JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING),
                JobEvents.checkpoint("plan", "plan " + j, JobStatus.RUNNING))).orElseThrow();
      }
    }
  }
}
