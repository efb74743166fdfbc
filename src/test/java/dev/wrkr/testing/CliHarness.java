package dev.wrkr.testing;

import dev.wrkr.app.AppServices;
import dev.wrkr.cli.Cli;
import dev.wrkr.cli.Io;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;

/**
 * Runs the real CLI in-process with captured streams, a fixed clock, and a store chosen by the
 * environment it is given (a temporary {@code WRKR_HOME}, or {@code WRKR_STORE_URL}).
 */
public final class CliHarness {
  public static final Instant FIXED = Instant.parse("2026-02-13T00:00:00Z");

  private final Map<String, String> env;
  private final Path cwd;
  private final InstantSource clock;

  public CliHarness(Map<String, String> env, Path cwd) {
    this(env, cwd, InstantSource.fixed(FIXED));
  }

  public CliHarness(Map<String, String> env, Path cwd, InstantSource clock) {
    this.env = new HashMap<>(env);
    this.cwd = cwd;
    this.clock = clock;
  }

  /**
   * The environment of a CLI run on a fresh store of {@code kind} ({@code sqlite} or {@code
   * postgres}), with {@code WRKR_HOME} under {@code dir} and this JVM's {@code PATH} for steps.
   */
  public static Map<String, String> storeEnv(String kind, Path dir) {
    return Map.of(
        "WRKR_STORE_URL", dev.wrkr.store.TestStoreUrls.fresh(kind, dir),
        "WRKR_HOME", dir.resolve("home").toString(),
        "PATH", System.getenv("PATH"));
  }

  /** A harness whose store is a SQLite file under {@code home}. */
  public static CliHarness withHome(Path home) {
    return new CliHarness(Map.of("HOME", home.toString(), "WRKR_HOME", home.resolve(".wrkr").toString()), home);
  }

  public CliRun run(String... argv) {
    return run(false, argv);
  }

  /** Runs {@code argv} with picocli parsing every command (no fast paths), for comparisons. */
  public CliRun runWithPicocliOnly(String... argv) {
    return run(true, argv);
  }

  private CliRun run(boolean picocliOnly, String... argv) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Map<String, String> e = Map.copyOf(env);
    Io io =
        new Io(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            e, cwd, clock, store -> AppServices.open(store, e, clock, cwd));
    int code = (picocliOnly ? Cli.picocliOnly(io) : new Cli(io)).run(argv);
    return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }
}
