package dev.wrkr.cli;

import dev.wrkr.checkpoint.ApprovalRecord;
import dev.wrkr.job.JobId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr approve}: records who approved a decision-needed checkpoint, and why. */
@Command(name = "approve", description = "Approve a decision-needed checkpoint (recorded with who and why).")
final class ApproveCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
  String jobId;

  @Option(names = "--checkpoint", required = true, paramLabel = "<checkpoint_id>",
      description = "The decision-needed checkpoint, cp_<n>.")
  String checkpointId;

  @Option(names = "--reason", required = true, paramLabel = "<text>", description = "Why it is approved.")
  String reason;

  @Option(names = "--approved-by", paramLabel = "<who>",
      description = "Who approves (default: WRKR_APPROVED_BY, else USER, else unknown).")
  String approvedBy;

  ApproveCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    ApprovalRecord record =
        invocation.services().checkpoints().approve(JobId.of(jobId), checkpointId, reason, Approver.resolve(approvedBy, invocation.io().env()));
    Output out = invocation.output();
    if (out.json()) {
      out.result(record);
    } else {
      out.line("approved checkpoint=" + record.checkpointId());
    }
    return 0;
  }
}
