package dev.wrkr.store.jdbc;

import dev.wrkr.store.StoreException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.InstantSource;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Brings a store's schema up to the version this build knows, under a lock so that several
 * processes opening a new store at once migrate it once.
 *
 * <p>Hand-written on purpose instead of Flyway: Flyway scans the class path and loads a few hundred
 * classes on every start, and the CLI opens the store on every invocation (wrkr starts thousands of
 * times; start-up time is measured). Here the migrations are a list in code and SQL files per
 * dialect under {@code dev/wrkr/store/migrations/<dialect>/V<n>__<name>.sql}; an opened store that
 * is already current costs one query.
 */
public final class Migrator {
  /** Every migration this build knows, oldest first. Add new ones at the end; never edit one. */
  public static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "init"),
      new Migration(2, "snapshot_checkpoint", SnapshotCheckpointFill::run),
      new Migration(3, "checkpoint_index"));

  private static final String CREATE_VERSION_TABLE =
      "CREATE TABLE IF NOT EXISTS schema_version ("
          + " version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)";

  /**
   * One schema change: its version, the name part of its file, and what fills new columns from
   * existing rows after the file ran (the same code for every dialect, in the same transaction).
   */
  public record Migration(int version, String name, Fill fill) {
    public Migration {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(fill, "fill");
      if (version < 1) {
        throw new IllegalArgumentException("migration version must be >= 1: " + version);
      }
    }

    /** A migration that is only its SQL file. */
    public Migration(int version, String name) {
      this(version, name, connection -> {});
    }

    /** The class-path resource holding this migration's SQL for {@code dialect}. */
    public String resource(String dialect) {
      return "/dev/wrkr/store/migrations/" + dialect + "/V" + version + "__" + name + ".sql";
    }
  }

  /** Fills new columns of existing rows. */
  @FunctionalInterface
  public interface Fill {
    void run(Connection connection) throws SQLException;
  }

  private final Jdbc jdbc;
  private final InstantSource clock;

  public Migrator(Jdbc jdbc, InstantSource clock) {
    this.jdbc = Objects.requireNonNull(jdbc, "jdbc");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The schema version of this build. */
  public static int latest() {
    return MIGRATIONS.getLast().version();
  }

  /**
   * Applies the missing migrations.
   *
   * @throws StoreException E_STORE_UNAVAILABLE when the store's schema is newer than this build's
   *     or a migration fails
   */
  public void migrate() {
    int current = jdbc.withConnection("read the store's schema version", this::versionIfAny);
    checkNotNewer(current);
    if (current == latest()) {
      return;
    }
    jdbc.inTransaction(
        "migrate the store's schema",
        connection -> {
          jdbc.dialect().lockForMigration(connection);
          Jdbc.update(connection, CREATE_VERSION_TABLE);
          int locked = version(connection);
          checkNotNewer(locked);
          for (Migration migration : MIGRATIONS) {
            if (migration.version() > locked) {
              apply(connection, migration);
            }
          }
          return null;
        });
  }

  private int versionIfAny(Connection connection) throws SQLException {
    boolean exists =
        Jdbc.queryOne(connection, jdbc.dialect().tableExistsQuery(), row -> true, "schema_version")
            .isPresent();
    return exists ? version(connection) : 0;
  }

  private static int version(Connection connection) throws SQLException {
    return Jdbc.queryOne(
            connection, "SELECT MAX(version) AS v FROM schema_version", row -> row.getInt("v"))
        .orElse(0);
  }

  private static void checkNotNewer(int current) {
    if (current > latest()) {
      throw StoreException.unavailable(
          "store schema version "
              + current
              + " is newer than this wrkr supports ("
              + latest()
              + "); upgrade wrkr",
          Rows.details("schema_version", current, "supported_version", latest()),
          null);
    }
  }

  private void apply(Connection connection, Migration migration) throws SQLException {
    for (String statement : statements(read(migration.resource(jdbc.dialect().name())))) {
      Jdbc.update(connection, statement);
    }
    migration.fill().run(connection);
    Jdbc.update(
        connection,
        "INSERT INTO schema_version (version, name, applied_at) VALUES (?, ?, ?)",
        migration.version(),
        migration.name(),
        Rows.text(clock.instant()));
  }

  /** Splits a migration file at semicolons that end a line; our SQL has no procedural bodies. */
  static List<String> statements(String sql) {
    return Arrays.stream(sql.split(";\\s*(\\R|$)"))
        .map(String::strip)
        .filter(s -> s.lines().anyMatch(line -> !line.isBlank() && !line.strip().startsWith("--")))
        .toList();
  }

  private static String read(String resource) {
    try (InputStream in = Migrator.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("migration " + resource + " is missing from the build");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
