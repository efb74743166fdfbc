package dev.wrkr.cli;

import dev.wrkr.release.BuildInfo;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wrkr version}: {@code wrkr <version> (commit=<c> date=<d>)}, or compact sorted JSON. */
@Command(name = "version", description = "Print the wrkr version, commit and build date.")
final class VersionCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  VersionCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    return print(invocation.output());
  }

  static int print(Output output) {
    BuildInfo b = BuildInfo.current();
    if (output.json()) {
      output.compactMap(Map.of("version", b.version(), "commit", b.commit(), "date", b.date()));
    } else {
      output.line("wrkr " + b.version() + " (commit=" + b.commit() + " date=" + b.date() + ")");
    }
    return 0;
  }
}
