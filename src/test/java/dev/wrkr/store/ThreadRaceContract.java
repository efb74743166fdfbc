package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The thread part of {@link StoreContract}: one store instance used by racing threads. */
interface ThreadRaceContract extends StoreFixture {
  int THREADS = 8;
  int APPENDS_PER_THREAD = 200;
  Pattern PAYLOAD = Pattern.compile("\\{\"writer\":\"t(\\d+)\",\"i\":(\\d+)}");

  /** Runs {@code task(i)} on {@code n} threads released together; returns their results. */
  static <T> List<T> race(int n, IntFunction<Callable<T>> task)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(n);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        Callable<T> work = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return work.call();
                }));
      }
      start.countDown();
      List<T> results = new ArrayList<>();
      for (Future<T> f : futures) {
        results.add(f.get(5, TimeUnit.MINUTES));
      }
      return results;
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  default void appends_from_several_threads_should_keep_seqs_contiguous_and_each_event_once()
      throws Exception {
    race(
        THREADS,
        t ->
            () -> {
              for (int i = 0; i < APPENDS_PER_THREAD; i++) {
                String payload = "{\"writer\":\"t" + t + "\",\"i\":" + i + "}";
                Events.appendWithRetry(
                    store().ledger(), aJob(), List.of(new NewEvent("appended", T0, payload)));
              }
              return null;
            });

    List<StoredEvent> events = store().ledger().read(aJob(), 0);
    assertThat(events).hasSize(THREADS * APPENDS_PER_THREAD);
    assertThat(events.getLast().seq()).isEqualTo(THREADS * APPENDS_PER_THREAD);
    int[] next = new int[THREADS];
    for (StoredEvent event : events) {
      Matcher m = PAYLOAD.matcher(event.payloadJson());
      assertThat(m.matches()).as("payload %s", event.payloadJson()).isTrue();
      int writer = Integer.parseInt(m.group(1));
      assertThat(Integer.parseInt(m.group(2)))
          .as("writer %d's events appear once each, in its order", writer)
          .isEqualTo(next[writer]++);
    }
    assertThat(next).containsOnly(APPENDS_PER_THREAD);
  }

  @Test
  default void threads_racing_for_a_free_lease_should_leave_exactly_one_winner()
      throws Exception {
    List<LeaseResult> results =
        race(
            THREADS,
            t ->
                () ->
                    store()
                        .leases()
                        .acquire(aJob(), new WorkerId("w" + t), T0, Duration.ofMinutes(5)));

    List<Lease> winners =
        results.stream()
            .filter(LeaseResult.Acquired.class::isInstance)
            .map(r -> ((LeaseResult.Acquired) r).lease())
            .toList();
    assertThat(winners).hasSize(1);
    assertThat(results)
        .filteredOn(LeaseResult.Held.class::isInstance)
        .extracting(r -> ((LeaseResult.Held) r).holder())
        .containsOnly(winners.getFirst());
    assertThat(store().leases().current(aJob())).contains(winners.getFirst());
  }

  @Test
  default void threads_racing_to_take_over_an_expired_lease_should_leave_one_winner_at_epoch_2()
      throws Exception {
    store().leases().acquire(aJob(), new WorkerId("gone"), T0, Duration.ofSeconds(1));
    Instant later = T0.plusSeconds(5);

    List<LeaseResult> results =
        race(
            THREADS,
            t ->
                () ->
                    store()
                        .leases()
                        .acquire(aJob(), new WorkerId("w" + t), later, Duration.ofMinutes(5)));

    assertThat(results).filteredOn(LeaseResult.Acquired.class::isInstance).hasSize(1);
    assertThat(store().leases().current(aJob()).orElseThrow().epoch()).isEqualTo(2);
  }
}
