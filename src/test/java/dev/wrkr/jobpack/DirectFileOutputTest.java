package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The jobpack file sink: whatever the mix of single bytes and arrays, and however the total falls
 * against the block size, the file holds exactly the bytes written, in order, on a file system
 * with direct I/O and on one without (tmpfs), where it falls back to ordinary writes.
 */
class DirectFileOutputTest {
  private static final int B = DirectFileOutput.BLOCK;

  @TempDir Path dir;

  static Stream<Arguments> sizes() {
    long seed = System.nanoTime();
    System.out.println("DirectFileOutputTest seed=" + seed);
    return Stream.of(0, 1, 511, 4096, B - 1, B, B + 1, 2 * B, 3 * B + 4097)
        .map(n -> Arguments.of(n, seed + n));
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void the_file_should_hold_exactly_the_bytes_written(int size, long seed) throws IOException {
    check(dir, size, seed);
  }

  @ParameterizedTest
  @MethodSource("sizes")
  void a_file_system_without_direct_io_should_get_the_same_bytes(int size, long seed) throws IOException {
    Path shm = Path.of("/dev/shm");
    Path where = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "wrkr-direct") : dir;
    try {
      check(where, size, seed);
    } finally {
      try (Stream<Path> files = Files.list(where)) {
        for (Path p : files.toList()) {
          Files.delete(p);
        }
      }
      if (!where.equals(dir)) {
        Files.delete(where);
      }
    }
  }

  private static void check(Path where, int size, long seed) throws IOException {
    Random random = new Random(seed);
    byte[] want = new byte[size];
    random.nextBytes(want);
    Path file = Files.createTempFile(where, "out", ".tmp");
    ByteArrayOutputStream echo = new ByteArrayOutputStream();
    try (DirectFileOutput out = DirectFileOutput.open(file)) {
      int at = 0;
      while (at < size) {
        if (random.nextInt(8) == 0) {
          out.write(want[at]);
          echo.write(want[at]);
          at++;
        } else {
          int n = Math.min(size - at, 1 + random.nextInt(random.nextBoolean() ? 100 : 3 * B));
          out.write(want, at, n);
          echo.write(want, at, n);
          at += n;
        }
      }
    }
    assertThat(echo.toByteArray()).isEqualTo(want);
    assertThat(Files.size(file)).isEqualTo(size);
    assertThat(Files.readAllBytes(file)).isEqualTo(want);
  }

  @Test
  void direct_io_should_be_used_where_the_file_system_offers_it() throws IOException {
    // The build machines' ext4 does: if this fails there, the sink silently lost its point.
    Path file = Files.createTempFile(dir, "out", ".tmp");
    try (DirectFileOutput out = DirectFileOutput.open(file)) {
      boolean ext4 = Files.getFileStore(file).type().equals("ext4");
      if (ext4) {
        assertThat(out.direct()).isTrue();
      }
    }
  }

  @Test
  void it_should_refuse_a_file_that_is_not_empty_and_writes_after_close() throws IOException {
    Path full = Files.write(dir.resolve("full"), new byte[] {1});
    assertThatThrownBy(() -> DirectFileOutput.open(full)).isInstanceOf(IOException.class).hasMessageContaining("not empty");

    Path file = Files.createTempFile(dir, "out", ".tmp");
    DirectFileOutput out = DirectFileOutput.open(file);
    out.write(new byte[10]);
    out.close();
    out.close();
    assertThatThrownBy(() -> out.write(1)).isInstanceOf(IOException.class).hasMessageContaining("closed");
    assertThat(Files.size(file)).isEqualTo(10);
  }
}
