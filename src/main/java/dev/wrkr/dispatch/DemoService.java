package dev.wrkr.dispatch;

import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code demo}: runs a small job offline through plan → progress → decision-needed → approval →
 * resume → completed, in a fresh workspace, with the real store, runner and step processes.
 */
public final class DemoService {
  private final Dispatch dispatch;
  private final CheckpointService checkpoints;
  private final InstantSource clock;

  public DemoService(Dispatch dispatch, CheckpointService checkpoints, InstantSource clock) {
    this.dispatch = dispatch;
    this.checkpoints = checkpoints;
    this.clock = clock;
  }

  /** What the demo did. */
  public record DemoResult(String jobId, String status, String workspace, String decisionCheckpoint,
      List<Checkpoint> checkpoints) {}

  /** Runs the demo in {@code <outDir>/demo/<job_id>/}. */
  public DemoResult run(Path outDir, Path cwd, String approvedBy) {
    JobId job = freeJobId();
    Path workspace = cwd.resolve(outDir).resolve("demo").resolve(job.value()).toAbsolutePath().normalize();
    Path spec = writeSpec(workspace);
    dispatch.submit().submit(spec, workspace, Optional.of(job.value()));
    Checkpoint decision = checkpoints.list(job).stream()
        .filter(c -> c.type().equals("decision-needed")).reduce((a, b) -> b)
        .orElseThrow(() -> new WrkrException(ReasonCode.E_GENERIC_FAILURE, "demo did not reach its decision", Map.of()));
    checkpoints.approve(job, decision.checkpointId(), "the demo approves its own plan", approvedBy);
    ResumeService.ResumeResult end = dispatch.resume().resume(job,
        new ResumeService.ResumeOptions(false, "", approvedBy, List.of()));
    return new DemoResult(job.value(), end.status(), workspace.toString(), decision.checkpointId(), checkpoints.list(job));
  }

  private JobId freeJobId() {
    String base = "job_demo_" + clock.instant().getEpochSecond();
    for (int n = 1; ; n++) {
      JobId candidate = JobId.of(n == 1 ? base : base + "_" + n);
      if (!dispatch.exists(candidate)) {
        return candidate;
      }
      if (n > 1000) {
        throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "no free demo job id", Map.of("base", base));
      }
    }
  }

  private static Path writeSpec(Path workspace) {
    try (InputStream in = DemoService.class.getResourceAsStream("/dev/wrkr/dispatch/demo-jobspec.yaml")) {
      Files.createDirectories(workspace);
      Path spec = workspace.resolve("jobspec.yaml");
      Files.write(spec, in.readAllBytes());
      return spec;
    } catch (IOException | NullPointerException e) {
      throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "cannot write the demo workspace: " + e.getMessage(),
          Map.of("workspace", workspace.toString()));
    }
  }
}
