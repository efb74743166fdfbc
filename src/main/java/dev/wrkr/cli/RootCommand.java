package dev.wrkr.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code wrkr} with no command prints the version, as Wrkr does. */
@Command(
    name = "wrkr",
    synopsisSubcommandLabel = "<command>",
    description = {
      "Durable, verifiable execution for long-running AI agent work.",
      "",
      "Global flags, accepted anywhere in the command line:",
      "  --json          machine-readable output (errors as wrkr.error_envelope on stderr)",
      "  --explain       print what the command would do, and do nothing",
      "  --store <url>   the store: a SQLite file or postgresql://user:pass@host:port/db",
      "                  (default: WRKR_STORE_URL, else $WRKR_HOME/wrkr.db, WRKR_HOME=$HOME/.wrkr)"
    },
    optionListHeading = "%nOptions:%n",
    commandListHeading = "%nCommands:%n",
    footer = {"", "Run 'wrkr help <command>' or 'wrkr <command> --help' for a command's usage."})
final class RootCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  RootCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    return VersionCommand.print(invocation.output());
  }
}
