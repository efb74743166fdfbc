package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.jobpack.JobpackExporter;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.Jobpacks;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.report.GitHubSummary;
import dev.wrkr.report.SummaryReader;
import dev.wrkr.schema.Schemas;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
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

/** {@code wrkr report github}: a jobpack summarized for a GitHub step summary. */
@Command(name = "report", description = "Summarize a jobpack for CI.", synopsisSubcommandLabel = "(github)")
final class ReportCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: github");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new ReportCommand());
    group.addSubcommand("github", new GithubCommand(invocation));
    root.addSubcommand("report", group);
  }

  /**
   * Reads only the verified jobpack, so the same jobpack gives the same bytes. A job id uses
   * {@code <out>/jobpacks/jobpack_<id>.zip} when it exists and exports it only when it does not
   * (export is deterministic, so this never rewrites a jobpack with other bytes for the same ledger).
   */
  @Command(name = "github",
      description = "Write a jobpack's GitHub summary (markdown and JSON) under <out>/reports; "
          + "append it to $GITHUB_STEP_SUMMARY when set.")
  static final class GithubCommand implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id|path>", description = "A jobpack file, or a job id.")
    String target;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
    String outDir = "wrkr-out";

    GithubCommand(Invocation invocation) {
      this.invocation = invocation;
    }

    /** Wrkr's result: the summary document and where it was written. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Result(JsonNode summary, String summaryJsonPath, String summaryMarkdownPath,
        Optional<String> stepSummaryPath) {}

    /** Verifies {@code zip}, writes its summary under {@code <out>/reports} and to the step summary. */
    static Result summarize(Invocation invocation, Path out, Path zip) {
      Path cwd = invocation.io().cwd();
      JobpackVerifier.Verified v = Jobpacks.verifier().verify(zip);
      GitHubSummary s = SummaryReader.read(zip, v, BuildInfo.current().version());
      byte[] json = s.canonicalJson(Schemas.standard());
      byte[] md = (s.markdown() + "\n").getBytes(StandardCharsets.UTF_8);
      Path reports = ReportFiles.reportsDir(out);
      Path jsonPath = reports.resolve("github_summary_" + s.jobId() + ".json");
      Path mdPath = reports.resolve("github_summary_" + s.jobId() + ".md");
      ReportFiles.writeAtomically(jsonPath, json);
      ReportFiles.writeAtomically(mdPath, md);
      Optional<Path> step = ReportFiles.stepSummary(invocation.io().env(), cwd);
      step.ifPresent(p -> ReportFiles.append(p, md));
      return new Result(s.toJson(), jsonPath.toString(), mdPath.toString(), step.map(Path::toString));
    }

    @Override
    public Integer call() {
      Path cwd = invocation.io().cwd();
      Path out = cwd.resolve(outDir);
      Jobpacks.Target t = Jobpacks.target(target, cwd, out);
      if (t.job().isPresent() && !Files.isRegularFile(t.path())) {
        invocation.services().jobpacks().export(t.job().get(), out, JobpackExporter.Options.referenceOnly());
      }
      Result r = summarize(invocation, out, t.existing());
      Output o = invocation.output();
      if (o.json()) {
        o.result(r);
        return 0;
      }
      o.line("summary_json=" + r.summaryJsonPath());
      o.line("summary_markdown=" + r.summaryMarkdownPath());
      r.stepSummaryPath().ifPresent(p -> o.line("step_summary=" + p));
      return 0;
    }
  }
}
