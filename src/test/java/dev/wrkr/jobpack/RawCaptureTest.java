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

/**
 * Raw capture of a text file spanning several read buffers, with secrets and private-key blocks
 * everywhere (across buffer boundaries too): the entry is the file redacted line by line.
 */
class RawCaptureTest {
  @TempDir Path dir;

  @Test
  void a_text_file_should_come_out_redacted_line_by_line_whatever_the_buffer_boundaries() throws Exception {
    long seed = System.nanoTime();
    System.out.println("RawCaptureTest seed=" + seed);
    Random random = new Random(seed);
    String[] lines = {
      "2026-02-14T03:45:00Z INFO compiled module m12 in 30 ms", "export API_TOKEN=abcdefghijkl",
      "Authorization: Bearer abcdefghijklmnop1234", "-----BEGIN PRIVATE KEY-----", "MIIEvQIBADANBgkqhkiG9w0BAQEF",
      "-----END PRIVATE KEY-----", "", "plain ünïcode line", "aws AKIAABCDEFGHIJKLMNOP",
    };
    StringBuilder text = new StringBuilder();
    while (text.length() < 3 * 256 * 1024) {
      text.append(lines[random.nextInt(lines.length)]).append('\n');
    }
    text.append("no newline at the end password=abcdefgh");
    byte[] content = text.toString().getBytes(StandardCharsets.UTF_8);
    Path file = dir.resolve("log.txt");
    Files.write(file, content);

    ByteArrayOutputStream entry = new ByteArrayOutputStream();
    RawCapture.Copied copied = RawCapture.copy(file, entry, true);

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
}
