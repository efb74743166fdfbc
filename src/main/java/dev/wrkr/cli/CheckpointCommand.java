package dev.wrkr.cli;

import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.dispatch.CheckpointService;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr checkpoint list|show|emit}: the job's structured supervisory interrupts. */
@Command(name = "checkpoint", description = "List, show or emit a job's checkpoints.",
    synopsisSubcommandLabel = "(list | show | emit)")
final class CheckpointCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: list, show or emit");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new CheckpointCommand());
    group.addSubcommand("list", new ListCommand(invocation));
    group.addSubcommand("show", new ShowCommand(invocation));
    group.addSubcommand("emit", new EmitCommand(invocation));
    root.addSubcommand("checkpoint", group);
  }

  static void printLine(Output out, Checkpoint cp) {
    out.line("checkpoint=" + cp.checkpointId() + " type=" + cp.type() + " status=" + cp.status());
  }

  @Command(name = "list", description = "List a job's checkpoints in order.")
  static final class ListCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    ListCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Output out = invocation.output();
      if (out.json()) {
        out.result(invocation.services().checkpoints().list(JobId.of(jobId)));
        return 0;
      }
      List<CheckpointService.Headline> checkpoints = invocation.services().checkpoints().headlines(JobId.of(jobId));
      StringBuilder lines = new StringBuilder(checkpoints.size() * 64);
      for (CheckpointService.Headline cp : checkpoints) {
        lines.append("checkpoint=cp_").append(cp.seq()).append(" type=").append(cp.type())
            .append(" status=").append(cp.status()).append(" summary=").append(Text.bounded(cp.summary()))
            .append('\n');
      }
      out.text(lines);
      return 0;
    }
  }

  @Command(name = "show", description = "Show one checkpoint.")
  static final class ShowCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    @Parameters(index = "1", paramLabel = "<checkpoint_id>", description = "The checkpoint, cp_<n>.")
    String checkpointId;

    ShowCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Checkpoint cp = invocation.services().checkpoints().show(JobId.of(jobId), checkpointId);
      Output out = invocation.output();
      if (out.json()) {
        out.result(cp);
        return 0;
      }
      printLine(out, cp);
      out.line("summary=" + Text.bounded(cp.summary()));
      if (!cp.reasonCodes().isEmpty()) {
        out.line("reason_codes=" + String.join(",", cp.reasonCodes()));
      }
      return 0;
    }
  }

  @Command(name = "emit", description = "Record a checkpoint on a job (its status does not change).")
  static final class EmitCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    @Option(names = "--type", required = true, paramLabel = "<type>",
        description = "plan, progress, decision-needed, blocked or completed.")
    String type;

    @Option(names = "--summary", required = true, paramLabel = "<text>", description = "1 to 2000 characters.")
    String summary;

    @Option(names = "--status", paramLabel = "<status>", description = "Defaults to the job's status.")
    String status;

    @Option(names = "--required-kind", paramLabel = "<kind>", description = "What a person must do (decision-needed).")
    String requiredKind;

    @Option(names = "--required-instructions", paramLabel = "<text>", description = "How to do it.")
    String requiredInstructions;

    @Option(names = "--reason-code", paramLabel = "<code>", description = "A reason code; repeatable.")
    List<String> reasonCodes = new ArrayList<>();

    @Option(names = "--added", paramLabel = "<path>", description = "An artifact path added; repeatable.")
    List<String> added = new ArrayList<>();

    @Option(names = "--changed", paramLabel = "<path>", description = "An artifact path changed; repeatable.")
    List<String> changed = new ArrayList<>();

    @Option(names = "--removed", paramLabel = "<path>", description = "An artifact path removed; repeatable.")
    List<String> removed = new ArrayList<>();

    EmitCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      CheckpointService.EmitRequest request =
          new CheckpointService.EmitRequest(
              type, summary, Optional.ofNullable(status), Optional.ofNullable(requiredKind),
              Optional.ofNullable(requiredInstructions), reasonCodes,
              new JobEvent.ArtifactsDelta(added, changed, removed));
      Checkpoint cp = invocation.services().checkpoints().emit(JobId.of(jobId), request);
      Output out = invocation.output();
      if (out.json()) {
        out.result(cp);
      } else {
        printLine(out, cp);
      }
      return 0;
    }
  }
}
