package dev.wrkr.store;

import dev.wrkr.job.JobId;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Builders for the store tests. */
final class Events {
  static final Instant T0 = Instant.parse("2026-03-01T10:15:30.123456789Z");

  private Events() {}

  static JobId aJob() {
    return JobId.of("job-1");
  }

  static NewEvent anEvent(int n) {
    return new NewEvent("step_done", T0.plusMillis(n), "{\"n\":" + n + "}");
  }

  static List<NewEvent> events(int from, int count) {
    List<NewEvent> events = new ArrayList<>();
    for (int i = from; i < from + count; i++) {
      events.add(anEvent(i));
    }
    return events;
  }

  static AppendRequest append(JobId job, long expectedLastSeq, List<NewEvent> events) {
    return new AppendRequest(job, expectedLastSeq, events);
  }

  static AppendRequest append(JobId job, long expectedLastSeq, NewEvent... events) {
    return new AppendRequest(job, expectedLastSeq, List.of(events));
  }

  static AppendRequest appendWithSnapshot(
      JobId job, long expectedLastSeq, List<NewEvent> events, String status) {
    long last = expectedLastSeq + events.size();
    JobSnapshot snapshot =
        new JobSnapshot(last, status, T0.plusSeconds(last), "{\"status\":\"" + status + "\"}");
    return new AppendRequest(job, expectedLastSeq, events, Optional.of(snapshot));
  }

  /** Appends, retrying from the actual last seq on conflict; returns the seq of the first event. */
  static long appendWithRetry(Ledger ledger, JobId job, List<NewEvent> events) {
    long expected = ledger.lastSeq(job);
    while (true) {
      switch (ledger.append(new AppendRequest(job, expected, events))) {
        case AppendResult.Appended appended -> {
          return appended.firstSeq();
        }
        case AppendResult.Conflict conflict -> expected = conflict.actualLastSeq();
      }
    }
  }
}
