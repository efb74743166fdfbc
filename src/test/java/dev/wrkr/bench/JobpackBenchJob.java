package dev.wrkr.bench;

import dev.wrkr.app.AppServices;
import dev.wrkr.artifact.ArtifactFiles;
import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.Json;
import dev.wrkr.codec.Sha256;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.StoredEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * The job {@link JobpackBench} exports: a workspace of artifact files (half log-like text with a
 * few secrets in it, so redaction has work to do; half random bytes) and a SQLite ledger of a
 * submitted job whose steps recorded those files' digests the way the runner does, written
 * through {@link JobHistory} (the real {@code Ledger} port, one commit per step batch). Also the
 * sha256 floor: reading and hashing the same bytes with nothing else.
 */
final class JobpackBenchJob {
  static final JobId JOB = JobId.of("big");
  private static final Instant T0 = Instant.parse("2026-02-14T03:45:00Z");
  private static final int BUFFER = 256 * 1024;
  private static final String[] SECRETS = {
    "export API_TOKEN=%s", "curl -H 'Authorization: Bearer %s' https://api.example.test",
    "aws configure set aws_access_key_id AKIA%s", "password: \"%s\"",
  };

  private JobpackBenchJob() {}

  static Path workspace(Path dir) {
    return dir.resolve("ws");
  }

  static String storeUrl(Path dir) {
    return "sqlite:" + dir.resolve("home").resolve("wrkr.db");
  }

  /** Writes the workspace ({@code files} files of {@code fileMiB} MiB) and a job of {@code events} events. */
  static void seed(Path dir, int events, int files, int fileMiB) throws IOException {
    Path ws = workspace(dir);
    Files.createDirectories(ws.resolve("logs"));
    Files.createDirectories(ws.resolve("bin"));
    Files.createDirectories(dir.resolve("home"));
    List<JobEvent.ArtifactRecord> records = new ArrayList<>();
    for (int i = 0; i < files; i++) {
      String path = i % 2 == 0 ? String.format(Locale.ROOT, "logs/step-%02d.log", i)
          : String.format(Locale.ROOT, "bin/blob-%02d.bin", i);
      writeArtifact(ws.resolve(path), i % 2 == 0, (long) fileMiB << 20, i);
      ArtifactFiles.Digest d = ArtifactFiles.digest(ws, path);
      records.add(new JobEvent.ArtifactRecord(d.path(), d.status().wire(), d.sha256(), d.size()));
    }
    try (JobStore store = AppServices.openStore(StoreLocation.parse(storeUrl(dir)))) {
      InstantSource clock = new SteppingClock();
      JobHistory history = new JobHistory(store.ledger(), store.index(), clock);
      JobState s = history.append(JobState.empty(JOB), head(ws)).orElseThrow();
      long step = 0;
      while (s.lastAppliedSeq() + 2 < events) {
        long left = events - 2 - s.lastAppliedSeq();
        List<JobEvent> batch = left >= 6 ? step(s, step, records.get((int) (step++ % files)))
            : List.of(new JobEvent.LeaseSet("worker-1", "lease-1", T0, T0, T0.plusSeconds(30)));
        s = history.append(s, batch).orElseThrow();
      }
      history.append(s, List.of(
          new JobEvent.CheckpointEmitted("completed", "reference adapter completed", JobStatus.COMPLETED,
              new JobEvent.BudgetState(0, 0, s.stepCount(), s.toolCallCount()), JobEvent.ArtifactsDelta.none(),
              Optional.empty(), List.of()),
          new JobEvent.StatusChanged(JobStatus.RUNNING, JobStatus.COMPLETED))).orElseThrow();
    }
  }

  private static List<JobEvent> head(Path ws) throws IOException {
    JobEvent.Submission submission = new JobEvent.Submission("bench", "export a large job", "reference",
        ws.resolve("bench.yaml").toString(), ws.toString(), Budgets.unlimited(), minimalJobspec());
    return List.of(
        new JobEvent.JobInitialized(T0, "queued", Optional.of(submission)),
        new JobEvent.EnvFingerprintSet(List.of("arch", "os"), Map.of("arch", "amd64", "os", "linux"),
            "a".repeat(64), T0),
        new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING),
        new JobEvent.CheckpointEmitted("plan", "export a large job", JobStatus.RUNNING,
            new JobEvent.BudgetState(0, 0, 0, 0), JobEvent.ArtifactsDelta.none(), Optional.empty(), List.of()),
        new JobEvent.LeaseSet("worker-1", "lease-1", T0, T0, T0.plusSeconds(30)));
  }

  /** One step as the runner records it: started, process, then digests + outcome + counters + checkpoint. */
  private static List<JobEvent> step(JobState s, long index, JobEvent.ArtifactRecord artifact) {
    String id = "s" + index;
    String summary = "build and test module " + index;
    long steps = s.stepCount() + 1;
    long tools = s.toolCallCount() + 1;
    return List.of(
        new JobEvent.StepStarted(id, index, 1, "worker-1"),
        new JobEvent.StepProcess(id, index, 1, 40_000 + index, "bench-host"),
        new JobEvent.ArtifactsRecorded("step:" + id, List.of(artifact)),
        new JobEvent.AdapterStep("reference", List.of(artifact.path()), "make -C modules/m" + index + " test", true,
            id, index, summary, Optional.of("succeeded"), Optional.of(0), Optional.of(1),
            Optional.of(new JobEvent.StepLogs(".wrkr/logs/big/" + id + "-1.stdout.log",
                ".wrkr/logs/big/" + id + "-1.stderr.log", 4_096 + index % 1000, index % 97, false))),
        new JobEvent.CountersUpdated(0, steps, tools, s.tokens() + 1_200, s.estimatedCost() + 0.0125),
        new JobEvent.CheckpointEmitted("progress", "step " + id + " completed: " + summary, JobStatus.RUNNING,
            new JobEvent.BudgetState(index / 4, 0, steps, tools),
            new JobEvent.ArtifactsDelta(List.of(artifact.path()), List.of(), List.of()), Optional.empty(), List.of()));
  }

  private static void writeArtifact(Path file, boolean text, long bytes, int seed) throws IOException {
    SplittableRandom random = new SplittableRandom(seed);
    byte[] buf = new byte[1 << 20];
    try (OutputStream out = Files.newOutputStream(file)) {
      for (long left = bytes; left > 0; left -= buf.length) {
        int n = (int) Math.min(buf.length, left);
        if (text) {
          fillLogLines(buf, n, random);
        } else {
          random.nextBytes(buf);
        }
        out.write(buf, 0, n);
      }
    }
  }

  /** Log lines of 60-160 bytes; about one in a thousand holds a secret a redaction rule matches. */
  private static void fillLogLines(byte[] buf, int n, SplittableRandom random) {
    int at = 0;
    StringBuilder line = new StringBuilder(200);
    while (at < n) {
      line.setLength(0);
      line.append("2026-02-14T03:").append(10 + random.nextInt(50)).append(':').append(10 + random.nextInt(50))
          .append('.').append(100 + random.nextInt(900)).append("Z INFO  [worker-").append(random.nextInt(8))
          .append("] ");
      if (random.nextInt(1000) == 0) {
        line.append(String.format(Locale.ROOT, SECRETS[random.nextInt(SECRETS.length)], token(random)));
      } else {
        line.append("compiled module m").append(random.nextInt(100_000)).append(" in ").append(random.nextInt(5000))
            .append(" ms (cache hit ratio 0.").append(random.nextInt(100)).append(')');
        for (int k = random.nextInt(4); k > 0; k--) {
          line.append(" src/main/java/dev/example/Thing").append(random.nextInt(1000)).append(".java");
        }
      }
      line.append('\n');
      byte[] b = line.toString().getBytes(StandardCharsets.UTF_8);
      int len = Math.min(b.length, n - at);
      System.arraycopy(b, 0, buf, at, len);
      at += len;
    }
  }

  private static String token(SplittableRandom random) {
    StringBuilder sb = new StringBuilder(24);
    for (int i = 0; i < 24; i++) {
      sb.append((char) ('A' + random.nextInt(26)));
    }
    return sb.toString();
  }

  /** What the floor read and how long it took. */
  record Floor(long fileBytes, double fileMs, long eventBytes, double eventMs) {}

  /**
   * The sha256 floor: read every workspace file and every event payload once and hash it, in
   * {@code BUFFER}-sized reads (the same as raw capture), and nothing else.
   */
  static Floor floor(Path dir) throws IOException {
    long t0 = System.nanoTime();
    long fileBytes = 0;
    byte[] buf = new byte[BUFFER];
    List<Path> files;
    try (Stream<Path> walk = Files.walk(workspace(dir))) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    for (Path f : files) {
      Sha256 sha = Sha256.create();
      try (InputStream in = Files.newInputStream(f)) {
        for (int n; (n = in.read(buf)) > 0; ) {
          sha.update(buf, 0, n);
          fileBytes += n;
        }
      }
      sha.hex();
    }
    long t1 = System.nanoTime();
    long eventBytes = 0;
    Sha256 sha = Sha256.create();
    try (JobStore store = AppServices.openStore(StoreLocation.parse(storeUrl(dir)))) {
      long after = 0;
      for (List<StoredEvent> page; !(page = store.ledger().readPage(JOB, after, 2_000)).isEmpty(); ) {
        for (StoredEvent e : page) {
          byte[] b = e.payloadJson().getBytes(StandardCharsets.UTF_8);
          sha.update(b);
          eventBytes += b.length;
          after = e.seq();
        }
      }
    }
    sha.hex();
    long t2 = System.nanoTime();
    return new Floor(fileBytes, (t1 - t0) / 1e6, eventBytes, (t2 - t1) / 1e6);
  }

  /** Event times 250 ms apart, from a fixed start: the seeded ledger is the same on every run. */
  private static final class SteppingClock implements InstantSource {
    private Instant now = T0;

    @Override
    public Instant instant() {
      now = now.plusMillis(250);
      return now;
    }
  }

  /** The minimal valid JobSpec of the schema tests, as the submission's jobspec. */
  private static JsonNode minimalJobspec() throws IOException {
    try (InputStream in = JobpackBenchJob.class.getResourceAsStream("/schemas/valid/jobspec.minimal.json")) {
      if (in == null) {
        throw new IOException("test resource schemas/valid/jobspec.minimal.json not on the class path");
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
