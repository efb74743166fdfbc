package dev.wrkr.store.postgres;

import dev.wrkr.store.StoreHealth;
import dev.wrkr.store.StoreLocation;
import dev.wrkr.store.jdbc.SchemaProbe;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Properties;

/**
 * A read-only look at a PostgreSQL store for {@code wrkr doctor}: one plain connection (no pool)
 * in a read-only session, so that an unmigrated database stays unmigrated.
 */
public final class PostgresProbe {
  private static final int CONNECT_TIMEOUT_SECONDS = 10;

  private PostgresProbe() {}

  /** The health of the database at {@code location} as of {@code now}. */
  public static StoreHealth inspect(StoreLocation.Postgres location, Instant now) {
    Properties properties = new Properties();
    location.user().ifPresent(user -> properties.setProperty("user", user));
    location.password().ifPresent(password -> properties.setProperty("password", password));
    properties.setProperty("ApplicationName", "wrkr-doctor");
    properties.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT_SECONDS));
    properties.setProperty("readOnly", "true");
    // pgjdbc's default mode makes only explicit transactions read-only; ours run in auto-commit.
    properties.setProperty("readOnlyMode", "always");
    try (Connection connection = DriverManager.getConnection(location.jdbcUrl(), properties)) {
      connection.setReadOnly(true);
      return SchemaProbe.inspect(connection, new PostgresDialect(), location.describe(), now);
    } catch (SQLException e) {
      return new StoreHealth.Unreachable(location.describe(), e.getMessage());
    }
  }
}
