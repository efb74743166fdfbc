package dev.wrkr.app;

import dev.wrkr.cli.Cli;
import dev.wrkr.cli.Io;
import dev.wrkr.store.sqlite.SqliteStore;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;

/** The {@code wrkr} process: wires the real world into the CLI and exits with its code. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args));
  }

  static int run(String[] args) {
    if (args.length > 0 && !args[0].equals("version") && !args[0].equals("--explain")) {
      // Most commands open the store; start its one-time set-up beside the CLI's own.
      SqliteStore.prepareInBackground();
    }
    // Unbuffered-by-line streams in UTF-8 whatever the platform charset; flushed by the CLI.
    PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
    PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), false, StandardCharsets.UTF_8);
    Io io =
        new Io(
            out,
            err,
            System.getenv(),
            Path.of("").toAbsolutePath(),
            InstantSource.system(),
            store -> AppServices.open(store, System.getenv(), InstantSource.system(), Path.of("").toAbsolutePath()));
    return new Cli(io).run(args);
  }
}
