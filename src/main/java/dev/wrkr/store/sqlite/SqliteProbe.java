package dev.wrkr.store.sqlite;

import dev.wrkr.store.StoreHealth;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.jdbc.SchemaProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.sqlite.SQLiteConfig;

/**
 * A read-only look at a SQLite store for {@code wrkr doctor}: never creates the file, its folder,
 * or its WAL files, and never migrates (DoctorCommandTest checks the folder is unchanged).
 */
public final class SqliteProbe {
  private SqliteProbe() {}

  /** The health of the store at {@code location} as of {@code now}. */
  public static StoreHealth inspect(StoreLocation.Sqlite location, Instant now) {
    Path file = location.file().toAbsolutePath().normalize();
    String store = file.toString();
    if (!Files.exists(file)) {
      return new StoreHealth.NotCreated(store);
    }
    if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
      return new StoreHealth.Unreachable(store, "it is not a readable file");
    }
    try (Connection connection = connect(file)) {
      return SchemaProbe.inspect(connection, new SqliteDialect(), store, now);
    } catch (SQLException e) {
      return new StoreHealth.Unreachable(
          store, "cannot read it as a SQLite database: " + e.getMessage());
    }
  }

  /**
   * Opens read-only. When no other connection has the database open its WAL files are absent, and
   * even a read-only connection would create them; so then the file is opened as immutable, which
   * creates nothing (all its content is in the main file while the WAL is absent).
   */
  private static Connection connect(Path file) throws SQLException {
    SQLiteConfig config = new SQLiteConfig();
    config.setReadOnly(true);
    config.setBusyTimeout(5_000);
    boolean walInUse = Files.exists(Path.of(file + "-wal"));
    String url = "jdbc:sqlite:file:" + file + (walInUse ? "?mode=ro" : "?immutable=1");
    return config.createConnection(url);
  }
}
