package dev.wrkr.store;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the store lives, parsed from {@code --store} or {@code WRKR_STORE_URL}. Pure: parsing
 * reads no file, environment or network; the adapters' {@code open} methods do the IO.
 */
public sealed interface StoreLocation {
  /** The embedded store: one SQLite file. */
  record Sqlite(Path file) implements StoreLocation {
    public Sqlite {
      Objects.requireNonNull(file, "file");
    }

    @Override
    public String describe() {
      return file.toString();
    }
  }

  /**
   * A PostgreSQL database: a {@code jdbc:postgresql://} URL without credentials, and the user and
   * password taken out of the URL the user gave (percent-decoded).
   */
  record Postgres(String jdbcUrl, Optional<String> user, Optional<String> password)
      implements StoreLocation {
    public Postgres {
      Objects.requireNonNull(jdbcUrl, "jdbcUrl");
      Objects.requireNonNull(user, "user");
      Objects.requireNonNull(password, "password");
      if (!jdbcUrl.startsWith(StoreUrlParser.JDBC_POSTGRES)) {
        throw new IllegalArgumentException(
            "jdbcUrl must start with " + StoreUrlParser.JDBC_POSTGRES);
      }
    }

    /** {@code postgresql://user:***@host:port/db?params}: never the password. */
    @Override
    public String describe() {
      return StoreUrlParser.describe(this);
    }

    /** The same as {@link #describe()}, so that a logged location never shows the password. */
    @Override
    public String toString() {
      return describe();
    }
  }

  /** The location for messages: the file path, or the URL with any password replaced by ***. */
  String describe();

  /**
   * Parses a store URL: {@code postgresql://user:pass@host:port/db?params} (also {@code
   * postgres://} and {@code jdbc:postgresql://}), {@code sqlite:<path>}, {@code
   * sqlite:///abs/path}, or a plain file path.
   *
   * @throws WrkrException {@link ReasonCode#E_INVALID_INPUT_SCHEMA} when the URL cannot be used
   */
  static StoreLocation parse(String url) {
    return StoreUrlParser.parse(url);
  }

  /**
   * The store of this environment: {@code WRKR_STORE_URL} when set, else SQLite at {@code
   * $WRKR_HOME/wrkr.db}, {@code WRKR_HOME} defaulting to {@code $HOME/.wrkr}. The home comes from
   * the {@code HOME} variable (as Wrkr does), never from {@code user.home}. Empty variables count
   * as unset.
   *
   * @throws StoreException {@link ReasonCode#E_STORE_UNAVAILABLE} when neither {@code WRKR_HOME}
   *     nor {@code HOME} is set
   */
  static StoreLocation defaultFor(Map<String, String> env) {
    String url = env.get("WRKR_STORE_URL");
    if (url != null && !url.isEmpty()) {
      return parse(url);
    }
    return new Sqlite(wrkrHome(env).resolve("wrkr.db"));
  }

  /**
   * wrkr's data folder: {@code WRKR_HOME}, else {@code $HOME/.wrkr} ({@code HOME} from the
   * environment variable, never {@code user.home}). Empty variables count as unset.
   *
   * @throws StoreException {@link ReasonCode#E_STORE_UNAVAILABLE} when neither is set
   */
  static Path wrkrHome(Map<String, String> env) {
    String wrkrHome = env.get("WRKR_HOME");
    if (wrkrHome != null && !wrkrHome.isEmpty()) {
      return StoreUrlParser.path(wrkrHome, "WRKR_HOME");
    }
    String home = env.get("HOME");
    if (home != null && !home.isEmpty()) {
      return StoreUrlParser.path(home, "HOME").resolve(".wrkr");
    }
    throw StoreException.unavailable(
        "cannot locate the store: neither WRKR_HOME nor HOME is set; set WRKR_HOME to a"
            + " directory for wrkr's data, or WRKR_STORE_URL (or --store) to a store URL",
        Map.of(),
        null);
  }
}
