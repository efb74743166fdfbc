package dev.wrkr.cli;

import dev.wrkr.jobpack.Footer;
import dev.wrkr.jobpack.JobpackExporter;
import dev.wrkr.jobpack.JobpackVerifier;
import dev.wrkr.jobpack.Jobpacks;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code wrkr receipt <job_id|path>}: the ticket footer of a jobpack. For a job id it exports
 * first, as Wrkr does; ours is deterministic, so an unchanged job gets the same jobpack and
 * footer. {@code --parse} reads a footer back.
 */
@Command(name = "receipt", description = "Print a jobpack's ticket footer, or parse one with --parse.")
final class ReceiptCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<job_id|path>", description = "A jobpack file or a job id.")
  String target;

  @Option(names = "--out-dir", paramLabel = "<dir>", description = "Output root (default: ./wrkr-out).")
  String outDir = "wrkr-out";

  @Option(names = "--parse", paramLabel = "<footer>", description = "Parse a footer line and print its fields.")
  String parse;

  ReceiptCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    Output out = invocation.output();
    if (parse != null) {
      Footer f = Footer.parse(parse);
      if (out.json()) {
        out.sortedMap(Map.of("job_id", f.jobId(), "manifest_sha256", f.manifestSha256(), "verify",
            "wrkr verify " + f.verifyTarget()));
      } else {
        out.line("job_id=" + f.jobId() + " manifest=sha256:" + f.manifestSha256() + " verify=\"wrkr verify "
            + f.verifyTarget() + "\"");
      }
      return 0;
    }
    if (target == null) {
      throw new picocli.CommandLine.ParameterException(
          new picocli.CommandLine(this), "Missing required parameter: '<job_id|path>'");
    }
    Path cwd = invocation.io().cwd();
    Jobpacks.Target t = Jobpacks.target(target, cwd, cwd.resolve(outDir));
    if (t.job().isPresent()) {
      ExportCommand.export(invocation, t.job().get(), cwd.resolve(outDir), JobpackExporter.Options.referenceOnly(),
          Optional.empty());
    }
    JobpackVerifier.Verified v = Jobpacks.verifier().verify(t.existing());
    String footer = Footer.format(v.jobId(), v.manifestSha256());
    if (out.json()) {
      out.sortedMap(Map.of("footer", footer, "job_id", v.jobId(), "manifest_sha256", v.manifestSha256()));
    } else {
      out.line(footer);
    }
    return 0;
  }
}
