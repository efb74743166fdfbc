package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Sha256;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Raw capture of a text file spanning several read buffers, with secrets and private-key blocks
 * everywhere (across buffer boundaries too): the entry is the file redacted line by line.
 */
class RawCaptureTest {
  @TempDir Path dir;

  static java.util.stream.LongStream seeds() {
    return java.util.stream.LongStream.concat(java.util.stream.LongStream.range(1, 6),
        java.util.stream.LongStream.of(System.nanoTime()));
  }

  @ParameterizedTest(name = "seed {0}")
  @org.junit.jupiter.params.provider.MethodSource("seeds")
  void a_text_file_should_come_out_redacted_line_by_line_whatever_the_buffer_boundaries(long seed) throws Exception {
    Random random = new Random(seed);
    String longLine = "x".repeat(150_000) + " password=hunter2hunter2 " + "y".repeat(150_000);
    String[] lines = {
      "2026-02-14T03:45:00Z INFO compiled module m12 in 30 ms", "export API_TOKEN=abcdefghijkl",
      "Authorization: Bearer abcdefghijklmnop1234", "-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEF",
      "-----END PRIVATE KEY-----", "", "plain ünïcode line", "aws AKIAABCDEFGHIJKLMNOP", "k", "sk",
      "a token: abcdefghijklmnopqrst and a key=abcdefghijkl on one line", "x".repeat(5_000) + "ghp_",
    };
    StringBuilder text = new StringBuilder();
    while (text.length() < 3 * 256 * 1024) {
      text.append(random.nextInt(200) == 0 ? longLine : lines[random.nextInt(lines.length)]).append('\n');
    }
    text.append("no newline at the end password=abcdefgh");
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("log.txt");
    Files.write(file, content);

    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    RawCapture.Copied copied = copy(file, entry);

    Redactor expected = new Redactor();
    ByteArrayOutputStream want = new ByteArrayOutputStream();
    String[] split = text.toString().split("\n", -1);
    for (int i = 0; i < split.length; i++) {
      want.writeBytes(expected.line(split[i].getBytes(StandardCharsets.UTF_8)));
      if (i < split.length - 1) {
        want.write('\n');
      }
    }
    assertThat(entry.toString(StandardCharsets.UTF_8)).isEqualTo(want.toString(StandardCharsets.UTF_8));
    assertThat(copied.redactions()).isEqualTo(expected.redactions()).isPositive();
    assertThat(copied.entryBytes()).isEqualTo(want.size());
    assertThat(copied.entrySha256()).isEqualTo(Sha256.create().update(want.toByteArray()).hex());
    assertThat(copied.fileSha256()).isEqualTo(Sha256.create().update(content).hex());
    assertThat(copied.binary()).isFalse();
  }

  /**
   * The file's digest is taken from the entry's until the first changed line: wherever that line
   * is (first, inside a later read buffer, the unterminated last one, nowhere), both digests must
   * still be the digests of the file's and the entry's bytes.
   */
  @ParameterizedTest
  @ValueSource(ints = {-1, 0, 1, 5_000, 19_999})
  void both_digests_should_be_right_wherever_the_first_redaction_is(int secretLine) throws Exception {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < 20_000; i++) {
      text.append(i == secretLine ? "db password=hunter2hunter2" : "2026-02-14T03:45:00Z INFO step " + i)
          .append(i == 19_999 ? "" : "\n");
    }
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("log-" + secretLine + ".txt");
    Files.write(file, content);

    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    RawCapture.Copied copied = copy(file, entry);

    assertThat(copied.fileSha256()).isEqualTo(Sha256.create().update(content).hex());
    assertThat(copied.entrySha256()).isEqualTo(Sha256.create().update(entry.toByteArray()).hex());
    assertThat(copied.fileBytes()).isEqualTo(content.length);
    if (secretLine < 0) {
      assertThat(entry.toByteArray()).isEqualTo(content);
      assertThat(copied.redactions()).isZero();
    } else {
      assertThat(copied.redactions()).isEqualTo(1);
      assertThat(copied.entrySha256()).isNotEqualTo(copied.fileSha256());
      assertThat(entry.toString(StandardCharsets.UTF_8)).contains("password=[REDACTED:secret_assignment]")
          .doesNotContain("hunter2");
    }
  }

  private static RawCapture.Copied copy(Path file, ByteArrayOutputStream entry) throws java.io.IOException {
    java.util.concurrent.ExecutorService hasher = RawCapture.hasher();
    try {
      return RawCapture.copy(file, entry, hasher);
    } finally {
      hasher.shutdownNow();
    }
  }
}
