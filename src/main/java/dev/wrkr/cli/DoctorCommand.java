package dev.wrkr.cli;

import dev.wrkr.doctor.DoctorCheck;
import dev.wrkr.doctor.DoctorOptions;
import dev.wrkr.doctor.DoctorReport;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wrkr doctor [--production-readiness] [--serve-*]}: read-only checks, one per line in
 * Wrkr's text format or the {@link DoctorReport} as JSON; exit 1 when any check failed.
 */
@Command(
    name = "doctor",
    description = "Check the store, schemas, signing key, leases and settings without changing anything.")
final class DoctorCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Option(names = "--production-readiness",
      description = "Profile production-readiness: a store not created or migrated, a missing signing"
          + " key and unsafe settings fail; unset retention warns.")
  boolean productionReadiness;

  @Option(names = "--serve-listen", paramLabel = "<addr>",
      description = "Serve listen address to check (default: $WRKR_SERVE_LISTEN, else 127.0.0.1:9488).")
  String serveListen;

  @Option(names = "--serve-allow-non-loopback", arity = "0..1", paramLabel = "<bool>",
      description = "Serve may listen beyond loopback (default: $WRKR_SERVE_ALLOW_NON_LOOPBACK).")
  Boolean serveAllowNonLoopback;

  @Option(names = "--serve-auth-token", paramLabel = "<token>",
      description = "Serve auth token to check (default: $WRKR_SERVE_AUTH_TOKEN).")
  String serveAuthToken;

  DoctorCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    DoctorOptions options = new DoctorOptions(productionReadiness, Optional.ofNullable(serveListen),
        Optional.ofNullable(serveAllowNonLoopback), Optional.ofNullable(serveAuthToken));
    DoctorReport report = invocation.services().doctor().run(options);
    Output out = invocation.output();
    if (out.json()) {
      out.result(report);
    } else {
      out.line("doctor profile=" + report.profile() + " ok=" + report.ok()
          + " checks=" + report.checks().size());
      for (DoctorCheck check : report.checks()) {
        out.line("- " + check.name() + " ok=" + check.ok() + " severity=" + check.severity() + " "
            + check.details());
        check.remediation().ifPresent(fix -> out.line("  remediation=" + fix));
      }
    }
    return report.ok() ? 0 : 1;
  }
}
