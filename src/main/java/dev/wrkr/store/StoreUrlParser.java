package dev.wrkr.store;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing and redaction behind {@link StoreLocation#parse}; pure string work. */
final class StoreUrlParser {
  static final String REDACTED = "***";
  static final String JDBC_POSTGRES = "jdbc:postgresql://";

  static final Pattern PASSWORD_PARAM = Pattern.compile("([?&]password=)[^&]*");
  private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]+):(.*)$");
  private static final Pattern USERINFO_PASSWORD = Pattern.compile("(//[^/@?]*?:)[^/@?]*@");

  private StoreUrlParser() {}

  static StoreLocation parse(String url) {
    if (url == null || url.isBlank()) {
      throw invalid("store URL is empty; give postgresql://…, sqlite:<path> or a file path", "");
    }
    var m = SCHEME.matcher(url);
    if (!m.matches()) {
      return new StoreLocation.Sqlite(path(url, url));
    }
    String scheme = m.group(1).toLowerCase(Locale.ROOT);
    String rest = m.group(2);
    return switch (scheme) {
      case "postgresql", "postgres" -> postgres(url, rest);
      case "jdbc" -> jdbc(url, rest);
      case "sqlite" -> sqlite(url, rest);
      default ->
          throw invalid(
              "unsupported store URL scheme '"
                  + m.group(1)
                  + "'; use postgresql://user:pass@host:port/db, sqlite:<path> or a file path",
              url);
    };
  }

  static Path path(String text, String what) {
    try {
      return Path.of(text);
    } catch (InvalidPathException e) {
      throw invalid("not a usable file path in " + what + ": " + e.getReason(), text);
    }
  }

  private static StoreLocation jdbc(String url, String rest) {
    if (rest.regionMatches(true, 0, "postgresql:", 0, "postgresql:".length())) {
      return postgres(url, rest.substring("postgresql:".length()));
    }
    throw invalid("unsupported JDBC URL; only jdbc:postgresql://… is supported", url);
  }

  private static StoreLocation sqlite(String url, String rest) {
    String file = rest;
    if (rest.startsWith("//")) {
      if (!rest.startsWith("///")) {
        throw invalid(
            "a sqlite URL has no host: write sqlite:///absolute/path or sqlite:relative/path",
            url);
      }
      file = rest.substring(2);
    }
    if (file.isEmpty()) {
      throw invalid("sqlite URL has no file path: write sqlite:<path>", url);
    }
    return new StoreLocation.Sqlite(path(file, "the sqlite URL"));
  }

  private static StoreLocation postgres(String url, String rest) {
    if (!rest.startsWith("//")) {
      throw invalid("a PostgreSQL URL must look like postgresql://user:pass@host:port/db", url);
    }
    String afterSlashes = rest.substring(2);
    int end = indexOfAny(afterSlashes, "/?");
    String authority = end < 0 ? afterSlashes : afterSlashes.substring(0, end);
    String tail = end < 0 ? "" : afterSlashes.substring(end);
    int at = authority.lastIndexOf('@');
    String hosts = at < 0 ? authority : authority.substring(at + 1);
    if (hosts.isEmpty() || hosts.startsWith(":")) {
      throw invalid(
          "PostgreSQL URL has no host (Unix sockets are not supported): write"
              + " postgresql://user:pass@host:port/db",
          url);
    }
    Optional<String> user = Optional.empty();
    Optional<String> password = Optional.empty();
    if (at >= 0) {
      String userInfo = authority.substring(0, at);
      int colon = userInfo.indexOf(':');
      String rawUser = colon < 0 ? userInfo : userInfo.substring(0, colon);
      if (rawUser.isEmpty()) {
        throw invalid("PostgreSQL URL has an empty user name before '@'", url);
      }
      user = Optional.of(percentDecode(rawUser, url));
      if (colon >= 0) {
        password = Optional.of(percentDecode(userInfo.substring(colon + 1), url));
      }
    }
    // pgjdbc wants a '/' before the (possibly empty) database name.
    String path = tail.startsWith("/") ? tail : "/" + tail;
    return new StoreLocation.Postgres(JDBC_POSTGRES + hosts + path, user, password);
  }

  private static int indexOfAny(String s, String chars) {
    for (int i = 0; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return -1;
  }

  /** RFC 3986 percent-decoding as UTF-8; unlike URLDecoder, '+' stays '+'. */
  private static String percentDecode(String s, String url) {
    var bytes = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      int c = s.codePointAt(i);
      if (c != '%') {
        bytes.writeBytes(Character.toString(c).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(c) - 1;
        continue;
      }
      int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
      int lo = i + 2 < s.length() ? Character.digit(s.charAt(i + 2), 16) : -1;
      if (hi < 0 || lo < 0) {
        throw invalid("bad percent-escape in the user or password of the store URL", url);
      }
      bytes.write(hi * 16 + lo);
      i += 2;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes.toByteArray()))
          .toString();
    } catch (CharacterCodingException e) {
      throw invalid("percent-escapes in the store URL's user or password are not UTF-8", url);
    }
  }

  private static WrkrException invalid(String message, String url) {
    return new WrkrException(
        ReasonCode.E_INVALID_INPUT_SCHEMA, message, Map.of("store_url", redactAny(url)));
  }

  /** Best effort for a URL we could not parse: drop a userinfo password and password=. */
  private static String redactAny(String url) {
    String s = USERINFO_PASSWORD.matcher(url).replaceAll("$1" + REDACTED + "@");
    return PASSWORD_PARAM.matcher(s).replaceAll("$1" + REDACTED);
  }


  static String describe(StoreLocation.Postgres pg) {
    String userInfo =
        pg.user().map(u -> u + pg.password().map(p -> ":" + REDACTED).orElse("") + "@").orElse("");
    String rest = pg.jdbcUrl().substring(JDBC_POSTGRES.length());
    return "postgresql://" + userInfo + PASSWORD_PARAM.matcher(rest).replaceAll("$1" + REDACTED);
  }
}
