package dev.wrkr.store;

import java.nio.file.Path;

/** Store URLs for tests outside this package: a SQLite file, or a new database on the test server. */
public final class TestStoreUrls {
  private TestStoreUrls() {}

  /** A store URL of the given kind ({@code sqlite} or {@code postgres}), fresh and empty. */
  public static String fresh(String kind, Path dir) {
    return switch (kind) {
      case "sqlite" -> "sqlite:" + dir.resolve("wrkr-" + System.nanoTime() + ".db");
      case "postgres" -> PostgresFixture.shared().newDatabase().url();
      default -> throw new IllegalArgumentException("unknown store kind " + kind);
    };
  }
}
