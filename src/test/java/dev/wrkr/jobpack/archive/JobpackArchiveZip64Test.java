package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.Archives.readEverything;
import static dev.wrkr.jobpack.archive.Archives.refused;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobpackArchiveZip64Test {
  @TempDir Path dir;

  @Test
  void should_read_more_than_65535_entries_through_the_zip64_end_record() throws IOException {
    Path zip = dir.resolve("many.zip");
    try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(zip)))) {
      out.setMethod(ZipOutputStream.STORED);
      for (int i = 0; i < 70_000; i++) {
        JobpackArchiveTest.put(out, "artifacts/" + i, "");
      }
    }

    try (JobpackArchive archive = JobpackArchive.open(zip)) {
      assertThat(archive.names()).hasSize(70_000).startsWith("artifacts/0").endsWith("artifacts/69999");
    }
    refused(zip, new Limits(65_535, 1, 1, 200), Kind.TOO_MANY_ENTRIES);
  }

  @Test
  void should_read_zip64_sizes_and_offsets_from_local_and_central_extra_fields() {
    RawZip raw = new RawZip();
    raw.zip64End = true;
    raw.stored("manifest.json", "{}".getBytes(UTF_8)).zip64 = true;
    raw.deflated("log", "log line\n".repeat(100).getBytes(UTF_8)).zip64 = true;
    RawZip.Entry go = raw.stored("events.jsonl", "{}\n".getBytes(UTF_8)).withDescriptor();
    go.zip64 = true;
    go.localZip64 = false;

    assertThat(readEverything(RawZip.write(dir.resolve("z64.zip"), raw.bytes())))
        .containsOnlyKeys("manifest.json", "log", "events.jsonl");
  }

  @Test
  void should_refuse_a_zip64_entry_without_its_extra_field() {
    RawZip raw = new RawZip();
    RawZip.Entry entry = raw.stored("a", "x".getBytes(UTF_8));
    entry.size = entry.compressedSize = 0xFFFFFFFFL;
    refused(RawZip.write(dir.resolve("z.zip"), raw.bytes()), Kind.NOT_A_ZIP);
  }

  /** A sparse file: the 4 GiB hole costs no disk, reading it costs a few seconds of CPU. */
  @Test
  void should_stream_a_stored_entry_larger_than_4_gib_written_as_go_writes_it() throws IOException {
    long size = (4L << 30) + (1 << 20) + 7;
    RawZip raw = new RawZip();
    raw.zip64End = true;
    RawZip.Entry big = raw.stored("artifacts/big.bin", new byte[0]).withDescriptor();
    big.zip64 = true;
    big.localZip64 = false;
    big.sparseLength = size;
    big.size = big.compressedSize = size;
    big.crc = 0xc3c8c412L; // CRC-32 of that many zero bytes
    raw.stored("manifest.json", "{}".getBytes(UTF_8)).zip64 = true; // its offset is past 4 GiB
    Path zip = raw.writeTo(dir.resolve("big.zip"));

    try (JobpackArchive archive = JobpackArchive.open(zip);
        InputStream in = archive.open("artifacts/big.bin")) {
      assertThat(archive.size("artifacts/big.bin")).isEqualTo(size);
      byte[] buffer = new byte[1 << 20];
      long total = 0;
      for (int n; (n = in.read(buffer)) >= 0; ) {
        total += n;
      }
      assertThat(total).isEqualTo(size);
      assertThat(archive.readAll("manifest.json", 10)).asString(UTF_8).isEqualTo("{}");
    }
  }
}
