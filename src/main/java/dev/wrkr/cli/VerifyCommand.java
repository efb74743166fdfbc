package dev.wrkr.cli;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.jobpack.Footer;
import dev.wrkr.jobpack.JobpackSigning;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.Jobpacks;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr verify <job_id|path>}: checks a jobpack offline; never opens the store. */
@Command(name = "verify", description = "Verify a jobpack offline: manifest, every file's digest, schemas, signature.")
final class VerifyCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", paramLabel = "<job_id|path>", description = "A jobpack file, or a job id under --out-dir.")
  String target;

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root for a job id (default: ./wrkr-out).")
  String outDir = "wrkr-out";

  @Option(names = "--key", paramLabel = "<pub-file>", description = "Require a valid signature by this public key.")
  List<String> keys = new ArrayList<>();

  @Option(names = "--trusted-keys", paramLabel = "<file>",
      description = "Require a valid signature by one of the public keys in this file.")
  List<String> trustedKeys = new ArrayList<>();

  @Option(names = "--footer", paramLabel = "<footer>",
      description = "Also require the jobpack to be the one this ticket footer names.")
  String footer;

  VerifyCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  /** Wrkr's three fields, then ours. */
  record Result(String jobId, String manifestSha256, int filesVerified, JobpackSigning.Status signature,
      List<String> artifactsMissing) {}

  @Override
  public Integer call() {
    Path cwd = invocation.io().cwd();
    Path zip = Jobpacks.target(target, cwd, cwd.resolve(outDir)).existing();
    JobpackVerifier.Verified v = Jobpacks.verifier().verify(zip);
    if (footer != null) {
      Footer f = Footer.parse(footer);
      if (!f.jobId().equals(v.jobId()) || !f.manifestSha256().equals(v.manifestSha256())) {
        throw new WrkrException(ReasonCode.E_VERIFY_HASH_MISMATCH, "jobpack does not match the ticket footer",
            Map.of("footer_job_id", f.jobId(), "footer_manifest", f.manifestSha256(), "job_id", v.jobId(),
                "manifest_sha256", v.manifestSha256()));
      }
    }
    List<Path> keyFiles = new ArrayList<>();
    keys.forEach(k -> keyFiles.add(cwd.resolve(k)));
    trustedKeys.forEach(k -> keyFiles.add(cwd.resolve(k)));
    JobpackSigning.Status sig = JobpackSigning.check(zip, v, keyFiles);
    Result r = new Result(v.jobId(), v.manifestSha256(), v.filesVerified(), sig, v.missingArtifacts());
    Output out = invocation.output();
    if (out.json()) {
      out.result(r);
      return 0;
    }
    out.line("verified job_id=" + r.jobId() + " manifest=sha256:" + r.manifestSha256() + " files=" + r.filesVerified());
    if (sig.verified()) {
      out.line("signature=verified key=" + String.join(",", sig.keyIds()));
    } else if (sig.present()) {
      out.line("signature=present key=" + String.join(",", sig.keyIds()) + " (not checked: pass --key)");
    } else {
      out.line("signature=none");
    }
    for (String missing : r.artifactsMissing()) {
      out.line("missing_artifact=" + missing);
    }
    return 0;
  }
}
