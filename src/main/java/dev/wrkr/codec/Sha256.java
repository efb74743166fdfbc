package dev.wrkr.codec;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * An incremental SHA-256: feed bytes in pieces, then take the lower-case hex digest once.
 *
 * <p>Not thread-safe; {@link #hex()} finishes it, and further use throws {@link
 * IllegalStateException}.
 */
public final class Sha256 {
  private final MessageDigest digest;
  private boolean finished;

  private Sha256() {
    this(newDigest());
  }

  private Sha256(MessageDigest digest) {
    this.digest = digest;
  }

  /** A fresh digest with nothing fed in. */
  public static Sha256 create() {
    return new Sha256();
  }

  /** Feeds all of {@code bytes}. */
  public Sha256 update(byte[] bytes) {
    return update(bytes, 0, bytes.length);
  }

  /** Feeds {@code length} bytes of {@code bytes} from {@code offset}. */
  public Sha256 update(byte[] bytes, int offset, int length) {
    ensureOpen();
    digest.update(bytes, offset, length);
    return this;
  }

  /** Feeds the UTF-8 encoding of {@code text}. */
  public Sha256 update(String text) {
    return update(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * An independent digest in the same state as this one: both continue from the bytes fed so far.
   * Lets a reader hash two streams that share a prefix without hashing the prefix twice.
   */
  public Sha256 copy() {
    ensureOpen();
    try {
      return new Sha256((MessageDigest) digest.clone());
    } catch (CloneNotSupportedException e) {
      // The JDK's SHA-256 implementations are all cloneable.
      throw new IllegalStateException("SHA-256 digest cannot be copied", e);
    }
  }

  /** The 32-byte digest of everything fed in; finishes this object. */
  public byte[] bytes() {
    ensureOpen();
    finished = true;
    return digest.digest();
  }

  /** The digest as 64 lower-case hex characters; finishes this object. */
  public String hex() {
    return HexFormat.of().formatHex(bytes());
  }

  private void ensureOpen() {
    if (finished) {
      throw new IllegalStateException("this Sha256 is finished; create a new one");
    }
  }

  private static MessageDigest newDigest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      // Every Java platform must provide SHA-256 (MessageDigest Javadoc).
      throw new IllegalStateException("SHA-256 is not available", e);
    }
  }
}
