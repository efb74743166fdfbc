package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.Archives.readEverything;
import static dev.wrkr.jobpack.archive.Archives.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Archives cut short or damaged anywhere: refused with a kind, never another exception. */
class JobpackArchiveTruncationTest {
  @TempDir Path dir;

  /** Stored, deflated, Go-style (data descriptor) and directory entries, a ZIP64 end record. */
  private static byte[] sample(boolean zip64) {
    RawZip raw = new RawZip();
    raw.zip64End = zip64;
    raw.stored("manifest.json", "{\"files\":[]}".getBytes(UTF_8));
    raw.directory("artifacts/");
    raw.deflated("events.jsonl", "{\"type\":\"step\"}\n".repeat(20).getBytes(UTF_8)).withDescriptor();
    raw.stored("artifacts/out.txt", "out".getBytes(UTF_8)).withDescriptor();
    raw.deflated("job.json", "{}".getBytes(UTF_8)).zip64 = zip64;
    return raw.bytes();
  }

  @Test
  void the_sample_should_read_whole() {
    assertThat(readEverything(RawZip.write(dir.resolve("whole.zip"), sample(false)))).hasSize(4);
    assertThat(readEverything(RawZip.write(dir.resolve("whole64.zip"), sample(true)))).hasSize(4);
  }

  @ParameterizedTest(name = "zip64 end record: {0}")
  @ValueSource(booleans = {false, true})
  void every_prefix_should_be_refused_as_truncated_or_not_a_zip(boolean zip64) {
    byte[] whole = sample(zip64);
    for (int length = 0; length < whole.length; length++) {
      Path cut = RawZip.write(dir.resolve("cut.zip"), Arrays.copyOf(whole, length));
      refused(cut, length < 4 ? Kind.NOT_A_ZIP : Kind.TRUNCATED);
    }
  }

  @Test
  void a_file_missing_bytes_before_an_intact_end_record_should_be_refused_as_truncated() {
    byte[] whole = sample(false);
    for (int from : new int[] {10, 40, 100}) {
      byte[] holed = RawZip.concat(Arrays.copyOf(whole, from), Arrays.copyOfRange(whole, from + 5, whole.length));
      refused(RawZip.write(dir.resolve("holed.zip"), holed), Kind.TRUNCATED);
    }
  }

  @Test
  void an_end_record_pointing_past_the_file_should_be_refused_as_truncated() {
    RawZip raw = new RawZip();
    raw.stored("a", new byte[3]);
    byte[] bytes = raw.bytes();
    bytes[bytes.length - 6] = 0x7F; // the central directory offset's low byte
    refused(RawZip.write(dir.resolve("far.zip"), bytes), Kind.TRUNCATED);
  }

  /**
   * Seeded random damage (a few bytes flipped): the only outcomes are a good read or a refusal.
   * The seed is in the test name.
   */
  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {7, 11, 2026, 90_210})
  void random_damage_should_read_or_be_refused_never_crash(long seed) {
    Random random = new Random(seed);
    byte[] whole = sample(random.nextBoolean());
    Limits limits = new Limits(100, 1 << 16, 1 << 18, 200);
    for (int round = 0; round < 300; round++) {
      byte[] damaged = whole.clone();
      for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
        damaged[random.nextInt(damaged.length)] ^= (byte) (1 << random.nextInt(8));
      }
      Path zip = RawZip.write(dir.resolve("damaged.zip"), damaged);
      try {
        readEverything(zip, limits);
      } catch (JobpackArchiveException refused) {
        assertThat(refused.getMessage()).isNotBlank();
      }
    }
  }
}
