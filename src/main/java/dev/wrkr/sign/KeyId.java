package dev.wrkr.sign;

import dev.wrkr.codec.Digests;
import java.security.PublicKey;
import java.util.regex.Pattern;

/**
 * The name of an Ed25519 public key: {@code ed25519:} followed by the first 16 lower-case hex
 * characters of the SHA-256 of the key's X.509 SubjectPublicKeyInfo DER encoding (the bytes inside
 * its {@code PUBLIC KEY} PEM block). The same key always has the same id, on every machine.
 *
 * <p>An id names a key; it does not authenticate it. Verification looks the id up among trusted keys
 * and then checks the signature with the key found.
 */
public record KeyId(String value) implements Comparable<KeyId> {
  /** What every key id starts with. */
  public static final String PREFIX = "ed25519:";

  private static final int HEX_CHARS = 16;
  private static final Pattern FORMAT = Pattern.compile("ed25519:[0-9a-f]{16}");

  /**
   * @throws IllegalArgumentException when {@code value} is not {@code ed25519:} and 16 lower-case
   *     hex characters
   */
  public KeyId {
    if (value == null || !FORMAT.matcher(value).matches()) {
      throw new IllegalArgumentException("a key id is 'ed25519:' followed by 16 lower-case hex characters");
    }
  }

  /** The id of a public key (see the class comment for how it is computed). */
  public static KeyId of(PublicKey key) {
    return new KeyId(PREFIX + Digests.sha256Hex(key.getEncoded()).substring(0, HEX_CHARS));
  }

  @Override
  public int compareTo(KeyId other) {
    return value.compareTo(other.value);
  }

  @Override
  public String toString() {
    return value;
  }
}
