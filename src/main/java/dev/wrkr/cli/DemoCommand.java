package dev.wrkr.cli;

import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.JobpackExporter;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.Jobpacks;
import java.util.List;
import java.util.Optional;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.dispatch.DemoService;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wrkr demo}: a small job from plan to approval to completion, offline. */
@Command(name = "demo", description = "Run an offline demo job: plan, a decision, approval, resume, completed.")
final class DemoCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
  String outDir = "wrkr-out";

  /** The demo's result, then the jobpack it ended with. */
  record Result(String jobId, String status, String workspace, String decisionCheckpoint, List<Checkpoint> checkpoints,
      String jobpack, String manifest, String footer, int filesVerified) {}

  DemoCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Services services = invocation.services();
    DemoService demo = new DemoService(services.dispatch(), services.checkpoints(), invocation.io().clock());
    Path out0 = invocation.io().cwd().resolve(outDir);
    DemoService.DemoResult r = demo.run(out0, invocation.io().cwd(), "wrkr-demo");
    ExportCommand.Result pack = ExportCommand.export(invocation, JobId.of(r.jobId()), out0,
        JobpackExporter.Options.referenceOnly(), Optional.empty());
    JobpackVerifier.Verified verified = Jobpacks.verifier().verify(Path.of(pack.path()));
    Output out = invocation.output();
    if (out.json()) {
      out.result(new Result(r.jobId(), r.status(), r.workspace(), r.decisionCheckpoint(), r.checkpoints(), pack.path(), verified.manifestSha256(), pack.footer(), verified.filesVerified()));
      return 0;
    }
    out.line("job_id=" + r.jobId() + " status=" + r.status());
    out.line("workspace=" + r.workspace());
    out.line("what happened:");
    for (Checkpoint cp : r.checkpoints()) {
      String artifacts = cp.artifactsDelta().added().isEmpty() ? "" : " artifacts=" + String.join(",", cp.artifactsDelta().added());
      out.line("  " + cp.checkpointId() + " " + cp.type() + " (" + cp.status() + ") " + Text.bounded(cp.summary()) + artifacts);
      if (cp.checkpointId().equals(r.decisionCheckpoint())) {
        out.line("  -> approved by wrkr-demo, then resumed from the durable cursor");
      }
    }
    out.line("jobpack=" + pack.path() + " (verified: " + verified.filesVerified() + " files)");
    out.line("footer=" + pack.footer());
    out.line("try next:");
    out.line("  ./wrkr status " + r.jobId());
    out.line("  ./wrkr checkpoint list " + r.jobId());
    out.line("  ./wrkr jobs");
    out.line("  ./wrkr verify " + r.jobId() + "    (or: ./wrkr job inspect " + pack.path() + ")");
    out.line("  ./wrkr init && ./wrkr submit jobspec.yaml    (your own job)");
    return 0;
  }
}
