package dev.wrkr.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** The committed test-only key ({@code src/test/resources/sign/test-only.key}), for golden bytes. */
final class TestKeys {
  static final String FIXED_KEY_ID = "ed25519:603358ae5123c168";
  private static final Path FIXED = Path.of("src/test/resources/sign/test-only.key");

  private TestKeys() {}

  /** Loads the fixed key through a 0600 copy (git does not keep the mode). */
  static SigningKey fixed() {
    try {
      Path copy = Files.createTempFile("test-only", ".key");
      try {
        Files.copy(FIXED, copy, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(copy, PosixFilePermissions.fromString("rw-------"));
        return SigningKeys.loadSigningKey(copy);
      } finally {
        Files.delete(copy);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
