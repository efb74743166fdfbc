package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.dispatch.ResumeService;
import dev.wrkr.job.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr resume <job_id>}: continues a job from its durable cursor. */
@Command(name = "resume", description = "Resume a job from its durable cursor (after approval, a budget raise, or a crash).")
final class ResumeCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
  String jobId;

  @Option(names = "--force-env", description = "Resume even though the environment fingerprint differs (audited).")
  boolean forceEnv;

  @Option(names = "--reason", paramLabel = "<text>", description = "Why (recorded with --force-env and --budget).")
  String reason;

  @Option(names = "--approved-by", paramLabel = "<who>", description = "Who decides (default: WRKR_APPROVED_BY, else USER).")
  String approvedBy;

  @Option(names = "--budget", paramLabel = "<key=value>",
      description = "Raise a budget, e.g. max_step_count=40 (audited); repeatable.")
  List<String> budgets = new ArrayList<>();

  ResumeCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** The JSON shape: Wrkr's, plus a note when nothing ran. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record View(String jobId, String status, Optional<String> adapter, Optional<Long> nextStepIndex,
      Optional<String> note) {}

  @Override
  public Integer call() {
    String who = Approver.resolve(approvedBy, invocation.io().env());
    ResumeService.ResumeResult r = invocation.services().dispatch().resume()
        .resume(JobId.of(jobId), new ResumeService.ResumeOptions(forceEnv, reason, who, budgets));
    Output out = invocation.output();
    if (out.json()) {
      out.result(new View(r.jobId(), r.status(), r.adapter(),
          r.nextStepIndex() > 0 ? Optional.of(r.nextStepIndex()) : Optional.empty(), r.note()));
    } else {
      out.line("job=" + r.jobId() + " status=" + r.status());
      r.note().ifPresent(n -> out.line("note=" + n));
    }
    return 0;
  }
}
