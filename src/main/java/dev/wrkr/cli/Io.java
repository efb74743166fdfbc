package dev.wrkr.cli;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * What a CLI invocation may reach of the outside world: its two output streams, the environment,
 * the working directory, the clock, and a way to open services against a store (given the
 * {@code --store} override, if any).
 */
public record Io(
    PrintStream out,
    PrintStream err,
    Map<String, String> env,
    Path cwd,
    InstantSource clock,
    Function<Optional<String>, Services> services) {
  public Io {
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(err, "err");
    env = Map.copyOf(env);
    Objects.requireNonNull(cwd, "cwd");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(services, "services");
  }
}
