package dev.wrkr.process;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * One stream's log file, bounded: when it holds {@code maxBytes} and more comes, it becomes {@code
 * <file>.1} (older ones shift up, the one past {@code keep} is deleted) and a new file starts.
 * Files are created {@code 0600}. Written by one thread; the counters may be read by any.
 *
 * <p>{@link #write} never throws: if the disk refuses a write, the log stops writing, keeps
 * counting and reports itself {@linkplain #truncated() truncated}, so the step is never blocked on
 * a full pipe because its log broke.
 */
final class RotatingLog implements AutoCloseable {
  private static final FileAttribute<Set<PosixFilePermission>> OWNER_ONLY =
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

  private final Path file;
  private final long maxBytes;
  private final int keep;
  private FileChannel channel;
  private long size;
  private volatile long total;
  private volatile boolean truncated;

  private RotatingLog(Path file, long maxBytes, int keep, FileChannel channel) {
    this.file = file;
    this.maxBytes = maxBytes;
    this.keep = keep;
    this.channel = channel;
  }

  /**
   * Deletes {@code file} and its rotated parts from an earlier run, and starts a new file. The
   * folder is listed only when an earlier run left {@code file} or its first part: it holds every
   * step's logs, so listing it for each step made a long job quadratic (docs/performance.md). The
   * file goes last, so a cleanup cut short by a crash is done again next time.
   */
  static RotatingLog create(Path file, long maxBytes, int keep) throws IOException {
    if (Files.exists(file) || Files.exists(file.resolveSibling(file.getFileName() + ".1"))) {
      try (DirectoryStream<Path> old = Files.newDirectoryStream(file.getParent(),
          p -> isRotatedPart(file, p))) {
        for (Path part : old) {
          Files.deleteIfExists(part);
        }
      }
      Files.deleteIfExists(file);
    }
    return new RotatingLog(file, maxBytes, keep, open(file));
  }

  void write(byte[] bytes, int off, int len) {
    total += len;
    if (channel == null) {
      truncated = true;
      return;
    }
    try {
      while (len > 0) {
        if (size == maxBytes) {
          rotate();
        }
        int n = (int) Math.min(len, maxBytes - size);
        ByteBuffer buffer = ByteBuffer.wrap(bytes, off, n);
        while (buffer.hasRemaining()) {
          channel.write(buffer);
        }
        size += n;
        off += n;
        len -= n;
      }
    } catch (IOException e) {
      truncated = true;
      closeChannel();
    }
  }

  /** Every byte written to this log, whether still on disk or not. */
  long totalBytes() {
    return total;
  }

  /** True when a part of the stream is no longer on disk. */
  boolean truncated() {
    return truncated;
  }

  @Override
  public void close() {
    closeChannel();
  }

  private void rotate() throws IOException {
    channel.close();
    channel = null;
    if (keep == 0) {
      Files.delete(file);
      truncated = true;
    } else {
      if (Files.deleteIfExists(part(keep))) {
        truncated = true;
      }
      for (int i = keep - 1; i >= 1; i--) {
        if (Files.exists(part(i))) {
          Files.move(part(i), part(i + 1), StandardCopyOption.REPLACE_EXISTING);
        }
      }
      Files.move(file, part(1), StandardCopyOption.REPLACE_EXISTING);
    }
    channel = open(file);
    size = 0;
  }

  private void closeChannel() {
    if (channel == null) {
      return;
    }
    try {
      channel.close();
    } catch (IOException e) {
      truncated = true;
    }
    channel = null;
  }

  private Path part(int i) {
    return file.resolveSibling(file.getFileName() + "." + i);
  }

  private static boolean isRotatedPart(Path file, Path candidate) {
    String prefix = file.getFileName() + ".";
    String name = candidate.getFileName().toString();
    return name.startsWith(prefix)
        && name.length() > prefix.length()
        && name.substring(prefix.length()).chars().allMatch(c -> c >= '0' && c <= '9');
  }

  private static FileChannel open(Path file) throws IOException {
    return FileChannel.open(
        file, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), OWNER_ONLY);
  }
}
