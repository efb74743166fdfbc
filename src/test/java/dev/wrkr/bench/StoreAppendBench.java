package dev.wrkr.bench;

import dev.wrkr.job.JobId;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.AppendResult;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.postgres.PostgresStore;
import dev.wrkr.store.sqlite.SqliteStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Durable appends from one thread to one job: a single event per commit, and batches of 100 events
 * per commit (multiply ops/s by 100 for events/s). SQLite runs with WAL and synchronous=FULL; the
 * embedded PostgreSQL with synchronous_commit=on and fsync=on, so every commit waits for its sync
 * on both.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class StoreAppendBench {
  static final int BATCH = 100;
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123456789Z");
  private static final String PAYLOAD =
      "{\"node\":\"build\",\"attempt\":1,\"output\":\"" + "x".repeat(120) + "\"}";

  @Param({"sqlite", "postgres"})
  public String store;

  private Path files;
  private EmbeddedPostgres postgres;
  private JobStore jobs;
  private final JobId job = JobId.of("bench");
  private final List<NewEvent> one = List.of(new NewEvent("step_done", AT, PAYLOAD));
  private final List<NewEvent> batch = events(BATCH);
  private long last;

  private static List<NewEvent> events(int n) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      events.add(new NewEvent("step_done", AT.plusNanos(i), PAYLOAD));
    }
    return events;
  }

  @Setup
  public void open() throws IOException {
    files = BenchDir.newPath("wrkr-" + store, store.equals("sqlite") ? ".db" : "");
    jobs =
        switch (store) {
          case "sqlite" -> SqliteStore.open(new StoreLocation.Sqlite(files));
          case "postgres" -> openPostgres();
          default -> throw new IllegalArgumentException(store);
        };
    last = 0;
  }

  private JobStore openPostgres() throws IOException {
    postgres =
        EmbeddedPostgres.builder()
            .setDataDirectory(files)
            .setCleanDataDirectory(true)
            .setServerConfig("synchronous_commit", "on")
            .setServerConfig("fsync", "on")
            .start();
    String url = "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
    return PostgresStore.open((StoreLocation.Postgres) StoreLocation.parse(url));
  }

  @TearDown
  public void close() throws IOException {
    jobs.close();
    if (postgres != null) {
      postgres.close();
    }
    BenchDir.delete(files);
  }

  @Benchmark
  public AppendResult singleEvent() {
    return append(one);
  }

  @Benchmark
  public AppendResult batchOf100() {
    return append(batch);
  }

  private AppendResult append(List<NewEvent> events) {
    AppendResult result = jobs.ledger().append(new AppendRequest(job, last, events));
    if (!(result instanceof AppendResult.Appended appended)) {
      throw new IllegalStateException("lone writer lost a race: " + result);
    }
    last = appended.lastSeq();
    return result;
  }
}
