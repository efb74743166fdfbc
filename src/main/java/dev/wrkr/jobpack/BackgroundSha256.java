package dev.wrkr.jobpack;

import dev.wrkr.codec.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * A SHA-256 fed on the caller's thread and computed on another: fed bytes are copied into 1 MiB
 * chunks, and each full chunk is hashed by {@code hasher} while the caller reads, scans and writes
 * the next. Raw capture on a two-core machine was bound by one thread doing both (docs/performance.md,
 * "Jobpacks"); copying a chunk costs a small fraction of hashing it.
 *
 * <p>At most one chunk of a digest is in flight, so chunks are hashed in order even when several
 * digests share one single-threaded {@code hasher}. Not thread-safe for callers.
 */
final class BackgroundSha256 {
  static final int CHUNK = 1 << 20;

  private final ExecutorService hasher;
  private final Sha256 digest;
  private byte[] filling = new byte[CHUNK];
  private byte[] spare = new byte[CHUNK];
  private int used;
  private Future<?> pending;

  BackgroundSha256(ExecutorService hasher) {
    this(hasher, Sha256.create());
  }

  private BackgroundSha256(ExecutorService hasher, Sha256 digest) {
    this.hasher = hasher;
    this.digest = digest;
  }

  void update(byte[] b) {
    update(b, 0, b.length);
  }

  void update(byte[] b, int off, int len) {
    while (len > 0) {
      int n = Math.min(len, CHUNK - used);
      System.arraycopy(b, off, filling, used, n);
      used += n;
      off += n;
      len -= n;
      if (used == CHUNK) {
        submit();
      }
    }
  }

  /** An independent digest of the same bytes so far (both continue from here). */
  BackgroundSha256 copy() {
    drain();
    return new BackgroundSha256(hasher, digest.copy());
  }

  /** The digest of everything fed, as hex; finishes this object. */
  String hex() {
    drain();
    return digest.hex();
  }

  /** Hashes what is buffered and waits until every fed byte is in the digest. */
  private void drain() {
    if (used > 0) {
      submit();
    }
    await();
  }

  private void submit() {
    await();
    byte[] chunk = filling;
    int length = used;
    pending = hasher.submit(() -> digest.update(chunk, 0, length));
    filling = spare;
    spare = chunk;
    used = 0;
  }

  private void await() {
    if (pending == null) {
      return;
    }
    try {
      Background.await(pending);
    } catch (IOException e) {
      throw new UncheckedIOException(e);  // hashing reads nothing: cannot happen
    } finally {
      pending = null;
    }
  }
}
