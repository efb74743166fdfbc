package dev.wrkr.app;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.dispatch.JobHistory;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobEvents;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStatus;
import dev.wrkr.sign.SigningKeys;
import dev.wrkr.store.JobStore;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.TestStoreUrls;
import dev.wrkr.store.WorkerId;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

/** {@code wrkr doctor} through the real CLI on both stores: its checks, and that it changes nothing. */
class DoctorCommandTest {
  private static final int LATEST = dev.wrkr.store.jdbc.Migrator.latest();

  private static final JobId JOB = JobId.of("job_doc");
  @TempDir Path dir;

  private CliRun run(Map<String, String> env, String... argv) {
    return new CliHarness(env, dir, InstantSource.fixed(JobEvents.T0.plusSeconds(3600))).run(argv);
  }

  private Map<String, String> home() {
    return Map.of("HOME", dir.toString(), "WRKR_HOME", dir.resolve(".wrkr").toString());
  }

  private static Map<String, String> with(Map<String, String> env, String... keysAndValues) {
    Map<String, String> copy = new HashMap<>(env);
    for (int i = 0; i < keysAndValues.length; i += 2) {
      copy.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return copy;
  }

  private static JsonNode check(CliRun run, String name) {
    for (JsonNode check : Json.parse(run.out()).get("checks")) {
      if (check.get("name").asString().equals(name)) {
        return check;
      }
    }
    throw new AssertionError("no check " + name + " in " + run.out());
  }

  private List<String> listing() throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      // The -shm file is SQLite's shared-memory index, where every reader (read-only too) records
      // read marks; only its presence counts.
      return files.map(p -> p.toString().endsWith("-shm") ? dir.relativize(p).toString()
              : dir.relativize(p) + " " + p.toFile().length() + " " + p.toFile().lastModified())
          .sorted().toList();
    }
  }

  private String storeWithJob(String kind) {
    String url = TestStoreUrls.fresh(kind, dir);
    try (JobStore store = AppServices.openStore(StoreLocation.parse(url))) {
      List<JobEvent> events = List.of(JobEvents.initialized(), JobEvents.moved(JobStatus.QUEUED, JobStatus.RUNNING));
      new JobHistory(store.ledger(), store.index(), InstantSource.fixed(JobEvents.T0))
          .append(JobState.empty(JOB), events).orElseThrow();
      store.leases().acquire(JOB, new WorkerId("w1"), JobEvents.T0, Duration.ofSeconds(30));
    }
    return url;
  }

  @Test
  void doctor_should_not_create_a_missing_store_and_should_match_the_golden_text() throws IOException {
    List<String> before = listing();
    CliRun run = run(home(), "doctor");
    assertThat(listing()).isEqualTo(before);
    assertThat(dir.resolve(".wrkr")).doesNotExist();
    assertThat(run.exitCode()).isZero();
    assertThat(run.err()).isEmpty();
    Golden.assertMatches("cli/doctor_default.txt", run.out().replace(dir.toString(), "<dir>"));
  }

  @Test
  void production_readiness_should_fail_on_a_missing_store_and_missing_settings() throws IOException {
    List<String> before = listing();
    CliRun run = run(home(), "doctor", "--production-readiness", "--json");
    assertThat(listing()).isEqualTo(before);
    assertThat(run.exitCode()).isEqualTo(1);
    Golden.assertMatches("cli/doctor_production.json", run.out().replace(dir.toString(), "<dir>"));
    assertThat(check(run, "store_reachable").get("remediation").asString()).contains("wrkr jobs");
    assertThat(check(run, "signing_key").get("severity").asString()).isEqualTo("critical");
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void doctor_should_report_a_migrated_store_and_running_jobs_with_expired_leases(String kind) throws IOException {
    String url = storeWithJob(kind);
    List<String> before = listing();
    CliRun run = run(Map.of("WRKR_STORE_URL", url), "doctor", "--json");
    assertThat(listing()).isEqualTo(before);
    assertThat(run.exitCode()).isZero();
    assertThat(check(run, "store_reachable").get("status").asString()).isEqualTo("pass");
    assertThat(check(run, "store_migrated").get("details").asString()).isEqualTo("schema_version=" + LATEST + " supported=" + LATEST);
    JsonNode leases = check(run, "lease_health");
    assertThat(leases.get("status").asString()).isEqualTo("warn");
    assertThat(leases.get("details").asString()).endsWith(": job_doc");
    assertThat(leases.get("remediation").asString()).contains("wrkr resume", "wrkr cancel");
  }

  @Test
  void doctor_should_read_a_sqlite_store_another_process_has_open_without_adding_files() throws IOException {
    String url = storeWithJob("sqlite");
    try (JobStore open = AppServices.openStore(StoreLocation.parse(url))) {
      open.leases().current(JOB);
      List<String> before = listing();
      assertThat(before).anyMatch(line -> line.contains(".db-wal"));
      CliRun run = run(Map.of("WRKR_STORE_URL", url), "doctor", "--json");
      assertThat(listing()).isEqualTo(before);
      assertThat(check(run, "store_migrated").get("status").asString()).isEqualTo("pass");
      assertThat(check(run, "lease_health").get("details").asString()).endsWith(": job_doc");
    }
  }

  @Test
  void doctor_should_leave_an_empty_postgres_database_unmigrated() throws SQLException {
    String url = TestStoreUrls.fresh("postgres", dir);
    CliRun run = run(Map.of("WRKR_STORE_URL", url), "doctor", "--json");
    assertThat(run.exitCode()).isZero();
    JsonNode migrated = check(run, "store_migrated");
    assertThat(migrated.get("status").asString()).isEqualTo("warn");
    assertThat(migrated.get("details").asString()).startsWith("schema_version=0 supported=" + LATEST);
    assertThat(tableCount(url)).isZero();
    assertThat(run(Map.of("WRKR_STORE_URL", url), "doctor", "--production-readiness", "--json").exitCode())
        .isEqualTo(1);
    assertThat(tableCount(url)).isZero();
  }

  @ParameterizedTest
  @ValueSource(strings = {"sqlite", "postgres"})
  void a_store_newer_than_this_wrkr_should_fail_with_upgrade_wrkr(String kind) throws SQLException {
    String url = storeWithJob(kind);
    try (Connection c = connect(url)) {
      c.createStatement().executeUpdate(
          "INSERT INTO schema_version (version, name, applied_at) VALUES (99, 'future', 'x')");
    }
    CliRun run = run(Map.of("WRKR_STORE_URL", url), "doctor", "--json");
    assertThat(run.exitCode()).isEqualTo(1);
    JsonNode migrated = check(run, "store_migrated");
    assertThat(migrated.get("status").asString()).isEqualTo("fail");
    assertThat(migrated.get("details").asString()).startsWith("schema_version=99 supported=" + LATEST);
    assertThat(migrated.get("remediation").asString()).startsWith("upgrade wrkr");
  }

  private static Connection connect(String url) throws SQLException {
    return switch (StoreLocation.parse(url)) {
      case StoreLocation.Sqlite s -> DriverManager.getConnection("jdbc:sqlite:" + s.file());
      case StoreLocation.Postgres pg ->
          DriverManager.getConnection(pg.jdbcUrl(), pg.user().orElse(null), pg.password().orElse(null));
    };
  }

  private static int tableCount(String url) throws SQLException {
    try (Connection c = connect(url);
        ResultSet rows = c.createStatement().executeQuery(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()")) {
      rows.next();
      return rows.getInt(1);
    }
  }

  @Test
  void doctor_should_leave_an_empty_sqlite_file_empty() throws IOException {
    Path file = dir.resolve("empty.db");
    Files.createFile(file);
    List<String> before = listing();
    CliRun run = run(Map.of("WRKR_STORE_URL", "sqlite:" + file), "doctor", "--json");
    assertThat(listing()).isEqualTo(before);
    assertThat(check(run, "store_migrated").get("details").asString()).startsWith("schema_version=0");
  }

  @Test
  void an_unreadable_store_should_fail_critically_with_a_fix() throws IOException {
    Path file = dir.resolve("junk.db");
    Files.writeString(file, "this is not a database, just some text long enough to be read as a header...");
    CliRun run = run(Map.of("WRKR_STORE_URL", "sqlite:" + file), "doctor");
    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.out()).contains("- store_reachable ok=false severity=critical cannot read the store",
        "  remediation=check that --store, WRKR_STORE_URL or WRKR_HOME");
  }

  @Test
  void a_usable_signing_key_should_pass_and_a_shared_one_should_fail() throws IOException {
    Files.createDirectories(dir.resolve("keys"));
    SigningKeys.generate(dir.resolve("keys/release"));
    Map<String, String> env = with(home(), "WRKR_SIGNING_KEY", "keys/release.key");
    assertThat(check(run(env, "doctor", "--json"), "signing_key").get("status").asString()).isEqualTo("pass");
    Files.setPosixFilePermissions(dir.resolve("keys/release.key"), PosixFilePermissions.fromString("rw-r--r--"));
    CliRun shared = run(env, "doctor", "--json");
    assertThat(shared.exitCode()).isEqualTo(1);
    JsonNode key = check(shared, "signing_key");
    assertThat(key.get("status").asString()).isEqualTo("fail");
    assertThat(key.get("remediation").asString()).contains("chmod 600");
  }

  @Test
  void non_loopback_serve_without_a_token_should_fail_and_with_one_pass() {
    CliRun open = run(home(), "doctor", "--serve-listen", "0.0.0.0:9488", "--serve-allow-non-loopback");
    assertThat(open.exitCode()).isEqualTo(1);
    assertThat(open.out()).contains("- unsafe_defaults ok=false severity=critical serve listen 0.0.0.0:9488 is not"
        + " loopback and has no auth token");
    CliRun env = run(with(home(), "WRKR_SERVE_LISTEN", ":9488", "WRKR_SERVE_ALLOW_NON_LOOPBACK", "1",
        "WRKR_SERVE_AUTH_TOKEN", "s3cret"), "doctor");
    assertThat(env.exitCode()).isZero();
    assertThat(env.out()).contains("- unsafe_defaults ok=true severity=critical serve listen=:9488 auth=token")
        .doesNotContain("s3cret");
    assertThat(run(with(home(), "WRKR_SERVE_LISTEN", "10.0.0.1:9488"), "doctor").out())
        .contains("is not loopback\n  remediation=");
  }

  @Test
  void retention_and_allow_unsafe_should_warn_by_default_and_fail_for_production() {
    Map<String, String> env = with(home(), "WRKR_RETENTION_DAYS", "0", "WRKR_ALLOW_UNSAFE", "true");
    CliRun plain = run(env, "doctor", "--json");
    assertThat(plain.exitCode()).isZero();
    assertThat(check(plain, "retention_settings").get("status").asString()).isEqualTo("warn");
    assertThat(check(plain, "unsafe_defaults").get("status").asString()).isEqualTo("warn");
    CliRun production = run(env, "doctor", "--json", "--production-readiness");
    assertThat(check(production, "retention_settings").get("status").asString()).isEqualTo("fail");
    assertThat(check(production, "unsafe_defaults").get("status").asString()).isEqualTo("fail");
    assertThat(check(run(with(home(), "WRKR_RETENTION_DAYS", "30"), "doctor", "--json"), "retention_settings")
        .get("details").asString()).isEqualTo("WRKR_RETENTION_DAYS=30");
  }
}
