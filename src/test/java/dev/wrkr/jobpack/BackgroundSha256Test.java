package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Sha256;
import java.io.ByteArrayOutputStream;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Digests computed on the hashing thread must be the digests of exactly the bytes fed, in order,
 * whatever the piece sizes against the chunk size, with copies taken midway and several digests
 * sharing the thread.
 */
class BackgroundSha256Test {
  @ParameterizedTest
  @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
  void digests_should_be_those_of_the_bytes_fed(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    ExecutorService hasher = RawCapture.hasher();
    try {
      BackgroundSha256 a = new BackgroundSha256(hasher);
      BackgroundSha256 b = null;
      ByteArrayOutputStream fedA = new ByteArrayOutputStream();
      ByteArrayOutputStream fedB = new ByteArrayOutputStream();
      int total = random.nextInt(4 * BackgroundSha256.CHUNK);
      int copyAt = random.nextInt(total + 1);
      int fed = 0;
      while (fed < total) {
        int n = Math.min(total - fed, random.nextBoolean() ? random.nextInt(1, 300) : random.nextInt(1, 2 * BackgroundSha256.CHUNK));
        byte[] piece = new byte[n + 10];
        random.nextBytes(piece);
        if (b == null && fed + n > copyAt) {
          b = a.copy();
          fedB.writeBytes(fedA.toByteArray());
        }
        a.update(piece, 5, n);
        fedA.write(piece, 5, n);
        if (b != null) {
          byte[] other = new byte[n];
          random.nextBytes(other);
          b.update(other);
          fedB.writeBytes(other);
        }
        fed += n;
      }
      assertThat(a.hex()).isEqualTo(Sha256.create().update(fedA.toByteArray()).hex());
      if (b != null) {
        assertThat(b.hex()).isEqualTo(Sha256.create().update(fedB.toByteArray()).hex());
      }
    } finally {
      hasher.shutdownNow();
    }
  }
}
