package dev.wrkr.store;

import static dev.wrkr.store.Events.T0;
import static dev.wrkr.store.Events.aJob;
import static dev.wrkr.store.Events.anEvent;
import static dev.wrkr.store.Events.append;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.job.JobId;
import dev.wrkr.store.jdbc.JdbcLedger;
import dev.wrkr.store.jdbc.Migrator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Migration 3's partial index of checkpoints, part of {@link StoreContract}: it is built on
 * existing stores, and the ledger's checkpoint read is planned on it instead of walking every event
 * of the job (docs/performance.md, "Dispatch").
 */
interface CheckpointIndexContract extends StoreFixture {
  @Test
  default void reading_checkpoints_should_be_planned_on_the_checkpoint_index() throws SQLException {
    appendMostlyOtherEvents(store(), aJob());

    assertThat(plan(database(), aJob())).contains("events_checkpoints");
  }

  @Test
  default void migration_3_should_index_the_checkpoints_a_store_at_schema_2_already_holds()
      throws SQLException {
    try (TestDatabase old = anotherDatabase()) {
      if (old.url().startsWith("sqlite:")) {
        createParent(Path.of(old.url().substring("sqlite:".length())));
      }
      try (Connection c = old.connect()) {
        createSchema(c, dialect(old), 2);
        try (Statement s = c.createStatement()) {
          s.execute("INSERT INTO jobs (job_id, created_at, last_seq) VALUES ('old', '2026-03-01T10:15:30.000000000Z', 3)");
          s.execute("INSERT INTO events (job_id, seq, created_at, type, payload) VALUES"
              + " ('old', 1, '2026-03-01T10:15:30.000000000Z', 'job_initialized', '{}'),"
              + " ('old', 2, '2026-03-01T10:15:30.000000000Z', 'checkpoint_emitted', '{\"n\":2}'),"
              + " ('old', 3, '2026-03-01T10:15:30.000000000Z', 'counters_updated', '{}')");
        }
      }

      try (JobStore migrated = old.open()) {
        assertThat(migrated.ledger().readType(JobId.of("old"), "checkpoint_emitted"))
            .extracting(StoredEvent::seq, StoredEvent::payloadJson)
            .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "{\"n\":2}"));
        appendMostlyOtherEvents(migrated, aJob());
      }
      assertThat(plan(old, aJob())).contains("events_checkpoints");
      try (Connection c = old.connect(); Statement s = c.createStatement();
          ResultSet row = s.executeQuery("SELECT MAX(version) FROM schema_version")) {
        row.next();
        assertThat(row.getInt(1)).isEqualTo(Migrator.latest()).isGreaterThanOrEqualTo(3);
      }
    }
  }

  /** 200 events, every 20th a checkpoint, and planner statistics, so that the plan is the real one. */
  private static void appendMostlyOtherEvents(JobStore store, JobId job) {
    List<NewEvent> events = new ArrayList<>();
    for (int n = 1; n <= 200; n++) {
      events.add(n % 20 == 0 ? new NewEvent("checkpoint_emitted", T0, "{\"n\":" + n + "}") : anEvent(n));
    }
    store.ledger().append(append(job, 0, events));
    assertThat(store.ledger().readType(job, "checkpoint_emitted")).hasSize(10);
  }

  /** The plan the database chooses for the ledger's checkpoint read of {@code job}, as text. */
  private static String plan(TestDatabase database, JobId job) throws SQLException {
    boolean sqlite = dialect(database).equals("sqlite");
    try (Connection c = database.connect()) {
      try (Statement s = c.createStatement()) {
        s.execute(sqlite ? "ANALYZE" : "ANALYZE events");
        if (!sqlite) {
          // A table this small is cheaper to scan than any index; ask which index it would take.
          s.execute("SET enable_seqscan = off");
        }
      }
      try (PreparedStatement explain =
          c.prepareStatement((sqlite ? "EXPLAIN QUERY PLAN " : "EXPLAIN ") + JdbcLedger.READ_CHECKPOINTS)) {
        explain.setString(1, job.value());
        StringBuilder text = new StringBuilder();
        try (ResultSet rows = explain.executeQuery()) {
          while (rows.next()) {
            text.append(rows.getString(sqlite ? "detail" : "QUERY PLAN")).append('\n');
          }
        }
        return text.toString();
      }
    }
  }

  private static String dialect(TestDatabase database) {
    return database.url().startsWith("sqlite:") ? "sqlite" : "postgres";
  }

  /** The tables of schema {@code version}, from the migration files, as that build left them. */
  private static void createSchema(Connection c, String dialect, int version) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (Migrator.Migration migration : Migrator.MIGRATIONS.subList(0, version)) {
        String sql;
        try (InputStream in = Migrator.class.getResourceAsStream(migration.resource(dialect))) {
          sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
        for (String statement : sql.split(";\\s*\\n")) {
          if (statement.lines().anyMatch(l -> !l.isBlank() && !l.strip().startsWith("--"))) {
            s.execute(statement);
          }
        }
      }
      s.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)");
      for (Migrator.Migration migration : Migrator.MIGRATIONS.subList(0, version)) {
        s.execute("INSERT INTO schema_version VALUES (" + migration.version() + ", '" + migration.name()
            + "', '2026-03-01T10:15:30.000000000Z')");
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
}
