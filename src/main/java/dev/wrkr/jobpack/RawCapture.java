package dev.wrkr.jobpack;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Copies one artifact file into a jobpack entry in a single streaming pass, hashing the file's own
 * bytes (to compare with the digest recorded when the step ran) and the entry's bytes (for the
 * manifest), the hashing on a second thread ({@link BackgroundSha256}). Text files go through the
 * {@link Redactor} line by line; a file whose first 8 KiB hold a NUL byte is binary and is copied
 * unredacted, which the artifacts index says.
 */
final class RawCapture {
  private static final int SNIFF = 8 * 1024;
  private static final int BUFFER = 256 * 1024;
  private static final int MAX_LINE = 1024 * 1024;
  private static final byte[] NEWLINE = {'\n'};

  /** What one copy produced. */
  record Copied(String fileSha256, String entrySha256, long fileBytes, long entryBytes, boolean binary,
      long redactions) {}

  private RawCapture() {}

  /** A single thread for {@link BackgroundSha256}: one per export, shut down by the caller. */
  static ExecutorService hasher() {
    return Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "wrkr-jobpack-hasher");
      t.setDaemon(true);
      return t;
    });
  }

  /** Copies {@code file} into {@code entry}; the digests are computed on {@code hasher}. */
  static Copied copy(Path file, OutputStream entry, ExecutorService hasher) throws IOException {
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
      if (binary) {
        BackgroundSha256 fileSha = new BackgroundSha256(hasher);
        for (int n = first; n > 0; n = in.read(buf)) {
          fileSha.update(buf, 0, n);
          entry.write(buf, 0, n);
          fileBytes += n;
        }
        String sha = fileSha.hex();  // the entry is the file: one digest serves both
        return new Copied(sha, sha, fileBytes, fileBytes, binary, 0);
      }
      Redactor redactor = new Redactor();
      Digests sha = new Digests(hasher);
      ByteArrayOutputStream line = new ByteArrayOutputStream(256);  // a line begun in an earlier buffer
      for (int n = first; n > 0; n = in.read(buf)) {
        fileBytes += n;
        int i = 0;
        if (line.size() > 0) {
          int nl = indexOf(buf, i, n);
          if (nl < 0) {
            i = n;
            line.write(buf, 0, n);
          } else {
            line.write(buf, 0, nl);
            entryBytes += sha.line(line.toByteArray(), redactor, true, entry);
            line.reset();
            i = nl + 1;
          }
        }
        while (i < n) {
          if (redactor.inPrivateKey()) {
            int nl = indexOf(buf, i, n);
            if (nl < 0) {
              break;
            }
            entryBytes += sha.line(Arrays.copyOfRange(buf, i, nl), redactor, true, entry);
            i = nl + 1;
            continue;
          }
          int word = redactor.firstWordEnd(buf, i, n);
          if (word < 0) {
            int last = lastIndexOf(buf, i, n);  // whole lines up to here hold no rule word
            if (last >= 0) {
              entryBytes += sha.same(buf, i, last + 1, entry);
              i = last + 1;
            }
            break;
          }
          int lineStart = lastIndexOf(buf, i, word) + 1;
          if (lineStart == 0) {
            lineStart = i;
          }
          entryBytes += sha.same(buf, i, lineStart, entry);
          i = lineStart;
          int lineEnd = indexOf(buf, word, n);
          if (lineEnd < 0) {
            break;
          }
          entryBytes += sha.line(Arrays.copyOfRange(buf, lineStart, lineEnd), redactor, true, entry);
          i = lineEnd + 1;
        }
        line.write(buf, i, n - i);
        if (line.size() > MAX_LINE) {
          // A text "line" this long is redacted in pieces so memory stays bounded.
          entryBytes += sha.line(line.toByteArray(), redactor, false, entry);
          line.reset();
        }
      }
      if (line.size() > 0) {
        entryBytes += sha.line(line.toByteArray(), redactor, false, entry);
      }
      String entryHex = sha.entry.hex();
      return new Copied(sha.file == null ? entryHex : sha.file.hex(), entryHex, fileBytes, entryBytes, false,
          redactor.redactions());
    }
  }

  /** The first newline in {@code buf[from, to)}, or -1. */
  private static int indexOf(byte[] buf, int from, int to) {
    for (int i = from; i < to; i++) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /** The last newline in {@code buf[from, to)}, or -1. */
  private static int lastIndexOf(byte[] buf, int from, int to) {
    for (int i = to - 1; i >= from; i--) {
      if (buf[i] == '\n') {
        return i;
      }
    }
    return -1;
  }

  /**
   * The file's and the entry's digests. Until the redactor first changes a line the two streams
   * are the same bytes, so only the entry is hashed; at the first change the entry's digest is
   * copied to start the file's, and from there each is fed its own bytes. A file with nothing to
   * redact is hashed once.
   */
  private static final class Digests {
    final BackgroundSha256 entry;
    BackgroundSha256 file;  // null while the file and the entry are the same bytes

    Digests(ExecutorService hasher) {
      this.entry = new BackgroundSha256(hasher);
    }

    /** Writes {@code buf[from, to)}, bytes the file and the entry share. */
    long same(byte[] buf, int from, int to, OutputStream out) throws IOException {
      out.write(buf, from, to - from);
      entry.update(buf, from, to - from);
      if (file != null) {
        file.update(buf, from, to - from);
      }
      return to - from;
    }

    /** Redacts one line of the file (its terminator not included) and writes it. */
    long line(byte[] original, Redactor redactor, boolean newline, OutputStream out) throws IOException {
      byte[] written = redactor.line(original);
      if (written != original && file == null) {
        file = entry.copy();
      }
      out.write(written);
      entry.update(written);
      if (file != null) {
        file.update(original);
      }
      if (newline) {
        out.write('\n');
        entry.update(NEWLINE);
        if (file != null) {
          file.update(NEWLINE);
        }
        return written.length + 1L;
      }
      return written.length;
    }
  }
}
