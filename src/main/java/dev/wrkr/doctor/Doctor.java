package dev.wrkr.doctor;

import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import dev.wrkr.store.StoreHealth;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Runs the doctor checks, in this order: {@code store_reachable}, {@code store_migrated}, {@code
 * schemas}, {@code signing_key}, {@code lease_health}, {@code retention_settings}, {@code
 * unsafe_defaults}. Nothing is created or written: the store is only looked at through {@code
 * store}, which must be read-only.
 */
public final class Doctor {
  static final String SCHEMAS = "schemas";

  private final Map<String, String> env;
  private final Path cwd;
  private final Supplier<StoreHealth> store;
  private final InstantSource clock;

  /**
   * @param env the environment the settings are read from
   * @param cwd what a relative {@code WRKR_SIGNING_KEY} is relative to
   * @param store a read-only look at the store, taken once per run
   */
  public Doctor(Map<String, String> env, Path cwd, Supplier<StoreHealth> store, InstantSource clock) {
    this.env = Map.copyOf(env);
    this.cwd = Objects.requireNonNull(cwd, "cwd");
    this.store = Objects.requireNonNull(store, "store");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Runs every check; the report is not ok when any check failed. */
  public DoctorReport run(DoctorOptions options) {
    boolean production = options.productionReadiness();
    List<DoctorCheck> storeChecks = StoreChecks.of(store.get(), production);
    List<DoctorCheck> checks = new ArrayList<>();
    checks.add(storeChecks.get(0));
    checks.add(storeChecks.get(1));
    checks.add(schemas());
    checks.add(SigningKeyCheck.run(env, cwd, production));
    checks.add(storeChecks.get(2));
    checks.add(SettingsChecks.retention(env, production));
    checks.add(SettingsChecks.unsafe(env, options));
    return DoctorReport.of(clock.instant(), production, checks);
  }

  private static DoctorCheck schemas() {
    int expected = SchemaId.values().length;
    try {
      int compiled = Schemas.standard().compileAll();
      return compiled == expected
          ? DoctorCheck.pass(SCHEMAS, "compiled=" + compiled)
          : DoctorCheck.fail(SCHEMAS, "compiled=" + compiled + " expected=" + expected,
              "reinstall wrkr: its bundled schemas are incomplete");
    } catch (RuntimeException e) {
      return DoctorCheck.fail(SCHEMAS, "a bundled schema does not compile: " + e.getMessage(),
          "reinstall wrkr: its bundled schemas are damaged");
    }
  }
}
