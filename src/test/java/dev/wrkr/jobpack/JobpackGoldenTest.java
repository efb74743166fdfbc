package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.app.AppServices;
import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.Json;
import dev.wrkr.job.EventCodec;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.AppendRequest;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.NewEvent;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import dev.wrkr.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The jobpack of a fixed ledger, byte for byte, on both stores: export is a function of the stored
 * facts alone. The ledger covers submission, fingerprint, checkpoints, a digested and a missing
 * artifact, a decision and its approval.
 */
class JobpackGoldenTest {
  private static final Instant T0 = Instant.parse("2026-02-14T03:45:00.000000123Z");
  private static final JobId JOB = JobId.of("job_golden");

  @TempDir Path dir;

  private static List<JobEvent> ledger() {
    var delta = new JobEvent.ArtifactsDelta(List.of("reports/plan.md", "reports/gone.md"), List.of(), List.of());
    var none = JobEvent.ArtifactsDelta.none();
    var budget = new JobEvent.BudgetState(0, 0, 1, 1);
    var spec = Json.parse(read("src/test/resources/schemas/valid/jobspec.minimal.json"));
    return List.of(
        new JobEvent.JobInitialized(T0, "queued", Optional.of(new JobEvent.Submission("golden", "ship <it> & check",
            "reference", "/specs/golden.yaml", "/work/golden", Budgets.unlimited(), spec))),
        new JobEvent.EnvFingerprintSet(List.of("os"), Map.of("os", "linux"), "a".repeat(64), T0),
        new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING),
        new JobEvent.CheckpointEmitted("plan", "ship <it> & check", JobStatus.RUNNING,
            new JobEvent.BudgetState(0, 0, 0, 0), none, Optional.empty(), List.of()),
        new JobEvent.ArtifactsRecorded("step:plan", List.of(
            new JobEvent.ArtifactRecord("reports/plan.md", "present", Optional.of("b".repeat(64)), Optional.of(42L)),
            new JobEvent.ArtifactRecord("reports/gone.md", "missing", Optional.empty(), Optional.empty()))),
        new JobEvent.AdapterStep("reference", List.of("reports/plan.md", "reports/gone.md"), "make plan", true,
            "plan", 0, "write the plan"),
        new JobEvent.CountersUpdated(0, 1, 1, 0, 0),
        new JobEvent.CheckpointEmitted("progress", "step plan completed", JobStatus.RUNNING, budget, delta,
            Optional.empty(), List.of()),
        new JobEvent.CheckpointEmitted("decision-needed", "approve the plan", JobStatus.BLOCKED_DECISION, budget, none,
            Optional.of(new JobEvent.RequiredAction(Optional.of("approve"), Optional.of("review step plan"))),
            List.of("E_CHECKPOINT_APPROVAL_REQUIRED")),
        new JobEvent.StatusChanged(JobStatus.RUNNING, JobStatus.BLOCKED_DECISION),
        new JobEvent.ApprovalRecorded("wrkr.approval_record", "v1", T0.plusSeconds(60), "test", JOB.value(), "cp_9",
            "looks right", "alice"),
        new JobEvent.StatusChanged(JobStatus.BLOCKED_DECISION, JobStatus.RUNNING),
        new JobEvent.CheckpointEmitted("completed", "reference adapter completed", JobStatus.COMPLETED, budget, none,
            Optional.empty(), List.of()),
        new JobEvent.StatusChanged(JobStatus.RUNNING, JobStatus.COMPLETED));
  }

  private static String read(String path) {
    try {
      return Files.readString(Path.of(path));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_fixed_ledger_should_export_to_the_golden_jobpack_on_either_store(String kind) throws Exception {
    try (JobStore store = AppServices.openStore(StoreLocation.parse(TestStoreUrls.fresh(kind, dir)))) {
      List<NewEvent> events = new ArrayList<>();
      List<JobEvent> ledger = ledger();
      for (int i = 0; i < ledger.size(); i++) {
        JobEvent e = ledger.get(i);
        events.add(new NewEvent(e.type(), T0.plusMillis(1500L * i), EventCodec.encode(e)));
      }
      store.ledger().append(new AppendRequest(JOB, 0, events, Optional.empty()));
      JobpackExporter.Exported out =
          new JobpackExporter(store.ledger(), "0.9.0-golden").export(JOB, dir.resolve("out"),
              JobpackExporter.Options.referenceOnly());
      Golden.assertMatches("jobpack/jobpack_job_golden.zip", Files.readAllBytes(out.path()));
      assertThat(out.missingArtifacts()).containsExactly("reports/gone.md");
      JobpackVerifier.Verified v = Jobpacks.verifier().verify(out.path());
      assertThat(v.filesVerified()).isEqualTo(8);
      assertThat(v.missingArtifacts()).containsExactly("reports/gone.md");
      Golden.assertMatches("jobpack/footer_job_golden.txt", out.footer() + "\n");
    }
  }
}
