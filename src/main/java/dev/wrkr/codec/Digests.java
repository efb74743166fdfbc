package dev.wrkr.codec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.JsonNode;

/**
 * SHA-256 digests as Wrkr writes them: 64 lower-case hex characters. Jobpack file entries, the
 * manifest and the environment fingerprint are all hashed this way.
 */
public final class Digests {
  private static final int BUFFER_SIZE = 64 * 1024;

  private Digests() {}

  /** sha256 of the bytes. */
  public static String sha256Hex(byte[] bytes) {
    return Sha256.create().update(bytes).hex();
  }

  /** sha256 of the UTF-8 encoding of the text (e.g. {@code "reference:" + path} for artifacts). */
  public static String sha256Hex(String text) {
    return Sha256.create().update(text).hex();
  }

  /** sha256 of the RFC 8785 canonical form of the tree ({@link Canonical#canonicalize}). */
  public static String sha256Hex(JsonNode tree) {
    return sha256Hex(Canonical.canonicalize(tree));
  }

  /**
   * sha256 of everything left in the stream, read in fixed-size chunks (memory stays bounded
   * whatever the stream's size). The stream is read to its end but not closed.
   *
   * @throws UncheckedIOException when reading fails
   */
  public static String sha256Hex(InputStream in) {
    Sha256 sha = Sha256.create();
    byte[] buffer = new byte[BUFFER_SIZE];
    try {
      for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
        sha.update(buffer, 0, n);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the stream to hash it", e);
    }
    return sha.hex();
  }
}
