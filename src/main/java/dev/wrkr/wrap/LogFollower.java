package dev.wrkr.wrap;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Copies what another process appends to a log file to a stream, like {@code tail -F}, one
 * {@link #poll} at a time: the file may not exist yet, and it may rotate (renamed to {@code
 * <file>.1}, older parts shifted to {@code .2} … {@code .<keep>}, a new file started).
 *
 * <p>The file stays open between polls. On a rotation the old handle is read to its end (a renamed
 * or even deleted file is still readable through it), then any part that rotated after it and
 * before the current file (several rotations between two polls) is copied whole, then the new
 * file is opened; so nothing is skipped or repeated as long as at most {@code keep} rotations
 * happen between two polls. Files that existed when the follower was made (a log of an earlier
 * run, which the runner deletes when it starts) are recognised by their file key and modification
 * time and never copied.
 * Not thread-safe: one thread polls.
 */
public final class LogFollower implements AutoCloseable {
  private static final int CHUNK = 64 * 1024;

  private final Path file;
  private final int keep;
  private final OutputStream sink;
  /** File key → modification time of the files there before the run. */
  private final Map<Object, FileTime> stale = new HashMap<>();
  private final ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
  private FileChannel channel;
  /** The key of the file {@link #channel} reads. */
  private Object key;
  /** The key of the newest file read to its end, after it rotated; null before the first rotation. */
  private Object done;

  /**
   * @param file the log file, which need not exist yet
   * @param keep how many rotated parts ({@code <file>.1} …) the writer keeps
   * @param sink where the bytes go; flushed after each poll that copied something
   */
  public LogFollower(Path file, int keep, OutputStream sink) {
    this.file = Objects.requireNonNull(file, "file");
    this.keep = keep;
    this.sink = Objects.requireNonNull(sink, "sink");
    for (int i = 0; i <= keep; i++) {
      BasicFileAttributes a = attributes(part(i));
      if (a != null) {
        stale.put(a.fileKey(), a.lastModifiedTime());
      }
    }
  }

  /** Copies everything appended since the last poll, following rotations; returns the bytes copied. */
  public long poll() throws IOException {
    long copied = channel == null ? 0 : drain(channel);
    Object current = keyOf(file);
    if (current == null || isStale(file) || current.equals(key)) {
      flush(copied);
      return copied;
    }
    if (channel != null) {
      copied += drain(channel);  // it rotated: what was written after the first drain is final now
      channel.close();
      channel = null;
      done = key;
      key = null;
    }
    copied += copyRotatedSince();
    FileChannel opened = open(current);
    if (opened != null) {
      channel = opened;
      key = current;
      copied += drain(channel);
    }
    flush(copied);
    return copied;
  }

  @Override
  public void close() {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // Read-only handle: nothing is lost.
      }
      channel = null;
    }
  }

  /** Opens {@code file} if it is still the file with key {@code expected}; null when it changed meanwhile. */
  private FileChannel open(Object expected) throws IOException {
    FileChannel opened;
    try {
      opened = FileChannel.open(file, StandardOpenOption.READ);
    } catch (NoSuchFileException gone) {
      return null;
    }
    if (!expected.equals(keyOf(file))) {
      opened.close();  // rotated between the two looks; the next poll starts over
      return null;
    }
    return opened;
  }

  /**
   * Copies whole, oldest first, the rotated parts newer than {@link #done} (all of this run's
   * parts when nothing was read yet, or when it rotated out of existence), and moves {@code done}.
   */
  private long copyRotatedSince() throws IOException {
    int doneIndex = keep + 1;
    for (int i = 1; i <= keep && done != null; i++) {
      if (done.equals(keyOf(part(i)))) {
        doneIndex = i;
        break;
      }
    }
    long copied = 0;
    for (int i = doneIndex - 1; i >= 1; i--) {
      Object k = keyOf(part(i));
      if (k != null && !isStale(part(i))) {
        try (FileChannel whole = FileChannel.open(part(i), StandardOpenOption.READ)) {
          copied += drain(whole);
          done = k;
        } catch (NoSuchFileException gone) {
          // Rotated out while we looked: lost to the stream, still counted in the step's log refs.
        }
      }
    }
    return copied;
  }

  private long drain(FileChannel from) throws IOException {
    long copied = 0;
    while (true) {
      buffer.clear();
      int n = from.read(buffer);
      if (n <= 0) {
        return copied;
      }
      sink.write(buffer.array(), 0, n);
      copied += n;
    }
  }

  private void flush(long copied) throws IOException {
    if (copied > 0) {
      sink.flush();
    }
  }

  private Path part(int index) {
    return index == 0 ? file : file.resolveSibling(file.getFileName() + "." + index);
  }

  /**
   * A file from before the run: same key and not modified since. The modification time matters
   * because the runner deletes an old log and creates the new one at once, and the file system may
   * give the new file the old one's inode number.
   */
  private boolean isStale(Path p) {
    BasicFileAttributes a = attributes(p);
    return a != null && a.lastModifiedTime().equals(stale.get(a.fileKey()));
  }

  private static Object keyOf(Path p) {
    BasicFileAttributes a = attributes(p);
    return a == null ? null : a.fileKey();
  }

  private static BasicFileAttributes attributes(Path p) {
    try {
      BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
      Objects.requireNonNull(a.fileKey(), "this file system has no file keys");
      return a;
    } catch (NoSuchFileException gone) {
      return null;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
