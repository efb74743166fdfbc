package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.Archives.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives built to attack a reader: each must be refused with a stable kind, and read no further. */
class JobpackArchiveHostileTest {
  private static final byte[] HELLO = "hello".getBytes(UTF_8);

  @TempDir Path dir;

  @Test
  void should_refuse_methods_other_than_stored_and_deflated() {
    RawZip raw = new RawZip();
    raw.stored("bzip2", HELLO).method = 12;
    assertThat(refused(zip(raw), Kind.UNSUPPORTED_METHOD))
        .hasMessage("jobpack entry bzip2 uses compression method 12; only stored (0) and deflated (8) are read");
  }

  @Test
  void should_refuse_encrypted_entries() {
    RawZip traditional = new RawZip();
    traditional.stored("secret", HELLO).flags |= 1;
    refused(zip(traditional), Kind.ENCRYPTED);

    RawZip aes = new RawZip();
    RawZip.Entry entry = aes.stored("secret", HELLO);
    entry.flags |= 1;
    entry.method = 99;
    refused(zip(aes), Kind.ENCRYPTED);

    RawZip strong = new RawZip();
    strong.stored("secret", HELLO).flags |= 1 << 6;
    refused(zip(strong), Kind.ENCRYPTED);
  }

  @Test
  void should_refuse_more_entries_than_the_limit_before_reading_them() {
    RawZip raw = new RawZip();
    for (int i = 0; i < 11; i++) {
      raw.stored("e" + i, HELLO);
    }
    refused(zip(raw), new Limits(10, 100, 1000, 200), Kind.TOO_MANY_ENTRIES);
    assertThat(Archives.readEverything(zip(raw), new Limits(11, 100, 1000, 200))).hasSize(11);
  }

  @Test
  void should_refuse_an_entry_declared_larger_than_the_limit() {
    RawZip raw = new RawZip();
    raw.stored("big", new byte[101]);
    assertThat(refused(zip(raw), new Limits(10, 100, 1000, 200), Kind.ENTRY_TOO_LARGE))
        .hasMessage("jobpack entry big declares 101 bytes; at most 100 are allowed");
  }

  @Test
  void should_refuse_entries_whose_declared_sizes_add_up_beyond_the_total_limit() {
    RawZip raw = new RawZip();
    for (int i = 0; i < 11; i++) {
      raw.stored("e" + i, new byte[100]);
    }
    refused(zip(raw), new Limits(100, 100, 1000, 200), Kind.TOTAL_TOO_LARGE);
  }

  @Test
  void should_refuse_a_deflated_entry_declared_to_expand_beyond_the_ratio() {
    RawZip raw = new RawZip();
    raw.deflated("zeros", new byte[4 << 20]); // deflates about 1000:1
    assertThat(refused(zip(raw), Kind.COMPRESSION_RATIO).getMessage()).contains("beyond the 200:1 allowed");
    assertThat(Archives.readEverything(zip(raw), new Limits(10, 8 << 20, 8 << 20, 2000))).hasSize(1);
  }

  @Test
  void should_not_hold_small_deflated_entries_to_the_ratio() {
    RawZip raw = new RawZip();
    raw.deflated("zeros", new byte[(int) JobpackArchive.RATIO_EXEMPT_BYTES]);
    assertThat(Archives.readEverything(zip(raw))).hasSize(1);
  }

  @Test
  void should_stop_inflating_one_byte_past_a_declared_size_that_lies() throws IOException {
    RawZip raw = new RawZip();
    RawZip.Entry bomb = raw.deflated("bomb", new byte[1 << 20]);
    bomb.size = 1000;
    bomb.crc = RawZip.crc(new byte[1000]);
    Path zip = zip(raw);

    try (JobpackArchive archive = JobpackArchive.open(zip);
        InputStream in = archive.open("bomb")) {
      byte[] buffer = new byte[1 << 20];
      long handedOut = 0;
      JobpackArchiveException failure = null;
      try {
        for (int n; (n = in.read(buffer)) >= 0; ) {
          handedOut += n;
        }
      } catch (JobpackArchiveException e) {
        failure = e;
      }
      assertThat(handedOut).isLessThanOrEqualTo(1000);
      assertThat(failure).isNotNull();
      assertThat(failure.kind()).isEqualTo(Kind.SIZE_MISMATCH);
      assertThat(failure).hasMessage("jobpack entry bomb expands beyond its declared size of 1000 bytes");
      assertThatThrownBy(in::read).isSameAs(failure);
    }
  }

  @Test
  void should_refuse_an_entry_shorter_than_declared() {
    RawZip deflated = new RawZip();
    deflated.deflated("short", HELLO).size = 6;
    refused(zip(deflated), Kind.SIZE_MISMATCH);

    RawZip stored = new RawZip();
    stored.stored("lying", HELLO).compressedSize = 4;
    refused(zip(stored), Kind.SIZE_MISMATCH);
  }

  @Test
  void should_refuse_deflate_data_that_does_not_fill_or_overruns_its_compressed_size() {
    RawZip trailing = new RawZip();
    RawZip.Entry padded = trailing.deflated("padded", HELLO);
    padded.data = RawZip.concat(padded.data, new byte[] {1, 2, 3});
    padded.compressedSize = padded.data.length;
    assertThat(refused(zip(trailing), Kind.SIZE_MISMATCH)).hasMessageContaining("ends before its declared");

    RawZip cut = new RawZip();
    RawZip.Entry shortened = cut.deflated("cut", "abcdefgh".repeat(100).getBytes(UTF_8));
    shortened.data = Arrays.copyOf(shortened.data, shortened.data.length - 3);
    shortened.compressedSize = shortened.data.length;
    assertThat(refused(zip(cut), Kind.SIZE_MISMATCH)).hasMessageContaining("runs past its declared");
  }

  @Test
  void should_refuse_bytes_whose_crc_differs_from_the_recorded_one() {
    RawZip stored = new RawZip();
    stored.stored("manifest.json", HELLO).crc ^= 1;
    assertThat(refused(zip(stored), Kind.CRC_MISMATCH)).hasMessageStartingWith("jobpack entry manifest.json has CRC-32 ");

    RawZip deflated = new RawZip();
    deflated.deflated("log", HELLO).crc ^= 1;
    refused(zip(deflated), Kind.CRC_MISMATCH);
  }

  @Test
  void should_refuse_corrupt_deflate_data() {
    RawZip raw = new RawZip();
    RawZip.Entry entry = raw.deflated("corrupt", HELLO);
    entry.data = new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    entry.compressedSize = 4;
    refused(zip(raw), Kind.CRC_MISMATCH);
  }

  @Test
  void should_refuse_an_entry_whose_data_covers_the_next_entry_as_in_overlapping_zip_bombs() {
    RawZip raw = new RawZip();
    RawZip.Entry first = raw.stored("first", HELLO);
    raw.stored("second", HELLO);
    first.compressedSize = first.size = 5 + 30 + 6 + 5; // reaches over the second entry, headers agree
    assertThat(refused(zip(raw), Kind.OVERLAPPING_ENTRIES))
        .hasMessage("jobpack entry second shares bytes with entry first (a zip bomb trick)");
  }

  @Test
  void should_refuse_central_headers_that_share_one_local_header() {
    RawZip raw = new RawZip();
    raw.stored("kernel", HELLO);
    raw.stored("copy", HELLO).centralOffset = 0L;
    assertThat(refused(zip(raw), Kind.HEADER_MISMATCH)).hasMessage("jobpack entry copy has a local header named kernel");
  }

  @Test
  void should_refuse_entry_data_that_runs_into_the_central_directory() {
    RawZip raw = new RawZip();
    RawZip.Entry entry = raw.stored("last", HELLO);
    entry.compressedSize = entry.size = 40;
    entry.localCompressedSize = entry.localSize = 40L;
    refused(zip(raw), Kind.OVERLAPPING_ENTRIES);
  }

  @Test
  void should_refuse_local_headers_that_disagree_with_the_central_directory() {
    RawZip name = new RawZip();
    name.stored("manifest.json", HELLO).localName = "../evil".getBytes(UTF_8);
    refused(zip(name), Kind.HEADER_MISMATCH);

    RawZip size = new RawZip();
    size.stored("manifest.json", HELLO).localSize = 4L;
    refused(zip(size), Kind.HEADER_MISMATCH);

    RawZip method = new RawZip();
    method.stored("manifest.json", HELLO).localMethod = 8;
    refused(zip(method), Kind.HEADER_MISMATCH);

    RawZip descriptor = new RawZip();
    descriptor.stored("manifest.json", HELLO).withDescriptor().descriptorCrc = 7L;
    refused(zip(descriptor), Kind.HEADER_MISMATCH);
  }

  @Test
  void should_refuse_a_zip_with_junk_prepended_or_a_miscounted_directory() {
    RawZip raw = new RawZip();
    raw.stored("a", HELLO);
    byte[] good = raw.bytes();
    refused(RawZip.write(dir.resolve("prefixed.zip"), RawZip.concat(new byte[] {1, 2, 3}, good)), Kind.NOT_A_ZIP);

    raw.declaredCount = 2L;
    refused(zip(raw), Kind.NOT_A_ZIP);
  }

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {1, 2, 3, 20_260_101})
  void should_refuse_random_bytes_as_not_a_zip(long seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 20; i++) {
      byte[] junk = new byte[random.nextInt(100_000)];
      random.nextBytes(junk);
      refused(RawZip.write(dir.resolve("junk"), junk), Kind.NOT_A_ZIP);
    }
  }

  private Path zip(RawZip raw) {
    return RawZip.write(dir.resolve("hostile.zip"), raw.bytes());
  }
}
