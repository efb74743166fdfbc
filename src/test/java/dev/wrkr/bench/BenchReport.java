package dev.wrkr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JMH JSON of {@code bench/store-bench.sh} into the markdown tables of {@code
 * docs/performance.md}: absolute rates (median of all iterations, with the slowest and fastest;
 * a shared machine's disk has bursts of other work and a median is steadier than a mean), and
 * each store's share of the fsync floor from {@link PairedFloorBench}.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    JsonNode runs = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
    System.out.println("| Benchmark | Store | Commits/s (median) | Slowest–fastest iteration"
        + " | ms/commit | Events/s |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (JsonNode run : runs) {
      if (!name(run).startsWith("PairedFloorBench")) {
        absolute(run);
      }
    }
    System.out.println();
    System.out.println("| Store | fsync floor ms/op (paired) | Single-event append ms/op (paired)"
        + " | % of fsync floor (median) | Slowest–fastest iteration |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (JsonNode run : runs) {
      if (name(run).startsWith("PairedFloorBench")) {
        paired(run);
      }
    }
  }

  private static void absolute(JsonNode run) {
    String name = name(run);
    List<Double> values = sorted(flatten(run.get("primaryMetric").get("rawData")));
    double ops = median(values);
    boolean floor = name.startsWith("FsyncFloorBench");
    System.out.printf(
        Locale.ROOT,
        "| %s | %s | %,.0f | %,.0f–%,.0f | %.3f | %s |%n",
        name,
        store(run),
        ops,
        values.getFirst(),
        values.getLast(),
        1000 / ops,
        floor ? "–" : String.format(Locale.ROOT, "%,.0f", ops * eventsPerCommit(name)));
  }

  private static int eventsPerCommit(String benchmark) {
    return benchmark.endsWith("batchOf100") ? StoreAppendBench.BATCH : 1;
  }

  /** Per iteration: ops = score × seconds; floor share = floor time / store time (same ops). */
  private static void paired(JsonNode run) {
    double seconds = Double.parseDouble(run.get("measurementTime").asString().replace(" s", ""));
    List<Double> score = flatten(run.get("primaryMetric").get("rawData"));
    List<Double> floor = flatten(run.get("secondaryMetrics").get("floorNanos").get("rawData"));
    List<Double> store = flatten(run.get("secondaryMetrics").get("storeNanos").get("rawData"));
    List<Double> floorMs = new ArrayList<>();
    List<Double> storeMs = new ArrayList<>();
    List<Double> share = new ArrayList<>();
    for (int i = 0; i < score.size(); i++) {
      double ops = score.get(i) * seconds;
      floorMs.add(floor.get(i) / ops / 1e6);
      storeMs.add(store.get(i) / ops / 1e6);
      share.add(100 * floor.get(i) / store.get(i));
    }
    List<Double> shares = sorted(share);
    System.out.printf(
        Locale.ROOT,
        "| %s | %.3f | %.3f | %.0f%% | %.0f%%–%.0f%% |%n",
        store(run),
        median(sorted(floorMs)),
        median(sorted(storeMs)),
        median(shares),
        shares.getFirst(),
        shares.getLast());
  }

  private static String name(JsonNode run) {
    String full = run.get("benchmark").asString();
    return full.substring(full.lastIndexOf('.', full.lastIndexOf('.') - 1) + 1);
  }

  private static String store(JsonNode run) {
    JsonNode store = run.path("params").path("store");
    return store.isMissingNode() ? "–" : store.asString();
  }

  /** Every measured iteration of every fork, in run order. */
  private static List<Double> flatten(JsonNode rawData) {
    List<Double> values = new ArrayList<>();
    for (JsonNode fork : rawData) {
      for (JsonNode value : fork) {
        values.add(value.asDouble());
      }
    }
    return values;
  }

  private static List<Double> sorted(List<Double> values) {
    List<Double> copy = new ArrayList<>(values);
    copy.sort(null);
    return copy;
  }

  private static double median(List<Double> sorted) {
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }
}
