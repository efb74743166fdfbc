package dev.wrkr.store.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.wrkr.store.StoreException;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.jdbc.Jdbc;
import dev.wrkr.store.jdbc.JdbcStore;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The shared store: one PostgreSQL database used by many workers on many machines, through a small
 * HikariCP pool. Transactions run at READ COMMITTED; the compare-and-set updates in the aggregates
 * give the race semantics of the port. A commit that returned is durable as far as the server's
 * {@code synchronous_commit} and {@code fsync} settings make it (both on by default).
 */
public final class PostgresStore extends JdbcStore {

  /**
   * How the pool is sized and how long to wait for the server.
   *
   * @param poolSize the most connections this process opens (one is kept open while idle)
   * @param connectTimeout how long opening the store, or waiting for a free connection, may take
   */
  public record Settings(int poolSize, Duration connectTimeout) {
    /** Four connections, 10 s to connect. */
    public static final Settings DEFAULTS = new Settings(4, Duration.ofSeconds(10));

    public Settings {
      Objects.requireNonNull(connectTimeout, "connectTimeout");
      if (poolSize < 1 || poolSize > 100) {
        throw new IllegalArgumentException("poolSize must be 1..100: " + poolSize);
      }
      if (connectTimeout.toMillis() < 250) {
        throw new IllegalArgumentException("connectTimeout must be at least 250 ms");
      }
    }
  }

  private PostgresStore(StoreLocation.Postgres location, PooledConnections connections) {
    super(new Jdbc(new PostgresDialect(), connections, location.describe()), connections, location.describe());
  }

  /** Opens the store with {@link Settings#DEFAULTS}. */
  public static PostgresStore open(StoreLocation.Postgres location) {
    return open(location, Settings.DEFAULTS);
  }

  /**
   * Connects to the database at {@code location} and migrates its schema.
   *
   * @throws StoreException E_STORE_UNAVAILABLE when the server cannot be reached or refuses the
   *     login, or the schema is newer than this build; the message names the URL without its
   *     password
   */
  public static PostgresStore open(StoreLocation.Postgres location, Settings settings) {
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(settings, "settings");
    HikariDataSource pool = connect(location, settings);
    return new PostgresStore(location, new PooledConnections(pool));
  }

  private static HikariDataSource connect(StoreLocation.Postgres location, Settings settings) {
    HikariConfig config = new HikariConfig();
    config.setPoolName("wrkr-store");
    config.setJdbcUrl(location.jdbcUrl());
    location.user().ifPresent(config::setUsername);
    location.password().ifPresent(config::setPassword);
    config.setMaximumPoolSize(settings.poolSize());
    config.setMinimumIdle(1);
    config.setConnectionTimeout(settings.connectTimeout().toMillis());
    // One attempt at open (bounded by the driver's connectTimeout): a wrong password or database
    // name will not fix itself, and the CLI should say so at once rather than retry for seconds.
    config.setInitializationFailTimeout(1);
    config.setAutoCommit(true);
    config.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
    config.addDataSourceProperty("ApplicationName", "wrkr");
    config.addDataSourceProperty("reWriteBatchedInserts", "true");
    config.addDataSourceProperty(
        "connectTimeout", String.valueOf(Math.max(1, settings.connectTimeout().toSeconds())));
    try {
      return new HikariDataSource(config);
    } catch (RuntimeException e) {
      throw cannotConnect(location, e);
    }
  }

  private static StoreException cannotConnect(StoreLocation.Postgres location, RuntimeException e) {
    Throwable cause = e.getCause() != null ? e.getCause() : e;
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("store", location.describe());
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      details.put("sql_state", sql.getSQLState());
    }
    return StoreException.unavailable(
        "cannot connect to the PostgreSQL store at "
            + location.describe()
            + ": "
            + cause.getMessage()
            + "; check that the server is running and reachable from here, and that the user,"
            + " password and database name in the store URL are right",
        details,
        e);
  }
}
