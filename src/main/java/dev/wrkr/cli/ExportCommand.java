package dev.wrkr.cli;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.wrkr.job.JobId;
import dev.wrkr.jobpack.JobpackExporter;
import dev.wrkr.jobpack.JobpackSigning;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr export <job_id>}: the job's jobpack, from its ledger alone. */
@Command(name = "export", description = "Write a job's jobpack (deterministic, verifiable evidence) from the store.")
final class ExportCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<job_id>", description = "The job to export.")
  String jobId;

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
  String outDir = "wrkr-out";

  @Option(names = "--sign", paramLabel = "<key-file>",
      description = "Sign the manifest with this ed25519 private key (default: $WRKR_SIGNING_KEY when set).")
  String signKey;

  @Option(names = "--unsafe-capture-raw",
      description = "Copy artifact files into the jobpack (redacted text, size-capped). They may hold secrets.")
  boolean captureRaw;

  @Option(names = "--raw-max-file-bytes", paramLabel = "<n>", description = "Largest artifact copied (default 256 MiB).")
  long rawMaxFile = JobpackExporter.Options.DEFAULT_MAX_RAW_FILE_BYTES;

  @Option(names = "--raw-max-total-bytes", paramLabel = "<n>", description = "Most artifact bytes copied (default 2 GiB).")
  long rawMaxTotal = JobpackExporter.Options.DEFAULT_MAX_RAW_TOTAL_BYTES;

  ExportCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** The export result: Wrkr's four fields, then ours. */
  @JsonInclude(JsonInclude.Include.NON_ABSENT)
  record Result(String jobId, String path, String manifestSha256, String footer, int files, boolean unsafeCaptureRaw,
      List<String> artifactsMissing, Optional<String> signaturePath, Optional<String> keyId) {}

  @Override
  public Integer call() {
    JobId job = JobId.of(jobId);
    Path out = invocation.io().cwd().resolve(outDir);
    JobpackExporter.Options options = new JobpackExporter.Options(captureRaw, rawMaxFile, rawMaxTotal);
    Optional<Path> key = JobpackSigning.keyFile(Optional.ofNullable(signKey), invocation.io().env(),
        invocation.io().cwd());
    Result r = export(invocation, job, out, options, key);
    print(invocation.output(), r);
    return 0;
  }

  /** Exports (and signs when a key is given); shared by {@code demo} and {@code wrap}. */
  static Result export(Invocation invocation, JobId job, Path out, JobpackExporter.Options options,
      Optional<Path> key) {
    JobpackExporter.Exported e = invocation.services().jobpacks().export(job, out, options);
    Optional<JobpackSigning.Signed> signed = key.map(k -> JobpackSigning.sign(e.path(), e.jobId(),
        e.manifestSha256(), k));
    return new Result(e.jobId(), e.path().toString(), e.manifestSha256(), e.footer(), e.files(), e.captureRaw(),
        e.missingArtifacts(), signed.map(s -> s.path().toString()), signed.map(JobpackSigning.Signed::keyId));
  }

  static void print(Output out, Result r) {
    if (out.json()) {
      out.result(r);
      return;
    }
    out.line("job_id=" + r.jobId());
    out.line("jobpack=" + r.path());
    out.line("footer=" + r.footer());
    r.signaturePath().ifPresent(p -> out.line("signature=" + p + " key=" + r.keyId().orElse("")));
    for (String missing : r.artifactsMissing()) {
      out.line("missing_artifact=" + missing);
    }
  }
}
