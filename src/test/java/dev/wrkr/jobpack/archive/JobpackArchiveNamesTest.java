package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.Archives.readEverything;
import static dev.wrkr.jobpack.archive.Archives.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.nio.file.Path;
import java.text.Normalizer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JobpackArchiveNamesTest {
  @TempDir Path dir;

  @ParameterizedTest
  @ValueSource(strings = {
      "/etc/passwd", "C:\\x", "C:/x", "c:x", "../x", "a/../../x", "a/..", "..", "a\\b", "a//b",
      "a/./b", "./a", "a\u0000b", "a\nb", "a\u007fb", "a\u0085b", "/", "//", "a//", "../dir/"})
  void should_refuse_unsafe_names_for_files_and_directories(String name) {
    RawZip raw = new RawZip();
    raw.stored("manifest.json", new byte[0]);
    raw.stored(name, new byte[0]);

    JobpackArchiveException e = refused(zip(raw), Kind.UNSAFE_ENTRY_NAME);
    assertThat(e.getMessage()).startsWith("jobpack entry name ");
    assertThat(e.details()).containsEntry("entry", EntryNames.display(name));
  }

  @Test
  void should_say_plainly_that_a_name_escapes_the_archive() {
    RawZip raw = new RawZip();
    raw.stored("../../etc/passwd", new byte[0]);
    assertThat(refused(zip(raw), Kind.UNSAFE_ENTRY_NAME))
        .hasMessage("jobpack entry name escapes the archive: ../../etc/passwd");
  }

  @Test
  void should_escape_control_characters_in_messages() {
    RawZip raw = new RawZip();
    raw.stored("a\u001b[31mred", new byte[0]);
    assertThat(refused(zip(raw), Kind.UNSAFE_ENTRY_NAME))
        .hasMessage("jobpack entry name contains a control character: a\\u001b[31mred");
  }

  @Test
  void should_refuse_names_that_are_not_utf8_whether_or_not_the_utf8_flag_is_set() {
    for (int flags : new int[] {0, 0x800}) {
      RawZip raw = new RawZip();
      RawZip.Entry entry = raw.stored("x", new byte[0]);
      entry.name = new byte[] {'a', (byte) 0xC3, (byte) 0x28};
      entry.flags = flags;
      assertThat(refused(zip(raw), Kind.UNSAFE_ENTRY_NAME)).hasMessageContaining("is not valid UTF-8");
    }
  }

  @Test
  void should_refuse_empty_names_and_names_longer_than_1024_bytes() {
    RawZip empty = new RawZip();
    empty.stored("", new byte[0]);
    assertThat(refused(zip(empty), Kind.UNSAFE_ENTRY_NAME)).hasMessage("jobpack entry name is empty: ");

    RawZip longName = new RawZip();
    longName.stored("é".repeat(513), new byte[0]);
    assertThat(refused(zip(longName), Kind.UNSAFE_ENTRY_NAME).getMessage())
        .startsWith("jobpack entry name is longer than 1024 bytes: ")
        .endsWith("...");

    RawZip longest = new RawZip();
    longest.stored("a/".repeat(511) + "bc", new byte[0]);
    assertThat(readEverything(zip(longest))).hasSize(1);
  }

  @Test
  void should_accept_unicode_dots_inside_names_and_any_case() {
    RawZip raw = new RawZip();
    for (String name : new String[] {"artifacts/résumé..v2.txt", "a/.hidden", "a/...", "README", "readme",
        "accept/accept_result.json", "logs/12:00.txt"}) {
      raw.stored(name, name.getBytes(UTF_8));
    }
    assertThat(readEverything(zip(raw))).hasSize(7);
  }

  @Test
  void should_refuse_exact_duplicate_names() {
    RawZip raw = new RawZip();
    raw.stored("manifest.json", "{}".getBytes(UTF_8));
    raw.stored("job.json", new byte[0]);
    raw.stored("manifest.json", "{\"evil\":1}".getBytes(UTF_8));

    JobpackArchiveException e = refused(zip(raw), Kind.DUPLICATE_ENTRY);
    assertThat(e).hasMessage("jobpack has two entries named manifest.json");
    assertThat(e.details()).containsEntry("entry", "manifest.json");
  }

  @Test
  void should_refuse_names_equal_after_nfc_normalization() {
    String composed = "artifacts/caf\u00e9";
    String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
    RawZip raw = new RawZip();
    raw.stored(composed, new byte[0]);
    raw.stored(decomposed, new byte[0]);

    assertThat(refused(zip(raw), Kind.DUPLICATE_ENTRY))
        .hasMessageContaining("(the same name as artifacts/caf\u00e9)");
  }

  @Test
  void should_refuse_a_file_and_a_directory_of_the_same_name() {
    RawZip raw = new RawZip();
    raw.stored("artifacts", new byte[0]);
    raw.directory("artifacts/");
    refused(zip(raw), Kind.DUPLICATE_ENTRY);
  }

  private Path zip(RawZip raw) {
    return RawZip.write(dir.resolve("names.zip"), raw.bytes());
  }
}
