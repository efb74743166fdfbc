package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.job.JobId;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Runs the real {@code ./wrkr} launcher as a separate OS process against one store, with {@code
 * HOME} and {@code WRKR_HOME} inside a test folder; and reads that store's ledger the way another
 * process would, for what no command prints (audit events, sequence numbers).
 */
final class WrkrProcess {
  private static final Path LAUNCHER = Path.of("wrkr").toAbsolutePath();

  private final Path dir;
  private final String storeUrl;
  private final Map<String, String> env = new HashMap<>();
  private Path cwd;

  /** What one run printed and returned. */
  record Result(int exit, String out, String err) {
    /** The error envelope a {@code --json} run wrote to stderr. */
    JsonNode envelope() {
      try {
        return Json.parse(err);
      } catch (RuntimeException e) {
        throw new AssertionError("stderr is not an error envelope (exit " + exit + "):\n" + err + "\nstdout:\n" + out, e);
      }
    }

    /** The {@code --json} result on stdout. */
    JsonNode json() {
      return Json.parse(out);
    }
  }

  private WrkrProcess(Path dir, String storeUrl) {
    this.dir = dir;
    this.storeUrl = storeUrl;
    this.cwd = dir;
  }

  /** Processes sharing a fresh, empty store of {@code kind} ({@code sqlite} or {@code postgres}). */
  static WrkrProcess fresh(String kind, Path dir) {
    return new WrkrProcess(dir, TestStoreUrls.fresh(kind, dir));
  }

  /** Sets (or, with null, removes) an environment variable for every later run. */
  WrkrProcess env(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The working directory of later runs (default: the test folder). */
  WrkrProcess in(Path workingDirectory) {
    cwd = workingDirectory;
    return this;
  }

  /** A builder for {@code ./wrkr args…}, to start when the test wants the process running. */
  ProcessBuilder builder(String... args) {
    List<String> cmd = new ArrayList<>(List.of(LAUNCHER.toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(cwd.toFile());
    Map<String, String> e = pb.environment();
    e.put("HOME", dir.toString());
    e.put("WRKR_HOME", dir.resolve(".wrkr").toString());
    e.put("WRKR_STORE_URL", storeUrl);
    env.forEach((k, v) -> {
      if (v == null) {
        e.remove(k);
      } else {
        e.put(k, v);
      }
    });
    return pb;
  }

  /** Starts {@code ./wrkr args…} with stdout and stderr sent to files {@code name.out}/{@code name.err}. */
  Process start(String name, String... args) throws IOException {
    return builder(args).redirectOutput(dir.resolve(name + ".out").toFile())
        .redirectError(dir.resolve(name + ".err").toFile()).start();
  }

  /** Waits for a process from {@link #start} and reads what it printed. */
  Result finish(String name, Process p) throws Exception {
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("%s exits", name).isTrue();
    return new Result(p.exitValue(), Files.readString(dir.resolve(name + ".out")),
        Files.readString(dir.resolve(name + ".err")));
  }

  /** Runs {@code ./wrkr args…} to its end. */
  Result run(String... args) throws Exception {
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process p = builder(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("wrkr %s exits", List.of(args)).isTrue();
    return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  /** The {@code --json} output of a run that must succeed. */
  JsonNode json(String... args) throws Exception {
    Result r = run(args);
    assertThat(r.exit()).as("wrkr %s: %s", List.of(args), r.err()).isZero();
    return r.json();
  }

  /** Lines in {@code file} of the test folder; 0 when it does not exist. */
  int lines(String file) throws IOException {
    Path p = dir.resolve(file);
    return Files.exists(p) ? Files.readAllLines(p).size() : 0;
  }

  /** The payloads of the job's ledger events of one type, in order, as another process reads them. */
  List<JsonNode> events(String job, String type) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(storeUrl))) {
      return store.ledger().readType(JobId.of(job), type).stream().map(e -> Json.parse(e.payloadJson())).toList();
    }
  }

  /** The job's last ledger sequence number; 0 when the store has no such job. */
  long lastSeq(String job) {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(storeUrl))) {
      return store.ledger().lastSeq(JobId.of(job));
    }
  }

  /** Live (not zombie) processes whose process group is {@code pgid}, read from /proc. */
  static long livingInGroup(long pgid) throws IOException {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .map(p -> {
            try {
              String stat = Files.readString(p.resolve("stat"));
              // After "(comm)": state, ppid, pgrp. comm may hold spaces and parentheses.
              String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
              return f[0].equals("Z") || f[0].equals("X") ? -1L : Long.parseLong(f[2]);
            } catch (IOException | RuntimeException gone) {
              return -1L;
            }
          })
          .filter(g -> g == pgid).count();
    }
  }
}
