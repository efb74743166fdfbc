package dev.wrkr.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the JMH JSON of {@code bench/store-bench.sh} into the markdown table of {@code
 * docs/performance.md}: ops/s, ms/op, events/s, and each store's commit rate as a share of the
 * fsync floor measured in the same run.
 */
public final class BenchReport {
  private BenchReport() {}

  public static void main(String[] args) throws IOException {
    JsonNode runs = JsonMapper.builder().build().readTree(Files.readString(Path.of(args[0])));
    double floor = 0;
    for (JsonNode run : runs) {
      if (run.get("benchmark").asString().endsWith("FsyncFloorBench.append100BytesAndFsync")) {
        floor = run.get("primaryMetric").get("score").asDouble();
      }
    }
    System.out.println(
        "| Benchmark | Store | Commits/s (±99.9% CI) | ms/commit | Events/s | % of fsync floor |");
    System.out.println("|---|---|---:|---:|---:|---:|");
    for (JsonNode run : runs) {
      String name = run.get("benchmark").asString();
      name = name.substring(name.lastIndexOf('.', name.lastIndexOf('.') - 1) + 1);
      JsonNode params = run.get("params");
      String store = params == null || params.get("store") == null ? "-" : params.get("store").asString();
      double ops = run.get("primaryMetric").get("score").asDouble();
      double error = run.get("primaryMetric").get("scoreError").asDouble();
      int events = name.endsWith("batchOf100") ? StoreAppendBench.BATCH : 1;
      System.out.printf(
          Locale.ROOT,
          "| %s | %s | %,.0f ± %,.0f | %.3f | %,.0f | %s |%n",
          name,
          store,
          ops,
          Double.isNaN(error) ? 0 : error,
          1000 / ops,
          ops * events,
          floor > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * ops / floor) : "n/a");
    }
  }
}
