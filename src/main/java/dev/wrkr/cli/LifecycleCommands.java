package dev.wrkr.cli;

import dev.wrkr.dispatch.LifecycleService;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wrkr pause} and {@code wrkr cancel}: status changes a running job obeys. */
final class LifecycleCommands {
  private LifecycleCommands() {}

  private static int run(Invocation invocation, String jobId, BiFunction<LifecycleService, JobId, JobState> move) {
    JobId job = JobId.of(jobId);
    JobState s = move.apply(invocation.services().dispatch().lifecycle(), job);
    Output out = invocation.output();
    if (out.json()) {
      out.result(invocation.services().status().status(job));
    } else {
      out.line("job=" + job + " status=" + s.status().wire());
    }
    return 0;
  }

  @Command(name = "pause", description = "Pause a job; a running job stops at its next step boundary.")
  static final class Pause implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    Pause(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      return run(invocation, jobId, LifecycleService::pause);
    }
  }

  @Command(name = "cancel", description = "Cancel a job; a running step's whole process group is terminated.")
  static final class Cancel implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    Cancel(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      return run(invocation, jobId, LifecycleService::cancel);
    }
  }
}
