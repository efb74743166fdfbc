package dev.wrkr.jobpack;

import com.sun.nio.file.ExtendedOpenOption;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes a new file sequentially through large aligned blocks, opened with {@code O_DIRECT} where
 * the file system allows it, each block written by a background thread while the caller fills the
 * next one (double buffering).
 *
 * <p>Why: a jobpack with raw artifacts is a gigabyte written once and read rarely. Through the page
 * cache, writing it cost 1.5–2.4 s of kernel CPU per GiB on our build VMs (pages the guest touches
 * for the first time are expensive), time taken from hashing on a two-core machine; with
 * {@code O_DIRECT} the same gigabyte costs about 0.1 s of CPU and 0.45 s of device time, overlapped
 * here with the caller's work (docs/performance.md, "Jobpacks"). The JDK has no such stream, and
 * {@code BufferedOutputStream} writes on the caller's thread.
 *
 * <p>{@code O_DIRECT} needs block-aligned buffers, offsets and lengths: full blocks go that way, and
 * the unaligned tail is written at close through a second, ordinary channel. Where direct I/O is
 * refused (tmpfs on older kernels, other platforms), the same blocks go through an ordinary
 * channel, still from the background thread. A failed block write surfaces as the
 * {@link IOException} of the next {@code write} or of {@code close}.
 */
final class DirectFileOutput extends OutputStream {
  static final int BLOCK = 1 << 20;

  private final Path file;
  private final FileChannel channel;
  private final boolean direct;
  private final ExecutorService writer;
  private ByteBuffer filling;
  private ByteBuffer spare;
  private Future<?> pending;
  private long position;
  private boolean closed;

  private DirectFileOutput(Path file, FileChannel channel, boolean direct, int alignment) {
    this.file = file;
    this.channel = channel;
    this.direct = direct;
    this.filling = ByteBuffer.allocateDirect(BLOCK + alignment).alignedSlice(alignment).limit(BLOCK);
    this.spare = ByteBuffer.allocateDirect(BLOCK + alignment).alignedSlice(alignment).limit(BLOCK);
    this.writer = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "wrkr-jobpack-writer");
      t.setDaemon(true);
      return t;
    });
  }

  /** Opens {@code file}, which must exist and be empty, for writing from its start. */
  static DirectFileOutput open(Path file) throws IOException {
    if (Files.size(file) != 0) {
      throw new IOException(file + " is not empty");
    }
    long blockSize = Files.getFileStore(file).getBlockSize();
    if (blockSize > 0 && blockSize <= BLOCK && BLOCK % blockSize == 0) {
      FileChannel ch = null;
      try {
        ch = FileChannel.open(file, StandardOpenOption.WRITE, ExtendedOpenOption.DIRECT);
        // Some file systems open with O_DIRECT and then refuse the writes (or need a larger
        // alignment than the block size says): one aligned probe block decides, then is removed.
        ByteBuffer probe = ByteBuffer.allocateDirect((int) (2 * blockSize)).alignedSlice((int) blockSize)
            .limit((int) blockSize);
        writeFully(ch, probe, 0);
        ch.truncate(0);
        return new DirectFileOutput(file, ch, true, (int) blockSize);
      } catch (UnsupportedOperationException | IOException e) {
        // No direct I/O here: ordinary writes, same blocks, same thread layout.
        if (ch != null) {
          ch.close();
        }
        if (Files.size(file) != 0) {
          try (FileChannel plain = FileChannel.open(file, StandardOpenOption.WRITE)) {
            plain.truncate(0);
          }
        }
      }
    }
    return new DirectFileOutput(file, FileChannel.open(file, StandardOpenOption.WRITE), false, 64);
  }

  /** Whether the blocks bypass the page cache (for tests and the bench). */
  boolean direct() {
    return direct;
  }

  @Override
  public void write(int b) throws IOException {
    ensureOpen();
    if (!filling.hasRemaining()) {
      flushBlock();
    }
    filling.put((byte) b);
  }

  @Override
  public void write(byte[] b, int off, int len) throws IOException {
    ensureOpen();
    java.util.Objects.checkFromIndexSize(off, len, b.length);
    while (len > 0) {
      if (!filling.hasRemaining()) {
        flushBlock();
      }
      int n = Math.min(len, filling.remaining());
      filling.put(b, off, n);
      off += n;
      len -= n;
    }
  }

  /** Hands the full block to the writer thread and takes the other buffer, once it is free. */
  private void flushBlock() throws IOException {
    awaitPending();
    ByteBuffer full = filling.flip();
    long at = position;
    position += full.remaining();
    pending = writer.submit(() -> {
      writeFully(channel, full, at);
      return null;
    });
    filling = spare.clear();
    spare = full;
  }

  private void awaitPending() throws IOException {
    if (pending == null) {
      return;
    }
    try {
      Background.await(pending);
    } finally {
      pending = null;
    }
  }

  private static void writeFully(FileChannel ch, ByteBuffer b, long at) throws IOException {
    long pos = at;
    while (b.hasRemaining()) {
      pos += ch.write(b, pos);
    }
  }

  private void ensureOpen() throws IOException {
    if (closed) {
      throw new IOException("stream closed");
    }
  }

  /** Nothing to do: blocks are written as they fill, the tail at close. */
  @Override
  public void flush() {}

  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      awaitPending();
      ByteBuffer tail = filling.flip();
      if (tail.hasRemaining()) {
        // The tail is not a whole block: O_DIRECT would refuse it.
        try (FileChannel plain = FileChannel.open(file, StandardOpenOption.WRITE)) {
          writeFully(plain, tail, position);
        }
        position += tail.limit();
      }
    } finally {
      writer.shutdownNow();
      channel.close();
    }
  }
}
