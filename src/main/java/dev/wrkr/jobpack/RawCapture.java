package dev.wrkr.jobpack;

import dev.wrkr.codec.Sha256;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Copies one artifact file into a jobpack entry in a single streaming pass, hashing the file's own
 * bytes (to compare with the digest recorded when the step ran) and the entry's bytes (for the
 * manifest). Text files go through the {@link Redactor} line by line; a file whose first 8 KiB
 * hold a NUL byte is binary and is copied unredacted, which the artifacts index says.
 */
final class RawCapture {
  private static final int SNIFF = 8 * 1024;
  private static final int BUFFER = 256 * 1024;
  private static final int MAX_LINE = 1024 * 1024;

  /** What one copy produced. */
  record Copied(String fileSha256, String entrySha256, long fileBytes, long entryBytes, boolean binary,
      long redactions) {}

  private RawCapture() {}

  static Copied copy(Path file, OutputStream entry, boolean redact) throws IOException {
    Sha256 fileSha = Sha256.create();
    Sha256 entrySha = Sha256.create();
    long fileBytes = 0;
    long entryBytes = 0;
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buf = new byte[BUFFER];
      int first = in.readNBytes(buf, 0, SNIFF);
      boolean binary = false;
      for (int i = 0; i < first; i++) {
        if (buf[i] == 0) {
          binary = true;
          break;
        }
      }
      if (!redact || binary) {
        for (int n = first; n > 0; n = in.read(buf)) {
          fileSha.update(buf, 0, n);
          entry.write(buf, 0, n);
          fileBytes += n;
        }
        String sha = fileSha.hex();  // the entry is the file: one digest serves both
        return new Copied(sha, sha, fileBytes, fileBytes, binary, 0);
      }
      Redactor redactor = new Redactor();
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);
      for (int n = first; n > 0; n = in.read(buf)) {
        fileSha.update(buf, 0, n);
        fileBytes += n;
        int start = 0;
        int run = 0;  // buf[run, start) are whole lines the redactor leaves alone, not written yet
        for (int i = 0; i < n; i++) {
          if (buf[i] == '\n') {
            if (line.size() == 0 && redactor.untouched(buf, start, i - start)) {
              start = i + 1;
              continue;
            }
            entryBytes += copy(buf, run, start, entry, entrySha);
            line.write(buf, start, i - start);
            entryBytes += emit(redactor.line(line.toByteArray()), true, entry, entrySha);
            line.reset();
            start = i + 1;
            run = start;
          }
        }
        entryBytes += copy(buf, run, start, entry, entrySha);
        line.write(buf, start, n - start);
        if (line.size() > MAX_LINE) {
          // A text "line" this long is redacted in pieces so memory stays bounded.
          entryBytes += emit(redactor.line(line.toByteArray()), false, entry, entrySha);
          line.reset();
        }
      }
      if (line.size() > 0) {
        entryBytes += emit(redactor.line(line.toByteArray()), false, entry, entrySha);
      }
      return new Copied(fileSha.hex(), entrySha.hex(), fileBytes, entryBytes, false, redactor.redactions());
    }
  }

  private static long copy(byte[] buf, int from, int to, OutputStream entry, Sha256 sha) throws IOException {
    entry.write(buf, from, to - from);
    sha.update(buf, from, to - from);
    return to - from;
  }

  private static long emit(byte[] line, boolean newline, OutputStream entry, Sha256 sha) throws IOException {
    entry.write(line);
    sha.update(line);
    if (newline) {
      entry.write('\n');
      sha.update(new byte[] {'\n'});
      return line.length + 1L;
    }
    return line.length;
  }
}
