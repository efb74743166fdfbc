package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.app.AppServices;
import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobStatus;
import dev.wrkr.jobpack.archive.JobpackArchive;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.AppendResult;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The exporter's two passes (the lead events on the caller's thread, the whole ledger on its own)
 * must describe one ledger prefix while the job moves on, and a failure in either must leave
 * nothing behind.
 */
class JobpackExporterTest {
  private static final Instant T0 = Instant.parse("2026-02-14T03:45:00Z");
  private static final JobId JOB = JobId.of("job_moving");

  @TempDir Path dir;

  private static NewEvent event(JobEvent e, int i) {
    return new NewEvent(e.type(), T0.plusMillis(i), EventCodec.encode(e));
  }

  private static List<NewEvent> step(int i) {
    return List.of(
        event(new JobEvent.StepStarted("s" + i, i, 1, "w1"), i),
        event(new JobEvent.ArtifactsRecorded("step:s" + i, List.of(new JobEvent.ArtifactRecord("out/f" + (i % 7),
            "present", Optional.of(Integer.toHexString(i).repeat(64).substring(0, 64)), Optional.of((long) i)))), i),
        event(new JobEvent.CountersUpdated(0, i + 1, i + 1, 10L * i, i / 8.0), i),
        event(new JobEvent.CheckpointEmitted("progress", "step " + i, JobStatus.RUNNING,
            new JobEvent.BudgetState(0, i + 1, i + 1, 0), JobEvent.ArtifactsDelta.none(), Optional.empty(), List.of()), i));
  }

  @Test
  void exports_taken_while_the_job_appends_should_each_describe_one_ledger_prefix() throws Exception {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(TestStoreUrls.fresh("sqlite", dir)))) {
      long seq = append(store, 0, List.of(
          event(new JobEvent.JobInitialized(T0, "queued", Optional.empty()), 0),
          event(new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING), 0)));
      AtomicBoolean stop = new AtomicBoolean();
      long[] last = {seq};
      Thread writer = new Thread(() -> {
        for (int i = 0; !stop.get(); i++) {
          last[0] = append(store, last[0], step(i));
        }
      });
      writer.start();
      try {
        JobpackExporter exporter = new JobpackExporter(store.ledger(), "test");
        for (int round = 0; round < 15; round++) {
          JobpackExporter.Exported out = exporter.export(JOB, dir.resolve("out"), JobpackExporter.Options.referenceOnly());
          JobpackVerifier.Verified verified = Jobpacks.verifier().verify(out.path());
          assertThat(verified.filesVerified()).isPositive();
          try (JobpackArchive zip = JobpackArchive.open(out.path())) {
            List<String> events = lines(zip.readAll(JobpackEntries.EVENTS, 1 << 28));
            List<String> checkpoints = lines(zip.readAll(JobpackEntries.CHECKPOINTS, 1 << 28));
            var metadata = Json.parse(new String(zip.readAll(JobpackEntries.JOB_METADATA, 1 << 20), StandardCharsets.UTF_8));
            // events.jsonl is the contiguous prefix 1..n, and the metadata counts the same n events
            for (int i = 0; i < events.size(); i++) {
              assertThat(Json.parse(events.get(i)).get("event_id").asString()).isEqualTo("evt_" + (i + 1));
            }
            assertThat(metadata.toString()).contains("\"event_count\":" + events.size());
            long checkpointEvents = events.stream().filter(l -> l.contains("\"type\":\"checkpoint_emitted\"")).count();
            assertThat(checkpoints).hasSize((int) checkpointEvents);
          }
        }
      } finally {
        stop.set(true);
        writer.join();
      }
    }
  }

  @Test
  void a_corrupt_event_should_fail_the_export_with_its_code_and_leave_no_file() throws Exception {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(TestStoreUrls.fresh("sqlite", dir)))) {
      List<NewEvent> events = new ArrayList<>(List.of(
          event(new JobEvent.JobInitialized(T0, "queued", Optional.empty()), 0),
          event(new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING), 0)));
      for (int i = 0; i < 3_000; i++) {
        events.addAll(step(i));
      }
      events.add(new NewEvent("step_started", T0, "{\"step_id\":"));
      append(store, 0, events);
      JobpackExporter exporter = new JobpackExporter(store.ledger(), "test");
      Path out = dir.resolve("out");

      assertThatThrownBy(() -> exporter.export(JOB, out, JobpackExporter.Options.raw()))
          .isInstanceOfSatisfying(WrkrException.class, e -> assertThat(e.code()).isEqualTo(ReasonCode.E_STORE_CORRUPT));
      try (Stream<Path> left = Files.list(out.resolve("jobpacks"))) {
        assertThat(left).isEmpty();
      }
    }
  }

  private static long append(JobStore store, long after, List<NewEvent> events) {
    AppendResult r = store.ledger().append(new AppendRequest(JOB, after, events, Optional.empty()));
    return ((AppendResult.Appended) r).lastSeq();
  }

  private static List<String> lines(byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8);
    return text.isEmpty() ? List.of() : List.of(text.split("\n"));
  }
}
