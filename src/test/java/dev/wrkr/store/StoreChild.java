package dev.wrkr.store;

import dev.wrkr.job.JobId;
import dev.wrkr.store.postgres.PostgresStore;
import dev.wrkr.store.sqlite.SqliteStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The program {@link ProcessContract} runs in child JVMs. It opens the store at a URL, prints
 * {@code READY}, waits for a line on stdin (so that children start racing together), does one
 * job, and prints each thing it committed on its own flushed line.
 *
 * <pre>
 * append  URL JOB WRITER COUNT    COUNT appends, retrying on conflict: "COMMITTED seq writer i"
 * acquire URL JOB WORKER NOW      one lease acquisition: "ACQUIRED lease epoch" or "HELD worker"
 * append-until-killed URL JOB     batches of 3 events with a snapshot, forever: "COMMITTED lastSeq"
 * </pre>
 */
public final class StoreChild {
  static final int BATCH = 3;

  private StoreChild() {}

  public static void main(String[] args) throws IOException {
    try (JobStore store = open(args[1])) {
      System.out.println("READY");
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
      JobId job = JobId.of(args[2]);
      switch (args[0]) {
        case "append" -> append(store, job, args[3], Integer.parseInt(args[4]));
        case "acquire" -> acquire(store, job, new WorkerId(args[3]), Instant.parse(args[4]));
        case "append-until-killed" -> appendUntilKilled(store, job);
        default -> throw new IllegalArgumentException("unknown mode " + args[0]);
      }
    }
    System.out.println("DONE");
    System.out.flush();
  }

  static JobStore open(String url) {
    return switch (StoreLocation.parse(url)) {
      case StoreLocation.Sqlite sqlite -> SqliteStore.open(sqlite);
      case StoreLocation.Postgres pg ->
          PostgresStore.open(pg, new PostgresStore.Settings(1, Duration.ofSeconds(30)));
    };
  }

  static String payload(String writer, int i) {
    return "{\"writer\":\"" + writer + "\",\"i\":" + i + "}";
  }

  private static void append(JobStore store, JobId job, String writer, int count) {
    for (int i = 0; i < count; i++) {
      NewEvent event = new NewEvent("appended", Events.T0, payload(writer, i));
      long seq = Events.appendWithRetry(store.ledger(), job, List.of(event));
      System.out.println("COMMITTED " + seq + " " + writer + " " + i);
      System.out.flush();
    }
  }

  private static void acquire(JobStore store, JobId job, WorkerId worker, Instant now) {
    switch (store.leases().acquire(job, worker, now, Duration.ofHours(1))) {
      case LeaseResult.Acquired a ->
          System.out.println("ACQUIRED " + a.lease().leaseId() + " " + a.lease().epoch());
      case LeaseResult.Held h -> System.out.println("HELD " + h.holder().worker());
    }
    System.out.flush();
  }

  /** Seq s holds {"batch":b,"k":k} with s = 3(b-1)+k+1, so a reader can check every event. */
  private static void appendUntilKilled(JobStore store, JobId job) {
    long last = store.ledger().lastSeq(job);
    for (int batch = 1; ; batch++) {
      List<NewEvent> events = new ArrayList<>();
      for (int k = 0; k < BATCH; k++) {
        String payload =
            "{\"batch\":" + batch + ",\"k\":" + k + ",\"pad\":\"" + "x".repeat(500) + "\"}";
        events.add(new NewEvent("appended", Events.T0.plusSeconds(batch), payload));
      }
      long lastSeq = last + BATCH;
      JobSnapshot snapshot =
          new JobSnapshot(lastSeq, "running", Events.T0, "{\"last\":" + lastSeq + "}");
      switch (store.ledger().append(new AppendRequest(job, last, events, Optional.of(snapshot)))) {
        case AppendResult.Appended a -> last = a.lastSeq();
        case AppendResult.Conflict c -> throw new IllegalStateException("lone writer lost: " + c);
      }
      System.out.println("COMMITTED " + last);
      System.out.flush();
    }
  }
}
