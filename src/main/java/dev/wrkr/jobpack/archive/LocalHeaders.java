package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.ArchiveFile.u16;
import static dev.wrkr.jobpack.archive.ArchiveFile.u32;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * Checks each entry's local header (and data descriptor) against its central header and that no
 * two entries share bytes.
 *
 * <p>The overlap check stops the "better zip bomb" (many central headers pointing at one
 * compressed kernel): every entry's span, from its local header to the end of its data
 * descriptor, must lie before the next entry's local header and before the central directory.
 */
final class LocalHeaders {
  private static final int LOCAL_LENGTH = 30;
  private static final int DESCRIPTOR_SIG = 0x08074b50;
  private static final long MAX32 = 0xFFFF_FFFFL;
  /** The flag bits that change how an entry is read; the others (UTF-8, options) may differ. */
  private static final int READ_FLAGS =
      ZipEntryRecord.FLAG_ENCRYPTED | ZipEntryRecord.FLAG_DATA_DESCRIPTOR;

  private final ArchiveFile file;
  private final long directoryOffset;

  LocalHeaders(ArchiveFile file, long directoryOffset) {
    this.file = file;
    this.directoryOffset = directoryOffset;
  }

  /** The entries with their data offsets, in the same order; fails on any mismatch or overlap. */
  List<ZipEntryRecord> check(List<ZipEntryRecord> entries) {
    List<ZipEntryRecord> checked = new ArrayList<>(entries.size());
    long[][] spans = new long[entries.size()][];
    for (int i = 0; i < entries.size(); i++) {
      ZipEntryRecord entry = entries.get(i);
      long dataOffset = dataOffset(entry);
      long end = dataOffset + entry.compressedSize();
      within(entry, end, "data");
      if (entry.hasDataDescriptor()) {
        end += descriptorLength(entry, end);
      }
      spans[i] = new long[] {entry.localHeaderOffset(), end, i};
      checked.add(entry.withDataOffset(dataOffset));
    }
    Arrays.sort(spans, Comparator.comparingLong(span -> span[0]));
    for (int i = 1; i < spans.length; i++) {
      if (spans[i][0] < spans[i - 1][1]) {
        String shown = EntryNames.display(entries.get((int) spans[i][2]).name());
        throw file.fail(Kind.OVERLAPPING_ENTRIES, shown, "jobpack entry " + shown
            + " shares bytes with entry " + EntryNames.display(entries.get((int) spans[i - 1][2]).name())
            + " (a zip bomb trick)");
      }
    }
    return checked;
  }

  private long dataOffset(ZipEntryRecord entry) {
    String shown = EntryNames.display(entry.name());
    long at = entry.localHeaderOffset();
    within(entry, at + LOCAL_LENGTH, "local header");
    // One read usually covers the header, the name and a typical extra field.
    int guess = (int) Math.min(LOCAL_LENGTH + entry.rawName().length + 64L, directoryOffset - at);
    ByteBuffer h = file.read(at, guess, "local header of " + shown);
    if (h.getInt(0) != CentralDirectoryReader.LOCAL_SIG) {
      throw mismatch(entry, "has no local header at offset " + at);
    }
    if ((u16(h, 6) & READ_FLAGS) != (entry.flags() & READ_FLAGS) || u16(h, 8) != entry.method()) {
      throw mismatch(entry, "has a local header whose flags or method differ from the central directory's");
    }
    int nameLength = u16(h, 26);
    int extraLength = u16(h, 28);
    long dataOffset = at + LOCAL_LENGTH + nameLength + extraLength;
    within(entry, dataOffset, "local header");
    if (LOCAL_LENGTH + nameLength + extraLength > guess) {
      h = file.read(at, LOCAL_LENGTH + nameLength + extraLength, "local header of " + shown);
    }
    byte[] name = new byte[nameLength];
    byte[] extra = new byte[extraLength];
    h.get(LOCAL_LENGTH, name).get(LOCAL_LENGTH + nameLength, extra);
    if (!Arrays.equals(name, entry.rawName())) {
      throw mismatch(entry, "has a local header named " + EntryNames.display(EntryNames.lossy(name)));
    }
    checkSizes(entry, h, extra);
    return dataOffset;
  }

  private void checkSizes(ZipEntryRecord entry, ByteBuffer h, byte[] extra) {
    long crc = u32(h, 14);
    long compressed = u32(h, 18);
    long size = u32(h, 22);
    if (compressed == MAX32 || size == MAX32) {
      ByteBuffer z = ArchiveFile.zip64Field(extra);
      if (z != null && z.remaining() >= 16) {
        size = z.getLong(0);
        compressed = z.getLong(8);
      } else if (z != null && z.remaining() >= 8) {
        size = size == MAX32 ? z.getLong(0) : size;
        compressed = compressed == MAX32 ? z.getLong(0) : compressed;
      }
    }
    // Go's archive/zip and java.util.zip's streaming writers leave these 0 and write a descriptor.
    boolean deferred = entry.hasDataDescriptor();
    if (!agrees(crc, entry.crc(), deferred)
        || !agrees(compressed, entry.compressedSize(), deferred)
        || !agrees(size, entry.size(), deferred)) {
      throw mismatch(entry, "has a local header whose CRC or sizes differ from the central directory's");
    }
  }

  private static boolean agrees(long local, long central, boolean deferred) {
    return local == central || (deferred && local == 0);
  }

  /** The length of the data descriptor at {@code at}, after checking it against the central header. */
  private int descriptorLength(ZipEntryRecord entry, long at) {
    boolean zip64 = entry.compressedSize() >= MAX32 || entry.size() >= MAX32;
    int sizesLength = zip64 ? 16 : 8;
    long available = directoryOffset - at;
    int signed = available >= 4 && file.read(at, 4, "data descriptor").getInt(0) == DESCRIPTOR_SIG ? 4 : 0;
    int length = signed + 4 + sizesLength;
    within(entry, at + length, "data descriptor");
    ByteBuffer d = file.read(at + signed, 4 + sizesLength, "data descriptor");
    long compressed = zip64 ? d.getLong(4) : u32(d, 4);
    long size = zip64 ? d.getLong(12) : u32(d, 8);
    if (u32(d, 0) != entry.crc() || compressed != entry.compressedSize() || size != entry.size()) {
      throw mismatch(entry, "has a data descriptor whose CRC or sizes differ from the central directory's");
    }
    return length;
  }

  /** Fails unless {@code end} lies at or before the central directory. */
  private void within(ZipEntryRecord entry, long end, String what) {
    if (end >= 0 && end <= directoryOffset) {
      return;
    }
    String shown = EntryNames.display(entry.name());
    if (end < 0 || end > file.size) {
      throw file.fail(Kind.TRUNCATED, shown,
          "jobpack is cut short: the " + what + " of entry " + shown + " runs past the end of " + file.path);
    }
    throw file.fail(Kind.OVERLAPPING_ENTRIES, shown,
        "jobpack entry " + shown + ": its " + what + " runs into the central directory");
  }

  private JobpackArchiveException mismatch(ZipEntryRecord entry, String problem) {
    String shown = EntryNames.display(entry.name());
    return file.fail(Kind.HEADER_MISMATCH, shown, "jobpack entry " + shown + " " + problem);
  }
}
