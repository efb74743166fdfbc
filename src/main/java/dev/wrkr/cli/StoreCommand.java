package dev.wrkr.cli;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.retention.GoDuration;
import dev.wrkr.retention.PruneReport;
import dev.wrkr.retention.PruneRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wrkr store prune}: retention for the store and the out dir (Wrkr §10.2). */
@Command(name = "store", description = "Maintain the durable store.", synopsisSubcommandLabel = "(prune)")
final class StoreCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: prune");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new StoreCommand());
    group.addSubcommand("prune", new Prune(invocation));
    root.addSubcommand("store", group);
  }

  @Command(name = "prune",
      description = "Remove finished jobs, jobpacks and reports older than an age or beyond a count.")
  static final class Prune implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Option(names = "--dry-run", description = "Report what would be removed; change nothing.")
    boolean dryRun;

    @Option(names = "--out-dir", paramLabel = "<dir>", description = "Folder with jobpacks/ and reports/ (default ./wrkr-out).")
    String outDir = "wrkr-out";

    @Option(names = "--job-max-age", paramLabel = "<duration>",
        description = "Remove completed or canceled jobs whose last event is older (Go syntax: 168h, 1h30m).")
    String jobMaxAge;

    @Option(names = "--jobpack-max-age", paramLabel = "<duration>", description = "Remove older jobpacks.")
    String jobpackMaxAge;

    @Option(names = "--report-max-age", paramLabel = "<duration>", description = "Remove older reports.")
    String reportMaxAge;

    @Option(names = "--max-jobpacks", paramLabel = "<n>", description = "Keep at most the newest n jobpacks.")
    Integer maxJobpacks;

    @Option(names = "--max-reports", paramLabel = "<n>", description = "Keep at most the newest n reports.")
    Integer maxReports;

    Prune(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      PruneRequest request = new PruneRequest(dryRun, invocation.io().cwd().resolve(outDir),
          age("--job-max-age", jobMaxAge),
          new PruneRequest.FileRule(age("--jobpack-max-age", jobpackMaxAge), count("--max-jobpacks", maxJobpacks)),
          new PruneRequest.FileRule(age("--report-max-age", reportMaxAge), count("--max-reports", maxReports)));
      if (!request.hasCriterion()) {
        throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "at least one retention criterion is required",
            Map.of("hint", "set age and/or max-count flags"));
      }
      PruneReport report = invocation.services().pruner().prune(request);
      Output out = invocation.output();
      if (out.json()) {
        out.result(report);
        return 0;
      }
      List<String> lines = new ArrayList<>();
      lines.add("store prune dry_run=" + report.dryRun() + " checked=" + report.checked() + " matched="
          + report.matched() + " removed=" + report.removed() + " freed_bytes=" + report.freedBytes());
      for (PruneReport.Entry e : report.entries()) {
        lines.add("- kind=" + e.kind() + " reason=" + e.reason() + " path=" + e.path() + " size=" + e.sizeBytes());
      }
      out.lines(lines);
      return 0;
    }

    private static Optional<Duration> age(String flag, String value) {
      if (value == null) {
        return Optional.empty();
      }
      return Optional.of(GoDuration.parsePositive(value.strip()).orElseThrow(() -> new WrkrException(
          ReasonCode.E_INVALID_INPUT_SCHEMA, flag + " must be a Go duration greater than zero (168h, 30m, 1h30m)",
          Map.of("flag", flag, "value", value))));
    }

    private static OptionalInt count(String flag, Integer value) {
      if (value == null) {
        return OptionalInt.empty();
      }
      if (value < 0) {
        throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, flag + " must be at least 0",
            Map.of("flag", flag, "value", value));
      }
      return OptionalInt.of(value);
    }
  }
}
