package dev.wrkr.app;

import dev.wrkr.accept.Acceptance;
import dev.wrkr.cli.Services;
import dev.wrkr.dispatch.AcceptService;
import dev.wrkr.dispatch.CheckpointService;
import dev.wrkr.dispatch.Dispatch;
import dev.wrkr.dispatch.DispatchPorts;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.dispatch.JobsService;
import dev.wrkr.retention.Pruner;
import dev.wrkr.dispatch.RunnerConfig;
import dev.wrkr.dispatch.StatusService;
import dev.wrkr.doctor.Doctor;
import dev.wrkr.envfp.SystemEnvironmentProbe;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.jobpack.Jobpacks;
import dev.wrkr.process.OsStepProcesses;
import dev.wrkr.release.BuildInfo;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreHealth;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.postgres.PostgresProbe;
import dev.wrkr.store.postgres.PostgresStore;
import dev.wrkr.store.sqlite.SqliteProbe;
import dev.wrkr.store.sqlite.SqliteStore;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The composition root: the only place that opens a store adapter and builds services on it.
 * The store is chosen by {@code --store}, else {@code WRKR_STORE_URL}, else the SQLite file under
 * {@code WRKR_HOME} ({@code $HOME/.wrkr}). It is opened (created, migrated) on first use, so that
 * {@link #doctor()} can look at it without changing it.
 */
public final class AppServices implements Services {
  /** Parses the location again on each call; it is pure, and throws for a bad URL or no home. */
  private final Supplier<StoreLocation> location;
  private final InstantSource clock;
  private final Map<String, String> env;
  private final Path cwd;
  private JobStore store;

  private AppServices(Supplier<StoreLocation> location, InstantSource clock, Map<String, String> env, Path cwd) {
    this.location = location;
    this.clock = clock;
    this.env = env;
    this.cwd = cwd;
  }

  /**
   * Services on the store named by {@code storeFlag} or {@code env}; the location is parsed now,
   * the store opened on first use.
   */
  public static AppServices open(
      Optional<String> storeFlag, Map<String, String> env, InstantSource clock, Path cwd) {
    Supplier<StoreLocation> location =
        () -> storeFlag.map(StoreLocation::parse).orElseGet(() -> StoreLocation.defaultFor(env));
    return new AppServices(location, clock, Map.copyOf(env), cwd);
  }

  /** Opens the adapter for {@code location}. */
  public static JobStore openStore(StoreLocation location) {
    // Not a pattern switch: its first use in a JVM spins a class at run time, a few milliseconds
    // of every command's start (docs/performance.md, "Dispatch").
    if (location instanceof StoreLocation.Sqlite s) {
      return SqliteStore.open(s);
    }
    return PostgresStore.open((StoreLocation.Postgres) location);
  }

  /** The store, opened (and created or migrated) on the first call. */
  public synchronized JobStore store() {
    if (store == null) {
      store = openStore(location.get());
    }
    return store;
  }

  /** A read-only look at the store: never creates or migrates it. */
  public static StoreHealth inspectStore(StoreLocation location, Instant now) {
    return switch (location) {
      case StoreLocation.Sqlite s -> SqliteProbe.inspect(s, now);
      case StoreLocation.Postgres p -> PostgresProbe.inspect(p, now);
    };
  }

  @Override
  public Doctor doctor() {
    return new Doctor(env, cwd, this::inspectStore, clock);
  }

  private StoreHealth inspectStore() {
    StoreLocation where;
    try {
      where = location.get();
    } catch (WrkrException e) {
      return new StoreHealth.Unreachable("(unknown)", e.getMessage());
    }
    return inspectStore(where, clock.instant());
  }

  @Override
  public StatusService status() {
    return new StatusService(history(), store().leases(), clock, BuildInfo.current().version());
  }

  @Override
  public CheckpointService checkpoints() {
    return new CheckpointService(history(), clock, BuildInfo.current().version());
  }

  @Override
  public AcceptService accept() {
    String version = BuildInfo.current().version();
    return new AcceptService(history(), status(), new Acceptance(OsStepProcesses.detect(), clock, version), version);
  }

  @Override
  public Pruner pruner() {
    return new Pruner(() -> store().retention(), clock);
  }

  @Override
  public JobsService jobs() {
    return new JobsService(history(), store().index(), clock);
  }

  @Override
  public Dispatch dispatch() {
    SystemEnvironmentProbe probe = new SystemEnvironmentProbe(env, cwd);
    String worker = "dispatch-" + probe.hostname() + "-" + ProcessHandle.current().pid();
    RunnerConfig config = RunnerConfig.defaults(worker, probe.hostname(), logRoot());
    String ttl = env.get("WRKR_LEASE_TTL_SECONDS");
    if (ttl != null && !ttl.isBlank()) {
      config = config.withLeaseTtl(parseTtl(ttl));
    }
    return new Dispatch(new DispatchPorts(store(), OsStepProcesses.detect(), probe), clock, config);
  }

  /**
   * Step logs go under {@code $WRKR_HOME/logs}; with neither WRKR_HOME nor HOME set (a bare
   * container using only WRKR_STORE_URL), under the system temp folder, so that listing jobs or
   * changing their status never fails for want of a home (JobsCommandTest).
   */
  private Path logRoot() {
    boolean home = env.containsKey("WRKR_HOME") && !env.get("WRKR_HOME").isEmpty()
        || env.containsKey("HOME") && !env.get("HOME").isEmpty();
    return home
        ? StoreLocation.wrkrHome(env).resolve("logs")
        : Path.of(System.getProperty("java.io.tmpdir"), "wrkr-logs");
  }

  private static Duration parseTtl(String text) {
    try {
      long seconds = Long.parseLong(text.strip());
      if (seconds >= 3 && seconds <= 86_400) {
        return Duration.ofSeconds(seconds);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
        "WRKR_LEASE_TTL_SECONDS must be a whole number of seconds from 3 to 86400", Map.of("value", text));
  }

  @Override
  public Jobpacks jobpacks() {
    return new Jobpacks(store().ledger(), BuildInfo.current().version());
  }

  private JobHistory history() {
    return new JobHistory(store().ledger(), store().index(), clock);
  }

  @Override
  public synchronized void close() {
    if (store != null) {
      store.close();
    }
  }
}
