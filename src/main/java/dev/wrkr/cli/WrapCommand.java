package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.dispatch.Dispatch;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.JobpackExporter;
import dev.wrkr.jobpack.JobpackSigning;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.spec.JobSpec;
import dev.wrkr.spec.JobSpecLoader;
import dev.wrkr.wrap.LiveLogs;
import dev.wrkr.wrap.LogFollower;
import dev.wrkr.wrap.WrapSpec;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code wrkr wrap [--job-id id] [--artifact p]… -- <command…>}: runs any command as a one-step
 * job through the normal dispatch path, streams its output while the step runs, then exports the
 * jobpack. Unlike Wrkr, the command's exit code becomes wrkr's (docs/jobpack.md, "Wrap mode").
 */
@Command(name = "wrap", description = "Run a command as a job, stream its output, and export its jobpack.",
    customSynopsis = {"wrkr wrap [-h] [--job-id=<id>] [--out-dir=<dir>] [--sign=<key-file>] [--artifact=<path>]...",
        "          -- <command>..."})
final class WrapCommand implements Callable<Integer> {
  static final String NEEDS_COMMAND = "wrap command must include -- followed by executable command";
  private static final Duration POLL = Duration.ofMillis(50);

  private final Invocation invocation;

  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Option(names = "--job-id", paramLabel = "<id>", description = "The job id, normalized (default: job_wrap_<unix seconds>).")
  String jobId;

  @Option(names = "--artifact", paramLabel = "<path>",
      description = "A file the command writes, relative to the working directory (repeatable); digested into the jobpack.")
  List<String> artifacts = new ArrayList<>();

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
  String outDir = "wrkr-out";

  @Option(names = "--sign", paramLabel = "<key-file>",
      description = "Sign the jobpack with this ed25519 private key (default: $WRKR_SIGNING_KEY when set).")
  String signKey;

  @Parameters(paramLabel = "<command>", arity = "0..*",
      description = "After --: the command and its arguments, run as given (no shell interpretation).")
  List<String> command = new ArrayList<>();

  WrapCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** The {@code --json} result: Wrkr's keys, sorted as Go marshals a map, then ours when present. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Result(AdapterResult adapterResult, @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> artifactsMissing,
      String footer, String jobId, String jobpackPath, Optional<String> keyId, String manifestSha256,
      Optional<String> signaturePath) {}

  /** What happened to the command: the job's status and the exit code wrkr returns. */
  record AdapterResult(int exitCode, String jobId, String status) {}

  @Override
  public Integer call() {
    List<String> argv = commandArgs();
    Dispatch dispatch = invocation.services().dispatch();
    JobId job = chooseJobId(dispatch);
    Io io = invocation.io();
    JobSpec jobSpec = new JobSpecLoader().recorded(
        WrapSpec.document(argv, artifacts, BuildInfo.current().version(), io.clock().instant()),
        WrapSpec.virtualPath(io.cwd()));
    Optional<Path> key = JobpackSigning.keyFile(Optional.ofNullable(signKey), io.env(), io.cwd());
    Optional<WrkrException> failure = run(dispatch, job, jobSpec);
    String status = invocation.services().status().status(job).status();
    if (failure.isPresent() && (status.equals("running") || failure.get().code() != ReasonCode.E_ADAPTER_FAIL)) {
      // Not an end of the command (a lost lease, a budget stop, the store): say what went wrong,
      // with the jobpack when the job did stop.
      if (!status.equals("running")) {
        print(job, status, 1, export(job, key));
      }
      throw failure.get();
    }
    int exit = status.equals("completed") ? 0 : failure.flatMap(WrapCommand::exitCodeOf).orElse(1);
    print(job, status, exit, export(job, key));
    if (exit != 0) {
      Map<String, Object> details = new TreeMap<>();  // sorted, as Wrkr's map
      details.put("job_id", job.value());
      details.put("command", String.join(" ", argv));
      details.put("exit_code", exit);
      invocation.output().failure(new WrkrException(ReasonCode.E_ADAPTER_FAIL,
          "wrap command failed (exit=" + exit + ", job " + status + ")", details));
    }
    return exit;
  }

  /**
   * Submits and runs the job while its step's logs are copied to our streams; in JSON mode the
   * command's stdout goes to stderr, so stdout holds only the result document.
   */
  private Optional<WrkrException> run(Dispatch dispatch, JobId job, JobSpec jobSpec) {
    Io io = invocation.io();
    PrintStream stdout = invocation.output().json() ? io.err() : io.out();
    List<LogFollower> followers = List.of(
        new LogFollower(dispatch.stepLog(job, 0, 1, "stdout"), dispatch.keptRotatedLogs(), stdout),
        new LogFollower(dispatch.stepLog(job, 0, 1, "stderr"), dispatch.keptRotatedLogs(), io.err()));
    try (LiveLogs logs = LiveLogs.start(followers, POLL)) {
      dispatch.submit().submit(jobSpec, job);
      return Optional.empty();
    } catch (WrkrException e) {
      if (!dispatch.exists(job)) {
        throw e;
      }
      return Optional.of(e);
    }
  }

  private ExportCommand.Result export(JobId job, Optional<Path> key) {
    Path out = invocation.io().cwd().resolve(outDir);
    return ExportCommand.export(invocation, job, out, JobpackExporter.Options.referenceOnly(), key);
  }

  private void print(JobId job, String status, int exit, ExportCommand.Result pack) {
    Output out = invocation.output();
    if (!out.json()) {
      ExportCommand.print(out, pack);
      return;
    }
    out.result(new Result(new AdapterResult(exit, job.value(), status), pack.artifactsMissing(),
        pack.footer(), pack.jobId(), pack.path(), pack.keyId(), pack.manifestSha256(), pack.signaturePath()));
  }

  /** The arguments after {@code --}, blanks dropped; nothing may stand between {@code wrap} and it. */
  private List<String> commandArgs() {
    List<String> original = spec.commandLine().getParseResult().originalArgs();
    int dash = original.indexOf("--");
    List<String> after = dash < 0 ? List.of() : original.subList(dash + 1, original.size());
    if (dash < 0 || !command.equals(after)) {
      throw needsCommand();
    }
    List<String> argv = command.stream().filter(a -> !a.isBlank()).toList();
    if (argv.isEmpty()) {
      throw needsCommand();
    }
    return argv;
  }

  private JobId chooseJobId(Dispatch dispatch) {
    if (jobId != null) {
      JobId given = JobId.normalize(jobId);
      if (dispatch.exists(given)) {
        throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "job already exists",
            Map.of("job_id", given.value()));
      }
      return given;
    }
    String base = "job_wrap_" + invocation.io().clock().instant().getEpochSecond();
    for (int n = 1; n <= 1000; n++) {
      JobId candidate = JobId.of(n == 1 ? base : base + "_" + n);
      if (!dispatch.exists(candidate)) {
        return candidate;
      }
    }
    throw new WrkrException(ReasonCode.E_GENERIC_FAILURE, "no free wrap job id", Map.of("base", base));
  }

  private static Optional<Integer> exitCodeOf(WrkrException e) {
    return e.details().get("exit_code") instanceof Integer code && code != 0 ? Optional.of(code) : Optional.empty();
  }

  private static WrkrException needsCommand() {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, NEEDS_COMMAND, Map.of());
  }
}
