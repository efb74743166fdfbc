package dev.wrkr.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Golden files under {@code src/test/resources/golden/}. A mismatch fails the test; regenerating
 * is a deliberate act: {@code mvn test -Dwrkr.golden.update=true}, then review the diff.
 */
public final class Golden {
  private static final Path ROOT = Path.of("src/test/resources/golden");

  private Golden() {}

  /** {@code text} with this build's version replaced by {@code VERSION}, so goldens outlive releases. */
  public static String versionFree(String text) {
    return text.replace("\"producer_version\":\"" + dev.wrkr.release.BuildInfo.current().version() + "\"",
        "\"producer_version\":\"VERSION\"");
  }

  public static void assertMatches(String name, String actual) {
    assertMatches(name, actual.getBytes(StandardCharsets.UTF_8));
  }

  public static void assertMatches(String name, byte[] actual) {
    Path file = ROOT.resolve(name);
    try {
      if (Boolean.getBoolean("wrkr.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.write(file, actual);
      }
      assertThat(file).as("golden file %s (regenerate with -Dwrkr.golden.update=true)", file).exists();
      assertThat(new String(actual, StandardCharsets.UTF_8))
          .as("golden file %s", file)
          .isEqualTo(new String(Files.readAllBytes(file), StandardCharsets.UTF_8));
      assertThat(actual).as("golden bytes %s", file).isEqualTo(Files.readAllBytes(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
