package dev.wrkr.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Bench for issue 4's performance point (run by {@code bench/jobpack-bench.sh}, not by the tests):
 * {@code export --unsafe-capture-raw} and {@code verify} of a job with 100,000 events and 1 GB of
 * artifacts, each through the real launcher in a fresh JVM limited to {@code -Xmx256m}, against
 * the machine's sha256 floor (reading and hashing the same bytes, also a fresh JVM with {@code
 * -Xmx256m}). Floor and target runs alternate, so each target run has a floor run beside it.
 *
 * <ol>
 *   <li>{@code seed <dir> <events> <files> <file-MiB>}: writes the job ({@link JobpackBenchJob}).
 *   <li>{@code floor <dir>}: the floor, in this JVM; prints one {@code key=value} line.
 *   <li>{@code run <dir> <launcher> <rounds> <java> <classpath>}: the measurements; prints markdown.
 * </ol>
 */
public final class JobpackBench {
  private static final String HEAP = "-Xmx256m";
  private static final Pattern GC = Pattern.compile("(\\d+)M->(\\d+)M\\((\\d+)M\\)");
  private static final Pattern RSS = Pattern.compile("Maximum resident set size \\(kbytes\\): (\\d+)");

  private JobpackBench() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "seed" -> JobpackBenchJob.seed(Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
          Integer.parseInt(args[4]));
      case "floor" -> {
        JobpackBenchJob.Floor f = JobpackBenchJob.floor(Path.of(args[1]));
        System.out.printf(Locale.ROOT, "file_bytes=%d file_ms=%.1f event_bytes=%d event_ms=%.1f%n",
            f.fileBytes(), f.fileMs(), f.eventBytes(), f.eventMs());
      }
      case "run" -> new JobpackBench.Runs(Path.of(args[1]), Path.of(args[2]), args[4], args[5])
          .all(Integer.parseInt(args[3]));
      default -> throw new IllegalArgumentException(args[0]);
    }
  }

  /** One finished process: wall time, max RSS, and heap figures from its GC log (MiB). */
  record Run(double wallMs, long rssKb, long maxAfterGcMb, long maxHeapMb, int gcs, String out) {}

  private record Runs(Path dir, Path launcher, String java, String classpath) {
    void all(int rounds) throws Exception {
      Path zip = dir.resolve("out/jobpacks/jobpack_big.zip");
      Path ref = dir.resolve("ref/jobpacks/jobpack_big.zip");
      List<Run> floors = new ArrayList<>();
      List<Run> exports = new ArrayList<>();
      List<Run> verifies = new ArrayList<>();
      List<Run> cachedVerifies = new ArrayList<>();
      List<Double> exportShare = new ArrayList<>();
      List<Double> verifyShare = new ArrayList<>();
      List<Double> cachedShare = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        Run f1 = floor();
        Run e = wrkr("export", "big", "--out-dir", dir.resolve("out").toString(), "--unsafe-capture-raw");
        Run f2 = floor();
        // Export writes the zip past the page cache (O_DIRECT), so this verify reads it from disk…
        Run v = wrkr("verify", zip.toString());
        Run f3 = floor();
        // …and this one from the cache, as the floor reads the artifacts.
        Run c = wrkr("verify", zip.toString());
        floors.add(f1);
        floors.add(f2);
        floors.add(f3);
        exports.add(e);
        verifies.add(v);
        cachedVerifies.add(c);
        exportShare.add(f1.wallMs() / e.wallMs());
        verifyShare.add(f2.wallMs() / v.wallMs());
        cachedShare.add(f3.wallMs() / c.wallMs());
        System.err.printf(Locale.ROOT, "round %d: floor %.0f ms, export %.0f ms, floor %.0f ms, verify %.0f ms,"
            + " floor %.0f ms, verify (cached) %.0f ms%n", r + 1, f1.wallMs(), e.wallMs(), f2.wallMs(), v.wallMs(),
            f3.wallMs(), c.wallMs());
      }
      List<Run> refExports = new ArrayList<>();
      List<Run> refVerifies = new ArrayList<>();
      for (int r = 0; r < rounds; r++) {
        refExports.add(wrkr("export", "big", "--out-dir", dir.resolve("ref").toString()));
        refVerifies.add(wrkr("verify", ref.toString()));
      }
      List<Run> versions = new ArrayList<>();
      List<Run> demos = new ArrayList<>();
      for (int r = 0; r < 6; r++) {
        versions.add(wrkr("version"));
        Path d = Files.createDirectories(dir.resolve("demo" + r));
        Run demo = run(d, Map.of("WRKR_HOME", d.resolve("home").toString()), List.of(launcher.toString(), "demo"));
        if (r > 0) {  // the first is a warm-up
          demos.add(demo);
        }
      }
      Map<String, Double> input = floorFigures(floors.getFirst().out());
      long bytes = (long) (input.get("file_bytes") + input.get("event_bytes"));
      report(rounds, bytes, input, floors, exports, verifies, exportShare, verifyShare);
      row("verify again (zip in the page cache)", cachedVerifies, bytes / 1e6, cachedShare);
      System.out.println();
      System.out.printf(Locale.ROOT, "| events only (reference-only jobpack, %d B) | export %.0f ms | verify %.0f ms |%n",
          Files.size(ref), median(refExports, Run::wallMs), median(refVerifies, Run::wallMs));
      System.out.printf(Locale.ROOT, "| wrkr version (start floor) | %.0f ms | wrkr demo (5 runs) | median %.0f ms,"
          + " max %.0f ms |%n", median(versions, Run::wallMs), median(demos, Run::wallMs),
          demos.stream().mapToDouble(Run::wallMs).max().orElseThrow());
      System.out.printf(Locale.ROOT, "| heap, events-only runs: max after GC %d MiB / max RSS %d MiB |%n",
          Math.max(max(refExports, Run::maxAfterGcMb), max(refVerifies, Run::maxAfterGcMb)),
          Math.max(max(refExports, Run::rssKb), max(refVerifies, Run::rssKb)) / 1024);
    }

    private void report(int rounds, long bytes, Map<String, Double> input, List<Run> floors, List<Run> exports,
        List<Run> verifies, List<Double> exportShare, List<Double> verifyShare) throws IOException {
      Path zip = dir.resolve("out/jobpacks/jobpack_big.zip");
      double mb = bytes / 1e6;
      System.out.printf(Locale.ROOT, "input: %,.0f B of artifacts + %,.0f B of event payloads; zip %,d B; %d rounds;"
          + " MB/s = input bytes / time; export and verify: wall time of a fresh JVM with %s through ./wrkr;"
          + " floor: read + sha256 time inside a fresh JVM with %s (files %.0f ms + events %.0f ms in the first"
          + " run)%n%n", input.get("file_bytes"), input.get("event_bytes"), Files.size(zip), rounds, HEAP, HEAP,
          input.get("file_ms"), input.get("event_ms"));
      System.out.println("| run | median wall ms | MB/s | % of floor (paired, median) | slowest-fastest share"
          + " | max heap after GC MiB | heap committed MiB | max RSS MiB |");
      System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|");
      row("sha256 floor (read + hash)", floors, mb, List.of());
      row("export --unsafe-capture-raw", exports, mb, exportShare);
      row("verify", verifies, mb, verifyShare);
    }

    private static void row(String label, List<Run> runs, double mb, List<Double> shares) {
      double ms = median(runs, Run::wallMs);
      List<Double> s = shares.stream().sorted().toList();
      boolean gc = runs.stream().anyMatch(r -> r.gcs() > 0);
      System.out.printf(Locale.ROOT, "| %s | %.0f | %.0f | %s | %s | %s | %s | %d |%n", label, ms, mb / (ms / 1000),
          s.isEmpty() ? "100%" : String.format(Locale.ROOT, "%.0f%%", 100 * mid(s)),
          s.isEmpty() ? "–" : String.format(Locale.ROOT, "%.0f%%–%.0f%%", 100 * s.getFirst(), 100 * s.getLast()),
          gc ? max(runs, Run::maxAfterGcMb) : "no GC", gc ? max(runs, Run::maxHeapMb) : "–",
          max(runs, Run::rssKb) / 1024);
    }

    /**
     * A floor run; its time is the reading and hashing alone, measured inside the JVM (stricter
     * than the targets' wall time, which includes starting the JVM and the CLI).
     */
    private Run floor() throws Exception {
      Run p = floorProcess();
      Map<String, Double> f = floorFigures(p.out());
      return new Run(f.get("file_ms") + f.get("event_ms"), p.rssKb(), p.maxAfterGcMb(), p.maxHeapMb(), p.gcs(),
          p.out());
    }

    private Run floorProcess() throws Exception {
      return run(dir, Map.of(), List.of(java, HEAP, "-XX:+UseSerialGC", "-Xlog:gc:file=" + dir.resolve("gc.log"),
          "--enable-native-access=ALL-UNNAMED", "-cp", classpath, JobpackBench.class.getName(), "floor",
          dir.toString()));
    }

    private Run wrkr(String... args) throws Exception {
      List<String> command = new ArrayList<>(List.of(launcher.toString()));
      command.addAll(List.of(args));
      return run(dir, Map.of("WRKR_HOME", dir.resolve("home").toString(),
          "WRKR_JAVA_OPTS", HEAP + " -Xlog:gc:file=" + dir.resolve("gc.log")), command);
    }

    /** Runs {@code command} under {@code /usr/bin/time -v} in {@code cwd}; fails unless it exits 0. */
    private Run run(Path cwd, Map<String, String> env, List<String> command) throws Exception {
      Files.deleteIfExists(dir.resolve("gc.log"));
      List<String> timed = new ArrayList<>(List.of("/usr/bin/time", "-v"));
      timed.addAll(command);
      ProcessBuilder pb = new ProcessBuilder(timed).directory(cwd.toFile());
      pb.environment().keySet().removeIf(k -> k.startsWith("WRKR_"));
      pb.environment().putAll(env);
      Path out = dir.resolve("run.out");
      Path err = dir.resolve("run.err");
      pb.redirectOutput(out.toFile()).redirectError(err.toFile());
      long start = System.nanoTime();
      int exit = pb.start().waitFor();
      double ms = (System.nanoTime() - start) / 1e6;
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      if (exit != 0) {
        throw new IllegalStateException(command + " exited " + exit + ":\n" + stderr);
      }
      Matcher rss = RSS.matcher(stderr);
      long rssKb = rss.find() ? Long.parseLong(rss.group(1)) : -1;
      long after = 0;
      long heap = 0;
      int gcs = 0;
      Path gcLog = dir.resolve("gc.log");
      if (Files.exists(gcLog)) {
        Matcher m = GC.matcher(Files.readString(gcLog, StandardCharsets.UTF_8));
        while (m.find()) {
          gcs++;
          after = Math.max(after, Long.parseLong(m.group(2)));
          heap = Math.max(heap, Long.parseLong(m.group(3)));
        }
      }
      return new Run(ms, rssKb, after, heap, gcs, Files.readString(out, StandardCharsets.UTF_8));
    }
  }

  private static Map<String, Double> floorFigures(String line) {
    Map<String, Double> m = new HashMap<>();
    for (String kv : line.strip().split(" ")) {
      String[] p = kv.split("=");
      m.put(p[0], Double.parseDouble(p[1]));
    }
    return m;
  }

  private static double median(List<Run> runs, Function<Run, Double> f) {
    return mid(runs.stream().map(f).sorted().toList());
  }

  private static long max(List<Run> runs, Function<Run, Long> f) {
    return runs.stream().map(f).max(Long::compare).orElse(-1L);
  }

  private static double mid(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
