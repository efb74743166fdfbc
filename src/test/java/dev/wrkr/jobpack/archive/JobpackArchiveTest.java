package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.Archives.readEverything;
import static dev.wrkr.jobpack.archive.Archives.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobpackArchiveTest {
  @TempDir Path dir;

  @Test
  void should_read_stored_entries_in_central_directory_order_without_directories() throws IOException {
    Path zip = dir.resolve("pack.zip");
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      out.setMethod(ZipOutputStream.STORED);
      put(out, "manifest.json", "{\"a\":1}");
      put(out, "artifacts/", "");
      put(out, "artifacts/out.txt", "hello");
      put(out, "events.jsonl", "");
    }

    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      assertThat(archive.names()).containsExactly("manifest.json", "artifacts/out.txt", "events.jsonl");
      assertThat(archive.contains("artifacts/out.txt")).isTrue();
      assertThat(archive.contains("artifacts/")).isFalse();
      assertThat(archive.size("manifest.json")).isEqualTo(7);
      assertThat(archive.readAll("manifest.json", 1024)).asString(UTF_8).isEqualTo("{\"a\":1}");
      assertThat(archive.readAll("events.jsonl", 0)).isEmpty();
      try (InputStream in = archive.open("artifacts/out.txt")) {
        assertThat(in.readAllBytes()).asString(UTF_8).isEqualTo("hello");
        assertThat(in.read()).isEqualTo(-1);
      }
    }
  }

  @Test
  void should_read_deflated_entries_with_data_descriptors_as_zip_output_stream_writes_them() throws IOException {
    Path zip = dir.resolve("deflated.zip");
    String log = "line of a log\n".repeat(5000);
    try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
      put(out, "job.json", "{}");
      put(out, "artifacts/log.txt", log);
      put(out, "empty", "");
    }

    assertThat(readEverything(zip))
        .containsOnlyKeys("job.json", "artifacts/log.txt", "empty")
        .hasEntrySatisfying("artifacts/log.txt", b -> assertThat(new String(b, UTF_8)).isEqualTo(log));
  }

  @Test
  void should_read_stored_entries_with_data_descriptors_as_go_archive_zip_writes_them() {
    RawZip raw = new RawZip();
    raw.stored("manifest.json", "{\"v\":1}".getBytes(UTF_8)).withDescriptor();
    raw.stored("events.jsonl", "{}\n{}\n".getBytes(UTF_8)).withDescriptor().descriptorSigned = false;
    raw.deflated("artifacts/x", "x".repeat(1000).getBytes(UTF_8)).withDescriptor();

    assertThat(readEverything(RawZip.write(dir.resolve("go.zip"), raw.bytes())))
        .containsOnlyKeys("manifest.json", "events.jsonl", "artifacts/x");
  }

  @Test
  void should_open_an_archive_with_no_entries() {
    Path zip = RawZip.write(dir.resolve("empty.zip"), new RawZip().bytes());
    assertThat(readEverything(zip)).isEmpty();
  }

  @Test
  void should_report_a_missing_file_or_a_directory_as_missing() {
    JobpackArchiveException missing = refused(dir.resolve("nope.zip"), Kind.MISSING);
    assertThat(missing.code()).isEqualTo(ReasonCode.E_JOBPACK_INVALID);
    assertThat(missing.getMessage()).isEqualTo("jobpack not found: " + dir.resolve("nope.zip"));
    assertThat(missing.details()).doesNotContainKey("entry");
    refused(dir, Kind.MISSING);
  }

  @Test
  void should_report_an_absent_entry_with_its_name() throws IOException {
    RawZip raw = new RawZip();
    raw.directory("artifacts/");
    Path zip = RawZip.write(dir.resolve("a.zip"), raw.bytes());
    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      for (String name : new String[] {"manifest.json", "artifacts/", "artifacts"}) {
        assertThatThrownBy(() -> archive.open(name))
            .isInstanceOfSatisfying(JobpackArchiveException.class, e -> {
              assertThat(e.kind()).isEqualTo(Kind.MISSING);
              assertThat(e.details()).containsEntry("entry", name);
              assertThat(e.getMessage()).isEqualTo("jobpack has no entry " + name);
            });
      }
    }
  }

  @Test
  void read_all_should_refuse_an_entry_larger_than_the_caller_allows_before_reading_it() throws IOException {
    RawZip raw = new RawZip();
    raw.stored("manifest.json", new byte[100]);
    try (JobpackArchive archive = JobpackArchive.open(RawZip.write(dir.resolve("a.zip"), raw.bytes()))) {
      assertThatThrownBy(() -> archive.readAll("manifest.json", 99))
          .isInstanceOfSatisfying(JobpackArchiveException.class,
              e -> assertThat(e.kind()).isEqualTo(Kind.ENTRY_TOO_LARGE))
          .hasMessage("jobpack entry manifest.json is 100 bytes; at most 99 are read");
      assertThat(archive.readAll("manifest.json", 100)).hasSize(100);
    }
  }

  @Test
  void streams_should_fail_once_the_archive_is_closed() throws IOException {
    RawZip raw = new RawZip();
    raw.stored("a", new byte[10]);
    JobpackArchive archive = JobpackArchive.open(RawZip.write(dir.resolve("a.zip"), raw.bytes()));
    InputStream in = archive.open("a");
    archive.close();
    assertThatThrownBy(in::read).isInstanceOf(IOException.class);
  }

  @Test
  void default_limits_should_be_the_documented_ones() {
    assertThat(Limits.defaults()).isEqualTo(new Limits(100_000, 8L << 30, 64L << 30, 200));
    assertThatThrownBy(() -> new Limits(1, 1, 1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  /** Adds an entry; the method is the stream's default (set with {@code setMethod}). */
  static void put(ZipOutputStream out, String name, String content) throws IOException {
    byte[] bytes = content.getBytes(UTF_8);
    ZipEntry entry = new ZipEntry(name);
    // Size and CRC up front are required for STORED entries and checked for DEFLATED ones.
    entry.setSize(bytes.length);
    entry.setCrc(RawZip.crc(bytes));
    out.putNextEntry(entry);
    out.write(bytes);
    out.closeEntry();
  }
}
