package dev.wrkr.cli;

import dev.wrkr.dispatch.JobsService;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code wrkr jobs [--status s] [--limit n]}: the jobs in the store. */
@Command(name = "jobs", description = "List jobs with status, age and last checkpoint.")
final class JobsCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Option(names = "--status", paramLabel = "<status>", description = "Only jobs with this status.")
  String status;

  @Option(names = "--limit", paramLabel = "<n>", description = "At most this many jobs (default 1000).")
  int limit = 1000;

  JobsCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Optional<JobStatus> filter = Optional.ofNullable(status).map(s -> JobStatus.fromWire(s.strip()).orElseThrow(
        () -> new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "unknown job status \"" + s + "\"",
            Map.of("status", s))));
    if (limit < 1) {
      throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "--limit must be at least 1", Map.of("limit", limit));
    }
    List<JobsService.JobSummary> jobs = invocation.services().jobs().list(filter, limit);
    Output out = invocation.output();
    if (out.json()) {
      out.result(jobs);
      return 0;
    }
    List<String> lines = new java.util.ArrayList<>(jobs.size());
    for (JobsService.JobSummary j : jobs) {
      lines.add("job=" + j.jobId() + " status=" + j.status() + " age=" + age(j.ageSeconds())
          + j.lastCheckpoint().map(c -> " last_checkpoint=" + c.checkpointId() + ":" + c.type()).orElse(""));
    }
    out.lines(lines);
    return 0;
  }

  static String age(long seconds) {
    if (seconds < 120) {
      return seconds + "s";
    }
    if (seconds < 7200) {
      return (seconds / 60) + "m";
    }
    if (seconds < 172800) {
      return (seconds / 3600) + "h";
    }
    return (seconds / 86400) + "d";
  }
}
