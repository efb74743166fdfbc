package dev.wrkr.jobpack.archive;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The bytes of one entry, read from the file in chunks (constant memory whatever the size).
 *
 * <p>Never reads compressed bytes beyond the entry's declared compressed size, and never hands
 * out more than its declared size: an inflater is asked for at most one byte more than the
 * declared size, so a deflate stream that expands further (a zip bomb) is stopped after that
 * byte with {@link Kind#SIZE_MISMATCH}. Since {@link JobpackArchive} bounds the declared size by
 * the limits (entry size, total, compression ratio), the output is bounded by them too. At the end
 * the size and CRC-32 are checked, before the final {@code -1} (or the read that returns the last
 * byte). Failures are thrown from {@code read} as unchecked {@link JobpackArchiveException}s.
 */
final class EntryInputStream extends InputStream {
  private static final int CHUNK = 64 * 1024;

  private final ArchiveFile file;
  private final ZipEntryRecord entry;
  private final String shown;
  private final CRC32 crc = new CRC32();
  private final Inflater inflater;
  private final byte[] input;
  private long nextCompressed;
  private long compressedLeft;
  private long produced;
  private boolean verified;
  /** Thrown again by every later read, so a caller that retries sees the same verdict. */
  private JobpackArchiveException failure;
  private boolean closed;

  EntryInputStream(ArchiveFile file, ZipEntryRecord entry) {
    this.file = file;
    this.entry = entry;
    this.shown = EntryNames.display(entry.name());
    this.nextCompressed = entry.dataOffset();
    this.compressedLeft = entry.compressedSize();
    boolean deflated = entry.method() == ZipEntryRecord.METHOD_DEFLATED;
    this.inflater = deflated ? new Inflater(true) : null;
    this.input = deflated ? new byte[(int) Math.min(CHUNK, Math.max(1, compressedLeft))] : null;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    int n = read(one, 0, 1);
    return n < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    Objects.checkFromIndexSize(off, len, b.length);
    if (closed) {
      throw new IOException("jobpack entry stream is closed: " + shown);
    }
    if (failure != null) {
      throw failure;
    }
    if (verified) {
      return -1;
    }
    if (len == 0) {
      return 0;
    }
    try {
      int n = inflater == null ? readStored(b, off, len) : readDeflated(b, off, len);
      if (n > 0) {
        if (n > entry.size() - produced) {
          throw fail(Kind.SIZE_MISMATCH, "expands beyond its declared size of " + entry.size() + " bytes");
        }
        crc.update(b, off, n);
        produced += n;
      }
      if (inflater == null ? compressedLeft == 0 : inflater.finished()) {
        verifyEnd();
      }
      return n > 0 ? n : -1;
    } catch (JobpackArchiveException e) {
      failure = e;
      release();
      throw e;
    } catch (RuntimeException | IOException e) {
      closed = true;
      release();
      throw e;
    }
  }

  private int readStored(byte[] b, int off, int len) throws IOException {
    int want = (int) Math.min(len, compressedLeft);
    if (want == 0) {
      return 0;
    }
    int n = file.channel.read(ByteBuffer.wrap(b, off, want), nextCompressed);
    if (n < 0) {
      throw fail(Kind.TRUNCATED, "ends early: the archive shrank while being read");
    }
    nextCompressed += n;
    compressedLeft -= n;
    return n;
  }

  private int readDeflated(byte[] b, int off, int len) throws IOException {
    // One byte past the declared size is enough to see an overrun; never inflate more.
    long left = entry.size() - produced;
    int want = left >= len ? len : (int) left + 1;
    while (true) {
      int n;
      try {
        n = inflater.inflate(b, off, want);
      } catch (DataFormatException e) {
        throw fail(Kind.CRC_MISMATCH, "has corrupt deflate data: " + e.getMessage());
      }
      if (n > 0 || inflater.finished()) {
        return n;
      }
      if (inflater.needsDictionary() || !inflater.needsInput()) {
        throw fail(Kind.CRC_MISMATCH, "has corrupt deflate data (a preset dictionary or a stall)");
      }
      if (compressedLeft == 0) {
        throw fail(Kind.SIZE_MISMATCH, "has deflate data that runs past its declared compressed size of "
            + entry.compressedSize() + " bytes");
      }
      fill();
    }
  }

  private void fill() throws IOException {
    int want = (int) Math.min(input.length, compressedLeft);
    int n = file.channel.read(ByteBuffer.wrap(input, 0, want), nextCompressed);
    if (n < 0) {
      throw fail(Kind.TRUNCATED, "ends early: the archive shrank while being read");
    }
    nextCompressed += n;
    compressedLeft -= n;
    inflater.setInput(input, 0, n);
  }

  private void verifyEnd() {
    verified = true;
    long unused = compressedLeft + (inflater == null ? 0 : inflater.getRemaining());
    release();
    if (produced != entry.size()) {
      throw fail(Kind.SIZE_MISMATCH, "has " + produced + " bytes but declares " + entry.size());
    }
    if (unused != 0) {
      throw fail(Kind.SIZE_MISMATCH, "has deflate data that ends before its declared compressed size of "
          + entry.compressedSize() + " bytes");
    }
    if (crc.getValue() != entry.crc()) {
      throw fail(Kind.CRC_MISMATCH, String.format("has CRC-32 %08x but the archive records %08x",
          crc.getValue(), entry.crc()));
    }
  }

  @Override
  public void close() {
    closed = true;
    release();
  }

  private void release() {
    if (inflater != null) {
      inflater.end();
    }
  }

  private JobpackArchiveException fail(Kind kind, String problem) {
    return file.fail(kind, shown, "jobpack entry " + shown + " " + problem);
  }
}
