package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The process part of {@link StoreContract}: real child JVMs ({@link StoreChild}) racing on one
 * store, and one killed with SIGKILL in the middle of writing.
 */
interface ProcessContract extends StoreFixture {
  int PROCESSES = 4;
  int APPENDS_PER_PROCESS = 60;
  int COMMITS_BEFORE_KILL = 40;
  Duration PATIENCE = Duration.ofMinutes(3);

  /** Starts children, waits until each has opened the store, then releases them together. */
  private List<ChildJvm> startTogether(List<String[]> argsPerChild) {
    List<ChildJvm> children = new ArrayList<>();
    for (int i = 0; i < argsPerChild.size(); i++) {
      children.add(ChildJvm.start(scratch(), "child-" + i, argsPerChild.get(i)));
    }
    for (ChildJvm child : children) {
      await("child READY: " + child.describe())
          .atMost(PATIENCE)
          .until(() -> child.printed("READY") || !child.alive());
      assertThat(child.printed("READY")).as(child.describe()).isTrue();
    }
    children.forEach(child -> child.send("GO"));
    return children;
  }

  @Test
  default void appends_from_several_processes_should_keep_seqs_contiguous_and_each_event_once()
      throws Exception {
    List<String[]> args = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      args.add(
          new String[] {
            "append", database().url(), aJob().value(), "p" + p, String.valueOf(APPENDS_PER_PROCESS)
          });
    }
    List<ChildJvm> children = startTogether(args);
    Map<Long, String> printed = new HashMap<>();
    for (ChildJvm child : children) {
      try (child) {
        assertThat(child.awaitExit()).as(child.describe()).isZero();
        for (String line : child.lines()) {
          if (line.startsWith("COMMITTED ")) {
            String[] f = line.split(" ");
            String payload = StoreChild.payload(f[2], Integer.parseInt(f[3]));
            String previous = printed.put(Long.parseLong(f[1]), payload);
            assertThat(previous).as("seq %s reported twice", f[1]).isNull();
          }
        }
      }
    }

    List<StoredEvent> events = store().ledger().read(aJob(), 0);
    assertThat(events).hasSize(PROCESSES * APPENDS_PER_PROCESS);
    assertThat(printed).hasSize(PROCESSES * APPENDS_PER_PROCESS);
    Map<String, Integer> next = new HashMap<>();
    for (StoredEvent event : events) {
      assertThat(event.payloadJson()).isEqualTo(printed.get(event.seq()));
      JsonNode payload = JsonMapper.builder().build().readTree(event.payloadJson());
      String writer = payload.get("writer").asString();
      assertThat(payload.get("i").asInt())
          .as("writer %s's events appear once each, in its order", writer)
          .isEqualTo(next.merge(writer, 1, Integer::sum) - 1);
    }
    assertThat(next.values()).containsOnly(APPENDS_PER_PROCESS);
  }

  @Test
  default void processes_racing_for_a_free_lease_should_leave_exactly_one_winner()
      throws Exception {
    List<String[]> args = new ArrayList<>();
    for (int p = 0; p < PROCESSES; p++) {
      args.add(new String[] {"acquire", database().url(), aJob().value(), "w" + p, T0.toString()});
    }
    List<ChildJvm> children = startTogether(args);
    List<String> outcomes = new ArrayList<>();
    for (ChildJvm child : children) {
      try (child) {
        assertThat(child.awaitExit()).as(child.describe()).isZero();
        outcomes.add(child.lines().get(1));
      }
    }

    Lease winner = store().leases().current(aJob()).orElseThrow();
    assertThat(outcomes).filteredOn(line -> line.startsWith("ACQUIRED ")).containsExactly(
        "ACQUIRED " + winner.leaseId() + " 1");
    assertThat(outcomes)
        .filteredOn(line -> line.startsWith("HELD "))
        .hasSize(PROCESSES - 1)
        .containsOnly("HELD " + winner.worker());
  }

  @Test
  default void a_writer_killed_with_sigkill_should_leave_every_commit_and_nothing_half_written()
      throws Exception {
    ChildJvm writer =
        startTogether(
                List.<String[]>of(
                    new String[] {"append-until-killed", database().url(), aJob().value()}))
            .getFirst();
    long printedLast;
    try (writer) {
      await("commits: " + writer.describe())
          .atMost(PATIENCE)
          .until(() -> commits(writer).size() >= COMMITS_BEFORE_KILL);
      writer.kill();
      printedLast = commits(writer).getLast();
    }

    try (JobStore reopened = database().open()) {
      List<StoredEvent> events = reopened.ledger().read(aJob(), 0);
      long last = events.size();
      assertThat(last).as("every printed commit survived").isGreaterThanOrEqualTo(printedLast);
      assertThat(last % StoreChild.BATCH).as("no batch was half written").isZero();
      assertThat(reopened.ledger().lastSeq(aJob())).isEqualTo(last);
      assertThat(reopened.index().find(aJob()).orElseThrow().snapshot().orElseThrow().seq())
          .as("the snapshot came with its batch")
          .isEqualTo(last);
      JsonMapper json = JsonMapper.builder().build();
      for (StoredEvent event : events) {
        JsonNode payload = json.readTree(event.payloadJson());
        long batch = payload.get("batch").asLong();
        long k = payload.get("k").asLong();
        assertThat((batch - 1) * StoreChild.BATCH + k + 1).isEqualTo(event.seq());
      }
      assertThat(
              reopened.ledger().append(new AppendRequest(aJob(), last, List.of(Events.anEvent(0)))))
          .as("the store takes writes again")
          .isEqualTo(new AppendResult.Appended(last + 1, last + 1));
    }
  }

  private static List<Long> commits(ChildJvm child) {
    return child.lines().stream()
        .filter(line -> line.startsWith("COMMITTED "))
        .map(line -> Long.parseLong(line.substring("COMMITTED ".length())))
        .toList();
  }
}
