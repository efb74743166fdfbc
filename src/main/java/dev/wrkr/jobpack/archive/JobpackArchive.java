package dev.wrkr.jobpack.archive;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Map;

/**
 * A jobpack zip opened for reading, safely: the archive may come from anywhere.
 *
 * <p>{@link #open(Path, Limits)} reads and checks the whole structure before returning: the end
 * records (ZIP64 included), every central header (names, methods, encryption, declared sizes
 * against the {@link Limits}, duplicates), every local header and data descriptor against its
 * central header, and that no two entries share bytes. Entry bytes are checked as they are
 * streamed (size, CRC-32, expansion), see {@link #open(String)}.
 *
 * <p>The zip format is parsed here rather than with {@code java.util.zip.ZipFile}, which hides
 * local header offsets (so overlapping entries cannot be found), silently picks one of two
 * duplicate names, and tolerates junk before the archive and local headers that disagree with the
 * central directory. Commons Compress would add a dependency for the same checks.
 *
 * <p>Only STORED and DEFLATED entries are read; archives written with data descriptors (flag bit
 * 3, as Go's {@code archive/zip} and {@code java.util.zip.ZipOutputStream} write them) are
 * accepted. Instances are safe for concurrent reads of entries; {@link #close()} ends them all.
 */
public final class JobpackArchive implements Closeable {
  /**
   * Deflated entries smaller than this are not held to the compression ratio: a small entry cannot
   * be a bomb, and short runs of JSON whitespace or zeros legitimately compress beyond 200:1.
   */
  public static final long RATIO_EXEMPT_BYTES = 1 << 20;

  private final ArchiveFile file;
  private final Map<String, ZipEntryRecord> files;
  private final List<String> names;

  private JobpackArchive(ArchiveFile file, Map<String, ZipEntryRecord> files) {
    this.file = file;
    this.files = files;
    this.names = List.copyOf(files.keySet());
  }

  /**
   * How much an archive may hold. {@link #defaults()} suits real jobpacks by a wide margin; a
   * caller that reads untrusted uploads in a shared process may pass tighter ones.
   *
   * @param maxEntries entries in the central directory, directories included
   * @param maxEntryBytes declared uncompressed size of one entry
   * @param maxTotalBytes sum of the declared uncompressed sizes
   * @param maxCompressionRatio declared uncompressed size over compressed size, for deflated
   *     entries larger than {@link #RATIO_EXEMPT_BYTES}
   */
  public record Limits(
      long maxEntries, long maxEntryBytes, long maxTotalBytes, long maxCompressionRatio) {
    public Limits {
      if (maxEntries < 0 || maxEntryBytes < 0 || maxTotalBytes < 0 || maxCompressionRatio < 1) {
        throw new IllegalArgumentException("archive limits must not be negative (and the ratio at least 1): " + maxEntries + ", "
            + maxEntryBytes + ", " + maxTotalBytes + ", " + maxCompressionRatio);
      }
    }

    /**
     * 100,000 entries (a job with tens of thousands of artifacts still fits; each costs a few
     * hundred bytes of heap while open), 8 GiB per entry and 64 GiB in all (large build outputs and
     * logs, streamed in constant memory, yet a bound on what a verify may read), and a 200:1
     * compression ratio (text and logs deflate at 3-20:1; deflate's own ceiling is about 1032:1,
     * which only runs of one byte reach).
     */
    public static Limits defaults() {
      return new Limits(100_000, 8L << 30, 64L << 30, 200);
    }
  }

  /** Opens and checks {@code zip} with {@link Limits#defaults()}. */
  public static JobpackArchive open(Path zip) throws JobpackArchiveException {
    return open(zip, Limits.defaults());
  }

  /**
   * Opens {@code zip} and checks its whole structure against the zip format, the name rules and
   * {@code limits}; the entries' bytes are checked when they are read.
   *
   * @throws JobpackArchiveException when the file is missing or unreadable ({@code MISSING}) or any
   *     check fails (see {@link Kind})
   */
  public static JobpackArchive open(Path zip, Limits limits) throws JobpackArchiveException {
    if (!Files.isRegularFile(zip)) {
      String problem = Files.exists(zip) ? "jobpack is not a regular file: " : "jobpack not found: ";
      throw new JobpackArchiveException(Kind.MISSING, zip, null, problem + zip);
    }
    FileChannel channel = null;
    try {
      channel = FileChannel.open(zip, StandardOpenOption.READ);
      ArchiveFile file = new ArchiveFile(channel, zip, channel.size());
      JobpackArchive archive = new JobpackArchive(file, ArchiveRules.check(file, limits));
      channel = null;
      return archive;
    } catch (NoSuchFileException e) {
      throw new JobpackArchiveException(Kind.MISSING, zip, null, "jobpack not found: " + zip, e);
    } catch (IOException | UncheckedIOException e) {
      String message = "cannot read jobpack " + zip + ": " + e.getMessage();
      throw new JobpackArchiveException(Kind.MISSING, zip, null, message, e);
    } finally {
      closeQuietly(channel);
    }
  }

  /** The names of the file entries, in central directory order; directory entries are left out. */
  public List<String> names() {
    return names;
  }

  /** True when a file entry (not a directory) has exactly this name. */
  public boolean contains(String name) {
    return files.containsKey(name);
  }

  /**
   * The declared uncompressed size of a file entry; its stream fails if the bytes differ.
   *
   * @throws JobpackArchiveException {@code MISSING} when there is no such file entry
   */
  public long size(String name) {
    return entry(name).size();
  }

  /**
   * Streams a file entry's bytes in constant memory. The stream's {@code read} throws an unchecked
   * {@link JobpackArchiveException} ({@code SIZE_MISMATCH}, {@code CRC_MISMATCH}, {@code TRUNCATED})
   * as soon as the bytes are found to differ from what the archive records, at the latest before it
   * reports the end; it never inflates more than one byte beyond the declared size. Genuine I/O
   * failures are {@link IOException}s. Close it; closing the archive also ends it.
   *
   * @throws JobpackArchiveException {@code MISSING} when there is no such file entry
   */
  public InputStream open(String name) throws JobpackArchiveException {
    return new EntryInputStream(file, entry(name));
  }

  /**
   * All of a small entry's bytes, checked (size and CRC-32).
   *
   * @param maxBytes the most the caller accepts; a larger declared size fails as {@code
   *     ENTRY_TOO_LARGE} before anything is read
   * @throws JobpackArchiveException when the entry is missing, too large, or its bytes are wrong
   */
  public byte[] readAll(String name, long maxBytes) throws JobpackArchiveException {
    ZipEntryRecord entry = entry(name);
    long cap = Math.min(maxBytes, Integer.MAX_VALUE - 8);
    if (entry.size() > cap) {
      String shown = EntryNames.display(name);
      throw file.fail(Kind.ENTRY_TOO_LARGE, shown,
          "jobpack entry " + shown + " is " + entry.size() + " bytes; at most " + cap + " are read");
    }
    try (InputStream in = new EntryInputStream(file, entry)) {
      byte[] bytes = in.readNBytes((int) entry.size());
      in.read(); // reaches the end (-1) or a SIZE_MISMATCH; verifies the CRC if not done yet
      return bytes;
    } catch (IOException e) {
      throw new JobpackArchiveException(Kind.MISSING, file.path, EntryNames.display(name),
          "cannot read jobpack " + file.path + ": " + e.getMessage(), e);
    }
  }

  /** Closes the file; streams still open fail on their next read. */
  @Override
  public void close() throws IOException {
    file.channel.close();
  }

  private ZipEntryRecord entry(String name) {
    ZipEntryRecord entry = files.get(name);
    if (entry == null) {
      String shown = EntryNames.display(name);
      throw file.fail(Kind.MISSING, shown, "jobpack has no entry " + shown);
    }
    return entry;
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // the open already failed; that failure is the one to report
      }
    }
  }
}
