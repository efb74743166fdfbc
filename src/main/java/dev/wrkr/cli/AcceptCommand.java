package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.accept.AcceptConfig;
import dev.wrkr.accept.AcceptConfigs;
import dev.wrkr.accept.Acceptance;
import dev.wrkr.accept.CheckResult;
import dev.wrkr.accept.JunitReport;
import dev.wrkr.codec.Canonical;
import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.JobpackExporter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import tools.jackson.databind.JsonNode;

/** {@code wrkr accept init|run}: acceptance checks over a job (docs/acceptance.md). */
@Command(name = "accept", description = "Check a job's evidence against an acceptance config.",
    synopsisSubcommandLabel = "(init | run)")
final class AcceptCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: init or run");
  }

  static void register(CommandLine root, Invocation invocation) {
    CommandLine group = new CommandLine(new AcceptCommand());
    group.addSubcommand("init", new Init(invocation));
    group.addSubcommand("run", new Run(invocation));
    root.addSubcommand("accept", group);
  }

  /** {@code accept init [--path p] [--force]}. */
  @Command(name = "init", description = "Write a commented accept.yaml.")
  static final class Init implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Option(names = "--path", paramLabel = "<path>", description = "Where to write it (default: accept.yaml).")
    String path = AcceptConfigs.DEFAULT_PATH;

    @Option(names = "--force", description = "Overwrite an existing file.")
    boolean force;

    Init(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Path file = AcceptConfigs.resolve(path, invocation.io().cwd());
      AcceptConfigs.init(file, force);
      Output out = invocation.output();
      if (out.json()) {
        out.compactMap(Map.of("config_path", file.toString()));
      } else {
        out.line("config=" + file);
      }
      return 0;
    }
  }

  /**
   * {@code accept run <job_id>}: exits 5 when a check fails, printing its normal result (no error
   * envelope); {@code --ci} also exports the jobpack and writes the GitHub summary.
   */
  @Command(name = "run", description = "Run the acceptance checks on a job; exit 5 when one fails.")
  static final class Run implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job to check.")
    String jobId;

    @Option(names = "--config", paramLabel = "<path>", description = "Acceptance config (default: accept.yaml).")
    String config = AcceptConfigs.DEFAULT_PATH;

    @Option(names = "--ci", description = "Also write JUnit, export the jobpack and write the GitHub summary.")
    boolean ci;

    @Option(names = "--junit", paramLabel = "<path>",
        description = "Write JUnit XML here (with --ci default: <out>/reports/accept_<job_id>.junit.xml).")
    String junit;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
    String outDir = "wrkr-out";

    Run(Invocation invocation) {
      this.invocation = invocation;
    }

    /** Wrkr's result fields; {@code checks} also name their command logs. */
    @JsonInclude(JsonInclude.Include.NON_ABSENT)
    record Result(String jobId, String configPath, String acceptResultPath, JsonNode acceptResult,
        List<JsonNode> checks, Optional<String> junitPath, Optional<String> jobpackPath,
        Optional<String> summaryJsonPath, Optional<String> summaryMarkdownPath, Optional<String> stepSummaryPath) {}

    @Override
    public Integer call() {
      JobId job = JobId.of(jobId);
      Path cwd = invocation.io().cwd();
      Path out = cwd.resolve(outDir);
      Path configPath = AcceptConfigs.resolve(config, cwd);
      AcceptConfig cfg = AcceptConfigs.load(configPath);
      Path reports = ReportFiles.reportsDir(out);
      Acceptance.Outcome outcome = invocation.services().accept().run(job, cfg, cwd, reports);
      Path resultPath = reports.resolve("accept_" + job.value() + ".json");
      ReportFiles.writeAtomically(resultPath, Canonical.canonicalize(outcome.result()));
      Optional<Path> junitPath = Optional.ofNullable(junit).map(cwd::resolve)
          .or(() -> ci ? Optional.of(reports.resolve("accept_" + job.value() + ".junit.xml")) : Optional.empty());
      junitPath.ifPresent(p -> writeJunit(p, outcome));
      Optional<String> jobpack = Optional.empty();
      Optional<ReportCommand.GithubCommand.Result> summary = Optional.empty();
      if (ci) {
        Path zip = invocation.services().jobpacks().export(job, out, JobpackExporter.Options.referenceOnly()).path();
        jobpack = Optional.of(zip.toString());
        summary = Optional.of(ReportCommand.GithubCommand.summarize(invocation, out, zip));
      }
      Result r = new Result(job.value(), configPath.toString(), resultPath.toString(), outcome.result(),
          outcome.checks().stream().map(c -> (JsonNode) c.toJson()).toList(), junitPath.map(Path::toString), jobpack,
          summary.map(ReportCommand.GithubCommand.Result::summaryJsonPath),
          summary.map(ReportCommand.GithubCommand.Result::summaryMarkdownPath),
          summary.flatMap(ReportCommand.GithubCommand.Result::stepSummaryPath));
      print(invocation.output(), r, outcome);
      return outcome.exitCode();
    }

    private static void writeJunit(Path file, Acceptance.Outcome outcome) {
      try {
        java.nio.file.Files.createDirectories(file.toAbsolutePath().getParent());
      } catch (java.io.IOException e) {
        throw new dev.wrkr.failure.WrkrException(dev.wrkr.failure.ReasonCode.E_GENERIC_FAILURE,
            "cannot create the folder of " + file + ": " + e.getMessage(), Map.of("path", file.toString()), e);
      }
      ReportFiles.writeAtomically(file, JunitReport.write(outcome.checks()));
    }

    private static void print(Output o, Result r, Acceptance.Outcome outcome) {
      if (o.json()) {
        o.result(r);
        return;
      }
      long failures = outcome.checks().stream().filter(c -> !c.passed()).count();
      o.line(String.format(java.util.Locale.ROOT, "job=%s checks=%d passed=%d failures=%d", r.jobId(),
          outcome.checks().size(), outcome.checks().size() - failures, failures));
      o.line("accept_result=" + r.acceptResultPath());
      r.junitPath().ifPresent(p -> o.line("junit=" + p));
      r.summaryMarkdownPath().ifPresent(p -> o.line("summary=" + p));
      for (CheckResult c : outcome.checks()) {
        if (!c.passed()) {
          o.line("failure check=" + c.name() + " message=" + bounded(c.message().replace('\n', ' ')));
        }
      }
    }

    private static String bounded(String s) {
      return s.length() <= 160 ? s : s.substring(0, 160);
    }
  }
}
