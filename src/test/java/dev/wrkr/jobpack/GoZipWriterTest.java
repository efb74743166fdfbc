package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

/**
 * The zip bytes Go's {@code archive/zip} writes for Wrkr's jobpacks (reference §6.3), checked
 * field by field: a local header with a data descriptor flag and zero sizes, DOS time 0 and date
 * 1980-01-01, the 9-byte extended timestamp, the data descriptor, a central directory with the real
 * sizes and no external attributes, and an end record without a comment.
 */
class GoZipWriterTest {
  private static byte[] zip(String name, String content) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GoZipWriter z = new GoZipWriter(out)) {
      z.entry(name, content.getBytes(StandardCharsets.UTF_8));
    }
    return out.toByteArray();
  }

  @Test
  void one_entry_should_have_gos_exact_layout() throws Exception {
    byte[] bytes = zip("job.json", "{}");
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    CRC32 crc = new CRC32();
    crc.update("{}".getBytes(StandardCharsets.UTF_8));
    // local file header
    assertThat(b.getInt(0)).isEqualTo(0x04034b50);
    assertThat(b.getShort(4)).isEqualTo((short) 20);
    assertThat(b.getShort(6)).isEqualTo((short) 0x0008);
    assertThat(b.getShort(8)).isZero();                       // stored
    assertThat(b.getShort(10)).isZero();                      // DOS time
    assertThat(b.getShort(12)).isEqualTo((short) 0x0021);     // DOS date 1980-01-01
    assertThat(b.getInt(14)).isZero();                        // crc and sizes in the descriptor
    assertThat(b.getInt(18)).isZero();
    assertThat(b.getInt(22)).isZero();
    assertThat(b.getShort(26)).isEqualTo((short) 8);
    assertThat(b.getShort(28)).isEqualTo((short) 9);
    assertThat(new String(bytes, 30, 8, StandardCharsets.UTF_8)).isEqualTo("job.json");
    assertExtendedTimestamp(b, 38);
    assertThat(new String(bytes, 47, 2, StandardCharsets.UTF_8)).isEqualTo("{}");
    // data descriptor
    assertThat(b.getInt(49)).isEqualTo(0x08074b50);
    assertThat(Integer.toUnsignedLong(b.getInt(53))).isEqualTo(crc.getValue());
    assertThat(b.getInt(57)).isEqualTo(2);
    assertThat(b.getInt(61)).isEqualTo(2);
    // central directory
    int c = 65;
    assertThat(b.getInt(c)).isEqualTo(0x02014b50);
    assertThat(b.getShort(c + 4)).isEqualTo((short) 20);
    assertThat(b.getShort(c + 6)).isEqualTo((short) 20);
    assertThat(b.getShort(c + 8)).isEqualTo((short) 0x0008);
    assertThat(b.getShort(c + 14)).isEqualTo((short) 0x0021);
    assertThat(Integer.toUnsignedLong(b.getInt(c + 16))).isEqualTo(crc.getValue());
    assertThat(b.getInt(c + 20)).isEqualTo(2);
    assertThat(b.getInt(c + 24)).isEqualTo(2);
    assertThat(b.getShort(c + 30)).isEqualTo((short) 9);
    assertThat(b.getShort(c + 32)).isZero();                  // comment length
    assertThat(b.getInt(c + 38)).isZero();                    // external attributes
    assertThat(b.getInt(c + 42)).isZero();                    // local header offset
    assertExtendedTimestamp(b, c + 46 + 8);
    // end of central directory
    int e = c + 46 + 8 + 9;
    assertThat(b.getInt(e)).isEqualTo(0x06054b50);
    assertThat(b.getShort(e + 8)).isEqualTo((short) 1);
    assertThat(b.getInt(e + 12)).isEqualTo(e - c);
    assertThat(b.getInt(e + 16)).isEqualTo(c);
    assertThat(b.getShort(e + 20)).isZero();
    assertThat(bytes).hasSize(e + 22);
  }

  private static void assertExtendedTimestamp(ByteBuffer b, int at) {
    assertThat(b.getShort(at)).isEqualTo((short) 0x5455);
    assertThat(b.getShort(at + 2)).isEqualTo((short) 5);
    assertThat(b.get(at + 4)).isEqualTo((byte) 1);
    assertThat(b.getInt(at + 5)).isEqualTo(315_532_800);
  }

  @Test
  void names_outside_printable_ascii_should_set_the_utf8_flag_as_go_does() throws Exception {
    ByteBuffer plain = ByteBuffer.wrap(zip("artifacts/a.md", "")).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer accented = ByteBuffer.wrap(zip("artifacts/é.md", "")).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer tilde = ByteBuffer.wrap(zip("artifacts/~a", "")).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(plain.getShort(6)).isEqualTo((short) 0x0008);
    assertThat(accented.getShort(6)).isEqualTo((short) 0x0808);
    assertThat(tilde.getShort(6)).isEqualTo((short) 0x0808);
  }

  @Test
  void the_same_entries_should_give_the_same_bytes() throws Exception {
    assertThat(zip("a", "x")).isEqualTo(zip("a", "x")).isNotEqualTo(zip("a", "y"));
  }

  @Test
  void the_jdk_reader_should_read_it_back() throws Exception {
    java.nio.file.Path f = java.nio.file.Files.createTempFile("gozip", ".zip");
    try {
      java.nio.file.Files.write(f, zip("events.jsonl", "{\"a\":1}\n"));
      try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(f.toFile())) {
        assertThat(new String(z.getInputStream(z.getEntry("events.jsonl")).readAllBytes())).isEqualTo("{\"a\":1}\n");
      }
    } finally {
      java.nio.file.Files.delete(f);
    }
  }
}
