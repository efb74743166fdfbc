package dev.wrkr.store.sqlite;

import dev.wrkr.store.StoreException;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.jdbc.Jdbc;
import dev.wrkr.store.jdbc.JdbcStore;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.sqlite.SQLiteConfig;

/**
 * The embedded store: one SQLite file, shared safely by the threads of this process and by other
 * processes on the same machine (not over a network file system).
 *
 * <p>Durability: the database runs in WAL mode with {@code synchronous=FULL}, so the WAL is synced
 * to disk before each commit returns; a commit that returned survives a crash of the process or
 * of the machine. That costs one fsync per commit, which bounds single-event appends (see {@code
 * docs/performance.md}). An append that need only survive a crash of this process ({@link
 * dev.wrkr.store.Durability#PROCESS_CRASH}: a step's start) runs with {@code synchronous=NORMAL}
 * and is synced by the next full commit ({@link SqliteDialect#durability}).
 *
 * <p>Opening is cheap on purpose, because the CLI opens the store on every invocation: one
 * connection, no pool, a hand-written migrator that costs one query when the schema is current.
 * Within the process that one connection is guarded by a lock; SQLite admits a single writer at a
 * time anyway, and other processes wait for it up to {@code busy_timeout} (30 s).
 */
public final class SqliteStore extends JdbcStore {
  private static final int BUSY_TIMEOUT_MILLIS = 30_000;
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  private final Jdbc jdbc;

  private SqliteStore(Path file, Jdbc jdbc, SingleConnection connections) {
    super(jdbc, connections, file.toString());
    this.jdbc = jdbc;
  }

  /**
   * The {@code PRAGMA synchronous} of this store's connection now: 2 (FULL) between appends, so
   * that every commit not asked otherwise is synced ({@link dev.wrkr.store.Durability}).
   */
  public int synchronous() {
    return jdbc.withConnection("read PRAGMA synchronous", connection ->
        Jdbc.queryOne(connection, "PRAGMA synchronous", row -> row.getInt(1)).orElseThrow());
  }

  /**
   * Starts, on a daemon thread, the one-time work of the first open in a process: loading the
   * native library and building the date formats sqlite-jdbc makes for every connection (their
   * calendar and locale data cost a cold JVM about 15 ms). A command that is about to open the
   * store overlaps it with its own start instead of waiting for it (docs/performance.md). Never
   * throws; whatever fails here fails again, and is reported, in {@link #open}.
   */
  public static void prepareInBackground() {
    Thread prepare = new Thread(() -> {
      try {
        org.sqlite.SQLiteJDBCLoader.initialize();
        new SQLiteConfig();
      } catch (Throwable ignored) {
        // open() reports it.
      }
    }, "wrkr-sqlite-prepare");
    prepare.setDaemon(true);
    prepare.start();
  }

  /**
   * Opens the store at {@code location}, creating the file (mode 0600) and its missing parent
   * directories (mode 0700), and migrating the schema.
   *
   * @throws StoreException E_STORE_UNAVAILABLE when the file cannot be created or opened, is not a
   *     SQLite database, or has a schema newer than this build
   */
  public static SqliteStore open(StoreLocation.Sqlite location) {
    Path file = location.file().toAbsolutePath().normalize();
    if (file.toString().indexOf('?') >= 0) {
      throw unavailable(file, "the path must not contain '?'", null);
    }
    createFile(file);
    Connection connection = connect(file);
    SingleConnection connections = new SingleConnection(connection);
    return new SqliteStore(file, new Jdbc(new SqliteDialect(), connections, file.toString()), connections);
  }

  private static void createFile(Path file) {
    try {
      Path parent = file.getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        Files.createDirectories(parent, ownerOnly("rwx------"));
      }
      if (!Files.exists(file)) {
        Files.createFile(file, ownerOnly("rw-------"));
      }
    } catch (FileAlreadyExistsException e) {
      // Another process created it first: fine.
    } catch (IOException e) {
      throw unavailable(file, "cannot create it: " + e, e);
    }
  }

  private static FileAttribute<?>[] ownerOnly(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }

  private static Connection connect(Path file) {
    SQLiteConfig config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MILLIS);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    try {
      Connection connection = config.createConnection("jdbc:sqlite:" + file);
      try {
        enableWal(connection, file);
        return connection;
      } catch (RuntimeException | SQLException e) {
        connection.close();
        throw e;
      }
    } catch (SQLException e) {
      throw unavailable(file, "cannot open it as a SQLite database: " + e.getMessage(), e);
    }
  }

  /**
   * Switches a new database to WAL. The switch needs an exclusive lock and SQLite answers BUSY at
   * once, without the busy handler, while another connection is opening the same new file; so
   * retry for up to the busy timeout (SchemaContract's "several threads at once" test).
   */
  private static void enableWal(Connection connection, Path file) throws SQLException {
    long deadline = System.nanoTime() + BUSY_TIMEOUT_MILLIS * 1_000_000L;
    long pause = 2;
    while (true) {
      try (Statement statement = connection.createStatement()) {
        statement.execute("PRAGMA journal_mode=WAL");
        break;
      } catch (SQLException e) {
        if (!isBusy(e) || System.nanoTime() > deadline) {
          throw e;
        }
        sleep(pause);
        pause = Math.min(pause * 2, 50);
      }
    }
    checkWal(connection, file);
  }

  private static boolean isBusy(SQLException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
  }

  private static void sleep(long millis) throws SQLException {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted while waiting for the database lock", e);
    }
  }

  /** WAL is what lets readers run beside the writer; some file systems refuse it silently. */
  private static void checkWal(Connection connection, Path file) throws SQLException {
    try (Statement statement = connection.createStatement();
        ResultSet mode = statement.executeQuery("PRAGMA journal_mode")) {
      String journal = mode.next() ? mode.getString(1) : "unknown";
      if (!"wal".equalsIgnoreCase(journal)) {
        throw unavailable(
            file, "SQLite refused WAL mode (journal_mode=" + journal + "); use a local disk", null);
      }
    }
  }

  private static StoreException unavailable(Path file, String problem, Throwable cause) {
    return StoreException.unavailable(
        "cannot open the SQLite store at "
            + file
            + ": "
            + problem
            + "; check the path, its permissions, and that it is a wrkr store on a local disk",
        Map.of("store", file.toString()),
        cause);
  }
}
