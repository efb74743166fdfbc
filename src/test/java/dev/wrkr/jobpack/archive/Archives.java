package dev.wrkr.jobpack.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test helpers: open an archive and read every entry to the end, the way verify will. */
final class Archives {
  private Archives() {}

  /** Every file entry's bytes, streamed to the end (so size and CRC are checked). */
  static Map<String, byte[]> readEverything(Path zip, Limits limits) {
    Map<String, byte[]> contents = new LinkedHashMap<>();
    try (JobpackArchive archive = JobpackArchive.open(zip, limits)) {
      for (String name : archive.names()) {
        try (InputStream in = archive.open(name)) {
          byte[] bytes = in.readAllBytes();
          assertThat((long) bytes.length).isEqualTo(archive.size(name));
          contents.put(name, bytes);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return contents;
  }

  static Map<String, byte[]> readEverything(Path zip) {
    return readEverything(zip, Limits.defaults());
  }

  /** Opening and reading {@code zip} fails with {@code kind}; returns the failure. */
  static JobpackArchiveException refused(Path zip, Limits limits, Kind kind) {
    JobpackArchiveException failure =
        catchThrowableOfType(JobpackArchiveException.class, () -> readEverything(zip, limits));
    assertThat(failure).as("reading %s", zip).isNotNull();
    assertThat(failure.kind()).as(failure.getMessage()).isEqualTo(kind);
    assertThat(failure.details()).containsEntry("kind", kind.wire()).containsEntry("path", zip.toString());
    return failure;
  }

  static JobpackArchiveException refused(Path zip, Kind kind) {
    return refused(zip, Limits.defaults(), kind);
  }
}
