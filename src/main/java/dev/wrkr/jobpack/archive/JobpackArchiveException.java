package dev.wrkr.jobpack.archive;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A file that should be a jobpack is not a well-formed, safe zip archive, or one of its entries
 * cannot be read as recorded.
 *
 * <p>Always {@link ReasonCode#E_JOBPACK_INVALID} (exit 2). {@link #kind()} says what is wrong for
 * machines; the message says it for people. {@link #details()} holds {@code path} (the zip file),
 * {@code kind} (the {@linkplain Kind#wire() wire name}) and, when one entry is at fault,
 * {@code entry} (its name, with control characters escaped).
 *
 * <p>Thrown by {@link JobpackArchive#open(Path)} for problems in the archive's structure and by
 * the streams of {@link JobpackArchive#open(String)} (unchecked, from {@code read}) for problems
 * found only in an entry's bytes.
 */
public final class JobpackArchiveException extends WrkrException {

  /** What is wrong with the archive; stable for machines. */
  public enum Kind {
    /** The file does not exist, is not a regular file or cannot be read; or the entry is absent. */
    MISSING,
    /** Not a zip archive (no end record, junk), or its structure is malformed or spanned. */
    NOT_A_ZIP,
    /** A zip archive cut short: a record or an entry's data runs past the end of the file. */
    TRUNCATED,
    /** Two entries with the same name, compared after Unicode NFC normalization. */
    DUPLICATE_ENTRY,
    /** A name that is absolute, escapes the archive, or is not a plain relative UTF-8 path. */
    UNSAFE_ENTRY_NAME,
    /** A compression method other than STORED (0) and DEFLATED (8). */
    UNSUPPORTED_METHOD,
    /** An encrypted entry (general purpose flag bit 0 or 6). */
    ENCRYPTED,
    /** More entries (directories included) than {@link JobpackArchive.Limits#maxEntries()}. */
    TOO_MANY_ENTRIES,
    /** An entry declared larger than {@link JobpackArchive.Limits#maxEntryBytes()} or a read cap. */
    ENTRY_TOO_LARGE,
    /** Declared entry sizes adding up to more than {@link JobpackArchive.Limits#maxTotalBytes()}. */
    TOTAL_TOO_LARGE,
    /** A deflated entry declared to expand more than {@link JobpackArchive.Limits#maxCompressionRatio()}. */
    COMPRESSION_RATIO,
    /** The bytes of an entry (or its compressed data) do not have the size the archive records. */
    SIZE_MISMATCH,
    /** The bytes of an entry do not have the recorded CRC-32, or its deflate data is corrupt. */
    CRC_MISMATCH,
    /** Entries whose bytes overlap each other or the central directory (a "non-recursive" zip bomb). */
    OVERLAPPING_ENTRIES,
    /** A local header (or data descriptor) that disagrees with the central directory. */
    HEADER_MISMATCH;

    /** The name used in details and JSON, e.g. {@code unsafe_entry_name}. */
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  private final Kind kind;
  private final String entry;

  /**
   * @param zip the archive file
   * @param entry the entry at fault, as shown to people, or {@code null} when the archive is
   */
  public JobpackArchiveException(Kind kind, Path zip, String entry, String message, Throwable cause) {
    super(ReasonCode.E_JOBPACK_INVALID, message, details(kind, zip, entry), cause);
    this.kind = kind;
    this.entry = entry;
  }

  public JobpackArchiveException(Kind kind, Path zip, String entry, String message) {
    this(kind, zip, entry, message, null);
  }

  /** What is wrong. */
  public Kind kind() {
    return kind;
  }

  /** The entry at fault (control characters escaped), when one is. */
  public Optional<String> entry() {
    return Optional.ofNullable(entry);
  }

  private static Map<String, Object> details(Kind kind, Path zip, String entry) {
    Map<String, Object> details = new LinkedHashMap<>();
    details.put("path", zip.toString());
    details.put("kind", kind.wire());
    if (entry != null) {
      details.put("entry", entry);
    }
    return details;
  }
}
