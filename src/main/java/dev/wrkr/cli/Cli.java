package dev.wrkr.cli;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The {@code wrkr} command line: takes the global flags out of argv ({@link GlobalArgs}), answers
 * {@code --explain} without running anything, and otherwise parses with picocli (or, for the
 * plain forms of the most frequent read commands, {@link FastCommands}), runs one command, and
 * maps any failure to its reason code's exit code.
 */
public final class Cli {
  private final Io io;
  private final boolean fastPaths;

  public Cli(Io io) {
    this(io, true);
  }

  private Cli(Io io, boolean fastPaths) {
    this.io = io;
    this.fastPaths = fastPaths;
  }

  /**
   * The same CLI with every command parsed by picocli: the reference the fast paths are checked
   * against ({@code FastCommandsTest}).
   */
  public static Cli picocliOnly(Io io) {
    return new Cli(io, false);
  }

  /** Runs one invocation and returns the process exit code. */
  public int run(String[] argv) {
    Output output = new Output(io, List.of(argv).contains("--json"));
    try {
      GlobalArgs args = GlobalArgs.split(argv);
      output = new Output(io, args.json());
      if (args.explain()) {
        return explain(args, output);
      }
      if (args.rest().isEmpty() || args.rest().equals(List.of("version"))) {
        // The most frequent probe of a CLI; answered without loading picocli, whose Java 5 class
        // files the JDK's start-up caches cannot hold (docs/performance.md, "Start-up").
        return VersionCommand.print(output);
      }
      try (Invocation invocation = new Invocation(io, output, args.store())) {
        Optional<Supplier<Integer>> fast =
            fastPaths ? FastCommands.match(invocation, args.rest()) : Optional.empty();
        return fast.isPresent() ? fast.get().get() : execute(invocation, args.rest());
      }
    } catch (RuntimeException e) {
      return output.failure(e);
    } finally {
      io.out().flush();
      io.err().flush();
    }
  }

  private int execute(Invocation invocation, List<String> rest) {
    CommandLine cl = Commands.build(invocation);
    cl.setParameterExceptionHandler((ex, a) -> invocation.output().failure(inputError(ex)));
    cl.setExecutionExceptionHandler((ex, line, parsed) -> invocation.output().failure(ex));
    cl.setOut(new java.io.PrintWriter(io.out(), true));
    cl.setErr(new java.io.PrintWriter(io.err(), true));
    return cl.execute(rest.toArray(String[]::new));
  }

  private static int explain(GlobalArgs args, Output output) {
    String command = args.rest().isEmpty() ? "version" : args.rest().get(0);
    String intent =
        Intents.of(command)
            .orElseThrow(
                () -> new WrkrException(
                    ReasonCode.E_INVALID_INPUT_SCHEMA, "unknown command \"" + command + "\"",
                    Map.of("command", command)));
    if (output.json()) {
      output.compactMap(Map.of("command", command, "intent", intent));
    } else {
      output.line("wrkr " + command + ": " + intent);
    }
    return 0;
  }

  private static WrkrException inputError(ParameterException ex) {
    CommandLine cl = ex.getCommandLine();
    if (ex instanceof UnmatchedArgumentException u && cl.getParent() == null) {
      List<String> unmatched = u.getUnmatched();
      Optional<String> first = unmatched.isEmpty() ? Optional.empty() : Optional.of(unmatched.get(0));
      if (first.isPresent() && !first.get().startsWith("-")) {
        return new WrkrException(
            ReasonCode.E_INVALID_INPUT_SCHEMA, "unknown command \"" + first.get() + "\"",
            Map.of("command", first.get()));
      }
    }
    String usage = cl.getCommandSpec().qualifiedName();
    String message = ex.getMessage() == null ? "invalid arguments" : ex.getMessage().strip();
    return new WrkrException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, message + " (see '" + usage + " --help')",
        Map.of("command", usage));
  }
}
