package dev.wrkr.cli;

import dev.wrkr.codec.Timestamps;
import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.Inspection;
import dev.wrkr.jobpack.JobpackDiff;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.Jobpacks;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wrkr job inspect|diff}: a job's timeline, and what differs between two jobpacks. */
@Command(name = "job", description = "Inspect a job's timeline or diff two jobpacks.",
    synopsisSubcommandLabel = "(inspect | diff)")
final class JobCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: inspect or diff");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new JobCommand());
    group.addSubcommand("inspect", new InspectCommand(invocation));
    group.addSubcommand("diff", new DiffCommand(invocation));
    root.addSubcommand("job", group);
  }

  @Command(name = "inspect",
      description = "A job's timeline of events, checkpoints and approvals, from a jobpack file or the store.")
  static final class InspectCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id|path>", description = "A jobpack file, or a job in the store.")
    String target;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Accepted for Wrkr compatibility; unused.")
    String outDir = "wrkr-out";

    InspectCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Path file = invocation.io().cwd().resolve(target);
      Inspection r;
      if (Files.isRegularFile(file)) {
        JobpackVerifier.Verified v = Jobpacks.verifier().verify(file);
        r = Inspection.ofJobpack(file, v);
      } else {
        r = invocation.services().jobpacks().inspect(JobId.of(target));
      }
      Output out = invocation.output();
      if (out.json()) {
        out.result(r);
        return 0;
      }
      out.line("job=" + r.jobId() + " status=" + r.status() + " events=" + r.eventCount() + " checkpoints="
          + r.checkpointCount() + " approvals=" + r.approvalCount());
      for (String missing : r.artifactsMissing()) {
        out.line("missing_artifact=" + missing);
      }
      for (Inspection.Item item : r.timeline()) {
        out.line(Timestamps.format(item.at()) + " " + item.kind() + " " + item.id() + " " + Text.bounded(item.summary()));
      }
      return 0;
    }
  }

  @Command(name = "diff", description = "What differs between two jobpacks: files, events and checkpoints.")
  static final class DiffCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<jobpack_a>", description = "The first jobpack (file or job id).")
    String a;

    @Parameters(index = "1", paramLabel = "<jobpack_b>", description = "The second jobpack (file or job id).")
    String b;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root for job ids (default: ./wrkr-out).")
    String outDir = "wrkr-out";

    DiffCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Path cwd = invocation.io().cwd();
      Path za = Jobpacks.target(a, cwd, cwd.resolve(outDir)).existing();
      Path zb = Jobpacks.target(b, cwd, cwd.resolve(outDir)).existing();
      JobpackVerifier verifier = Jobpacks.verifier();
      JobpackDiff d = JobpackDiff.of(za, verifier.verify(za), zb, verifier.verify(zb));
      Output out = invocation.output();
      if (out.json()) {
        out.result(d);
        return 0;
      }
      out.line("job_a=" + d.jobIdA() + " job_b=" + d.jobIdB() + " added=" + d.added().size() + " removed="
          + d.removed().size() + " changed=" + d.changed().size());
      section(out, "file", d.added(), d.removed(), d.changed());
      out.line("events added=" + d.events().added().size() + " removed=" + d.events().removed().size() + " changed="
          + d.events().changed().size());
      section(out, "event", d.events().added(), d.events().removed(), d.events().changed());
      out.line("checkpoints added=" + d.checkpoints().added().size() + " removed=" + d.checkpoints().removed().size()
          + " changed=" + d.checkpoints().changed().size());
      section(out, "checkpoint", d.checkpoints().added(), d.checkpoints().removed(), d.checkpoints().changed());
      return 0;
    }

    private static void section(Output out, String what, java.util.List<String> added, java.util.List<String> removed,
        java.util.List<String> changed) {
      added.forEach(p -> out.line("  + " + what + " " + p));
      removed.forEach(p -> out.line("  - " + what + " " + p));
      changed.forEach(p -> out.line("  ~ " + what + " " + p));
    }
  }
}
