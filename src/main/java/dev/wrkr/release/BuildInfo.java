package dev.wrkr.release;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The build's version, commit and date, filtered into {@code version.properties} by Maven
 * ({@code -Dwrkr.commit=… -Dwrkr.date=…} for release builds; {@code none}/{@code unknown}
 * otherwise, as Wrkr prints them). {@code version} is also every artifact's
 * {@code producer_version}.
 */
public record BuildInfo(String version, String commit, String date) {
  private static final BuildInfo CURRENT = load();

  public static BuildInfo current() {
    return CURRENT;
  }

  private static BuildInfo load() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/wrkr/version.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        p.getProperty("version", "dev"),
        p.getProperty("commit", "none"),
        p.getProperty("date", "unknown"));
  }
}
