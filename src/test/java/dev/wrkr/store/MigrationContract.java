package dev.wrkr.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.job.JobStateJson;
import dev.wrkr.job.JobStatus;
import dev.wrkr.store.jdbc.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The upgrade part of {@link StoreContract}: a store written by an earlier schema, migrated. */
interface MigrationContract extends StoreFixture {
  Instant T = Instant.parse("2026-03-01T10:15:30Z");

  @Test
  default void migration_2_should_fill_the_checkpoint_columns_from_existing_snapshots() throws SQLException {
    try (TestDatabase old = anotherDatabase()) {
      if (old.url().startsWith("sqlite:")) {
        createParent(Path.of(old.url().substring("sqlite:".length())));
      }
      try (Connection c = old.connect()) {
        createSchemaVersion1(c, old.url().startsWith("postgresql") ? "postgres" : "sqlite");
        JobState withCheckpoint = fold("with_cp", new JobEvent.CheckpointEmitted("plan", "the plan", JobStatus.RUNNING,
            new JobEvent.BudgetState(0, 0, 0, 0), JobEvent.ArtifactsDelta.none(), Optional.empty(), List.of()));
        JobState without = fold("without_cp", new JobEvent.CountersUpdated(0, 1, 1));
        insertV1(c, "with_cp", 3, Optional.of(JobStateJson.write(withCheckpoint)));
        insertV1(c, "without_cp", 3, Optional.of(JobStateJson.write(without)));
        insertV1(c, "garbage", 3, Optional.of("{not json"));
        insertV1(c, "no_snapshot", 3, Optional.empty());
      }

      try (JobStore migrated = old.open()) {
        assertThat(migrated.index().listings(10))
            .extracting(l -> l.jobId().value(), JobListing::snapshot)
            .containsExactly(
                tuple("garbage", Optional.empty()),
                tuple("no_snapshot", Optional.empty()),
                tuple("with_cp", Optional.of(new JobListing.Summary(3, "running",
                    Optional.of(new SnapshotCheckpoint(3, "plan", "the plan"))))),
                tuple("without_cp", Optional.of(new JobListing.Summary(3, "running", Optional.empty()))));
        assertThat(migrated.index().find(JobId.of("with_cp")).orElseThrow().snapshot().orElseThrow().lastCheckpoint())
            .contains(new SnapshotCheckpoint(3, "plan", "the plan"));
      }
      try (Connection c = old.connect(); Statement s = c.createStatement();
          var row = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(Migrator.latest());
      }
    }
  }

  private static void createParent(Path file) {
    try {
      Files.createDirectories(file.getParent());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JobState fold(String id, JobEvent third) {
    JobState s = JobState.empty(JobId.of(id))
        .apply(1, new JobEvent.JobInitialized(T, "queued"))
        .apply(2, new JobEvent.StatusChanged(JobStatus.QUEUED, JobStatus.RUNNING));
    return s.apply(3, third);
  }

  private static void createSchemaVersion1(Connection c, String dialect) throws SQLException {
    String sql;
    try (InputStream in = Migrator.class.getResourceAsStream(Migrator.MIGRATIONS.getFirst().resource(dialect))) {
      sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try (Statement s = c.createStatement()) {
      for (String statement : sql.split(";\\s*\\n")) {
        if (statement.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"))) {
          s.execute(statement);
        }
      }
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      s.execute("INSERT INTO schema_version VALUES (1, 'init', '2026-03-01T10:15:30.000000000Z')");
    }
  }

  private static void insertV1(Connection c, String id, long lastSeq, Optional<String> state) throws SQLException {
    String at = "2026-03-01T10:15:30.000000000Z";
    try (PreparedStatement job = c.prepareStatement(state.isPresent()
        ? "INSERT INTO jobs (job_id, created_at, last_seq, snapshot_seq, snapshot_status, snapshot_updated_at,"
            + " snapshot_state) VALUES (?, ?, ?, ?, 'running', ?, ?)"
        : "INSERT INTO jobs (job_id, created_at, last_seq) VALUES (?, ?, ?)")) {
      job.setString(1, id);
      job.setString(2, at);
      job.setLong(3, lastSeq);
      if (state.isPresent()) {
        job.setLong(4, lastSeq);
        job.setString(5, at);
        job.setString(6, state.get());
      }
      job.executeUpdate();
    }
  }
}
