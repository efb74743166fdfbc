package dev.wrkr.jobpack.archive;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fuzzes the jobpack archive reader with untrusted bytes: the only way out is an archive whose
 * entries all read to the end, never handing out more bytes than declared, or a {@link
 * JobpackArchiveException}; never another exception. Plain {@code mvn verify} runs it in
 * regression mode over the seeds in {@code JobpackArchiveFuzzTestInputs/}; set {@code JAZZER_FUZZ=1}
 * and run this class alone to fuzz, then commit any crashing input as a new seed.
 */
class JobpackArchiveFuzzTest {
  /** Tight limits, so that a bomb the fuzzer finds shows as a refusal rather than a slow run. */
  private static final Limits LIMITS = new Limits(1_000, 1 << 20, 4 << 20, 200);
  private static final Path ZIP = tempFile();

  @FuzzTest
  void archive_bytes_should_open_and_read_or_be_refused_as_an_invalid_jobpack(byte[] input)
      throws IOException {
    Files.write(ZIP, input);
    try (JobpackArchive archive = JobpackArchive.open(ZIP, LIMITS)) {
      long total = 0;
      for (String name : archive.names()) {
        long read = drain(archive, name);
        assertThat(read).isEqualTo(archive.size(name));
        total += read;
      }
      assertThat(total).isLessThanOrEqualTo(LIMITS.maxTotalBytes());
    } catch (JobpackArchiveException refused) {
      assertThat(refused.code()).isEqualTo(ReasonCode.E_JOBPACK_INVALID);
      assertThat(refused.getMessage()).isNotBlank();
      assertThat(refused.details()).containsKeys("path", "kind");
    }
  }

  /** Reads an entry to the end, failing as soon as it hands out more than it declares. */
  private static long drain(JobpackArchive archive, String name) throws IOException {
    long declared = archive.size(name);
    long read = 0;
    byte[] buffer = new byte[8192];
    try (InputStream in = archive.open(name)) {
      for (int n; (n = in.read(buffer)) >= 0; ) {
        read += n;
        assertThat(read).isLessThanOrEqualTo(declared);
      }
    }
    return read;
  }

  private static Path tempFile() {
    try {
      Path file = Files.createTempFile("wrkr-fuzz-", ".zip");
      file.toFile().deleteOnExit();
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
