package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.bridge.WorkItem;
import dev.wrkr.bridge.WorkItemFiles;
import dev.wrkr.bridge.WorkItemTemplate;
import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.job.JobId;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.schema.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code wrkr bridge work-item}: a blocked or decision-needed checkpoint as a ticket payload. */
@Command(name = "bridge", description = "Turn checkpoints into work items for ticket systems.",
    synopsisSubcommandLabel = "(work-item)")
final class BridgeCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: work-item");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new BridgeCommand());
    group.addSubcommand("work-item", new WorkItemCommand(invocation));
    root.addSubcommand("bridge", group);
  }

  /** Reads the checkpoint from the store; writes under {@code <out>/reports/} unless {@code --dry-run}. */
  @Command(name = "work-item",
      description = "Write a work item (JSON, and a github or jira text) for a blocked or decision-needed checkpoint.")
  static final class WorkItemCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    @Option(names = "--checkpoint", required = true, paramLabel = "<id>", description = "The checkpoint (cp_N).")
    String checkpoint;

    @Option(names = "--dry-run", description = "Print the payload; write nothing.")
    boolean dryRun;

    @Option(names = "--template", paramLabel = "<github|jira>", description = "Also write the ticket text.")
    String template;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
    String outDir = "wrkr-out";

    WorkItemCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    /** Wrkr's result: the paths written (none with {@code --dry-run}) and the payload. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Result(Optional<String> jsonPath, JsonNode payload, Optional<String> templatePath) {}

    @Override
    public Integer call() {
      Optional<WorkItemTemplate> tpl = template == null || template.isBlank() ? Optional.empty()
          : Optional.of(WorkItemTemplate.of(template));
      Checkpoint cp = invocation.services().checkpoints().show(JobId.of(jobId), checkpoint);
      WorkItem item = WorkItem.of(cp, BuildInfo.current().version());
      byte[] json = item.canonicalJson(Schemas.standard());
      Optional<String> jsonPath = Optional.empty();
      Optional<String> templatePath = Optional.empty();
      if (!dryRun) {
        Path reports = ReportFiles.reportsDir(invocation.io().cwd().resolve(outDir));
        Path p = reports.resolve(WorkItemFiles.json(item));
        ReportFiles.writeAtomically(p, json);
        jsonPath = Optional.of(p.toString());
        if (tpl.isPresent()) {
          Path t = reports.resolve(tpl.get().fileName(item));
          ReportFiles.writeAtomically(t, tpl.get().render(item).getBytes(StandardCharsets.UTF_8));
          templatePath = Optional.of(t.toString());
        }
      }
      Result r = new Result(jsonPath, item.toJson(), templatePath);
      Output o = invocation.output();
      if (o.json()) {
        o.result(r);
        return 0;
      }
      o.line("job_id=" + item.jobId() + " checkpoint=" + item.checkpointId() + " type=" + item.checkpointType());
      r.jsonPath().ifPresent(p -> o.line("work_item=" + p));
      r.templatePath().ifPresent(p -> o.line("template=" + p));
      o.line("next_commands:");
      item.nextCommands().forEach(c -> o.line("- " + c));
      return 0;
    }
  }
}
