package dev.wrkr.cli;

import dev.wrkr.codec.Timestamps;
import dev.wrkr.dispatch.StatusResponse;
import dev.wrkr.job.JobId;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wrkr status <job_id>}: the job's status from the durable store. */
@Command(
    name = "status",
    description = "Show a job's status, lease holder and environment hash from the durable store.")
final class StatusCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<job_id>", description = "The job to show.")
  String jobId;

  StatusCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    JobId job = JobId.of(jobId);
    StatusResponse status = invocation.services().status().status(job);
    Output out = invocation.output();
    if (out.json()) {
      out.result(status);
    } else if (status.lease().isPresent()) {
      StatusResponse.LeaseView lease = status.lease().get();
      out.line(
          "job=" + status.jobId() + " status=" + status.status() + " lease_worker=" + lease.workerId()
              + " lease_expires=" + Timestamps.format(lease.expiresAt()));
    } else {
      out.line("job=" + status.jobId() + " status=" + status.status());
    }
    return 0;
  }
}
