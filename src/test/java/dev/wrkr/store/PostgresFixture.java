package dev.wrkr.store;

import dev.wrkr.store.postgres.PostgresStore;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One PostgreSQL server per test JVM: the server at {@code WRKR_TEST_PG_URL} when that is set (any
 * database on it; the tests create their own), else an embedded server (real PostgreSQL binaries,
 * zonky) started on first use and stopped when the JVM exits. Never skipped.
 */
final class PostgresFixture {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static volatile PostgresFixture shared;

  private final StoreLocation.Postgres admin;
  private final boolean external;

  private PostgresFixture(StoreLocation.Postgres admin, boolean external) {
    this.admin = admin;
    this.external = external;
  }

  static PostgresFixture shared() {
    if (shared == null) {
      synchronized (PostgresFixture.class) {
        if (shared == null) {
          shared = start();
        }
      }
    }
    return shared;
  }

  private static PostgresFixture start() {
    String url = System.getenv("WRKR_TEST_PG_URL");
    if (url != null && !url.isBlank()) {
      return new PostgresFixture((StoreLocation.Postgres) StoreLocation.parse(url), true);
    }
    try {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
      Runtime.getRuntime().addShutdownHook(new Thread(() -> closeQuietly(pg)));
      String embedded = "postgresql://postgres@localhost:" + pg.getPort() + "/postgres";
      return new PostgresFixture((StoreLocation.Postgres) StoreLocation.parse(embedded), false);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start embedded PostgreSQL", e);
    }
  }

  private static void closeQuietly(EmbeddedPostgres pg) {
    try {
      pg.close();
    } catch (IOException e) {
      // The JVM is exiting; the server's temp directory is cleaned by the OS eventually.
    }
  }

  /** The server's address, {@code host:port}. */
  String hosts() {
    String rest = admin.jdbcUrl().substring("jdbc:postgresql://".length());
    return rest.substring(0, rest.indexOf('/'));
  }

  /** A new empty database on the shared server. */
  TestDatabase newDatabase() {
    String name = "wrkr_test_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    adminExecute("CREATE DATABASE " + name);
    return new PostgresDatabase(this, name);
  }

  Connection connect(String database) throws SQLException {
    Properties props = new Properties();
    admin.user().ifPresent(u -> props.setProperty("user", u));
    admin.password().ifPresent(p -> props.setProperty("password", p));
    return DriverManager.getConnection("jdbc:postgresql://" + hosts() + "/" + database, props);
  }

  String url(String database) {
    String password = admin.password().map(p -> ":" + encode(p)).orElse("");
    String userInfo = admin.user().map(u -> encode(u) + password + "@").orElse("");
    return "postgresql://" + userInfo + hosts() + "/" + database;
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }

  private void adminExecute(String sql) {
    String jdbcUrl = admin.jdbcUrl();
    String adminDb = jdbcUrl.substring(jdbcUrl.lastIndexOf('/') + 1).split("\\?")[0];
    try (Connection c = connect(adminDb.isEmpty() ? "postgres" : adminDb);
        Statement s = c.createStatement()) {
      s.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("test database setup failed: " + sql, e);
    }
  }

  record PostgresDatabase(PostgresFixture server, String name) implements TestDatabase {
    @Override
    public JobStore open() {
      return PostgresStore.open((StoreLocation.Postgres) StoreLocation.parse(url()));
    }

    @Override
    public String url() {
      return server.url(name);
    }

    @Override
    public Connection connect() throws SQLException {
      return server.connect(name);
    }

    /** On a shared external server the database is dropped; the embedded one dies with the JVM. */
    @Override
    public void close() {
      if (server.external) {
        try {
          server.adminExecute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (RuntimeException e) {
          // Left behind on the test server; its name says which run made it.
        }
      }
    }
  }
}
