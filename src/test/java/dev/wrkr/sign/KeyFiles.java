package dev.wrkr.sign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes key files for tests, with the modes a test asks for. */
final class KeyFiles {
  private KeyFiles() {}

  static Path write(Path file, String content) {
    return write(file, content, "rw-------");
  }

  static Path write(Path file, String content, String mode) {
    try {
      Files.writeString(file, content, StandardCharsets.US_ASCII);
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(mode));
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String mode(Path file) {
    try {
      return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PEM text of a fresh key's public half. */
  static String publicPem(SigningKey key) {
    return Pem.encode(Pem.PUBLIC_KEY, key.publicKey().getEncoded());
  }

  /** The base64 body of a PEM text, on one line. */
  static String base64Body(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----")).reduce("", String::concat);
  }
}
