package dev.wrkr.cli;

import dev.wrkr.dispatch.SubmitService;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr submit <jobspec> [--job-id id]}: records a job and runs it until it completes or blocks. */
@Command(name = "submit", description = "Submit a JobSpec (YAML or JSON) and run it until it completes or blocks.")
final class SubmitCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<jobspec>", description = "The JobSpec file (.json is JSON; anything else YAML).")
  String jobspec;

  @Option(names = "--job-id", paramLabel = "<id>", description = "The job id (default: <name>_<unix seconds>).")
  String jobId;

  SubmitCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    SubmitService.SubmitResult r = invocation.services().dispatch().submit()
        .submit(Path.of(jobspec), invocation.io().cwd(), Optional.ofNullable(jobId));
    Output out = invocation.output();
    if (out.json()) {
      out.result(r);
    } else {
      out.line("job_id=" + r.jobId() + " status=" + r.status() + " adapter=" + r.adapter());
    }
    return 0;
  }
}
