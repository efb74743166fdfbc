package dev.wrkr.cli;

import dev.wrkr.job.JobId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code wrkr budget check <job_id>}: the job's usage against its budgets. */
@Command(name = "budget", description = "Check a job's usage against its budgets.", synopsisSubcommandLabel = "check")
final class BudgetCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: check");
  }

  static void register(CommandLine root, Invocation invocation) {
    CommandLine group = new CommandLine(new BudgetCommand());
    group.addSubcommand("check", new Check(invocation));
    root.addSubcommand("budget", group);
  }

  @Command(name = "check", description = "Exit 0 when within the job's budgets (optionally overridden), else E_BUDGET_EXCEEDED.")
  static final class Check implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Parameters(index = "0", paramLabel = "<job_id>", description = "The job.")
    String jobId;

    @Option(names = "--max-wall-time-seconds", paramLabel = "<n>") Long wall;
    @Option(names = "--max-retries", paramLabel = "<n>") Long retries;
    @Option(names = "--max-step-count", paramLabel = "<n>") Long steps;
    @Option(names = "--max-tool-calls", paramLabel = "<n>") Long toolCalls;

    Check(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      List<String> overrides = new ArrayList<>();
      add(overrides, "max_wall_time_seconds", wall);
      add(overrides, "max_retries", retries);
      add(overrides, "max_step_count", steps);
      add(overrides, "max_tool_calls", toolCalls);
      invocation.services().dispatch().budgets().check(JobId.of(jobId), overrides);
      Output out = invocation.output();
      if (out.json()) {
        out.compactMap(Map.of("result", "within_budget"));
      } else {
        out.line("budget=within_limits");
      }
      return 0;
    }

    private static void add(List<String> overrides, String key, Long value) {
      if (value != null) {
        overrides.add(key + "=" + value);
      }
    }
  }
}
