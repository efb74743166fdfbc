package dev.wrkr.jobpack.archive;

import static dev.wrkr.jobpack.archive.ArchiveFile.u16;
import static dev.wrkr.jobpack.archive.ArchiveFile.u32;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.util.ArrayList;
import java.util.List;

/**
 * Finds the end of central directory record (and its ZIP64 form) and reads the central directory
 * headers, strictly: the directory must end exactly where the end record (or the ZIP64 end
 * record) begins, hold exactly the declared number of headers, and fill exactly its declared size.
 * Entry contents and local headers are checked by {@link LocalHeaders} and {@link EntryInputStream}.
 */
final class CentralDirectoryReader {
  static final int LOCAL_SIG = 0x04034b50;
  private static final int CENTRAL_SIG = 0x02014b50;
  private static final int EOCD_SIG = 0x06054b50;
  private static final int ZIP64_LOCATOR_SIG = 0x07064b50;
  private static final int ZIP64_EOCD_SIG = 0x06064b50;
  private static final int EOCD_LENGTH = 22;
  private static final int LOCATOR_LENGTH = 20;
  private static final int ZIP64_EOCD_LENGTH = 56;
  private static final int CENTRAL_LENGTH = 46;
  private static final long MAX32 = 0xFFFF_FFFFL;

  /** Where the central directory is and how many headers it holds. */
  record Directory(long offset, long size, long entries) {}

  private final ArchiveFile file;

  CentralDirectoryReader(ArchiveFile file) {
    this.file = file;
  }

  /** Reads the end records; fails as NOT_A_ZIP or TRUNCATED when they are missing or inconsistent. */
  Directory locate() {
    int tailLength = (int) Math.min(file.size, EOCD_LENGTH + 0xFFFF);
    long tailStart = file.size - tailLength;
    ByteBuffer tail = file.read(tailStart, tailLength, "end of the archive");
    for (int at = tailLength - EOCD_LENGTH; at >= 0; at--) {
      if (tail.getInt(at) == EOCD_SIG && at + EOCD_LENGTH + u16(tail, at + 20) == tailLength) {
        return fromEndRecord(tail.slice(at, EOCD_LENGTH).order(ByteOrder.LITTLE_ENDIAN), tailStart + at);
      }
    }
    if (file.size >= 4 && file.read(0, 4, "first local header").getInt(0) == LOCAL_SIG) {
      throw file.fail(Kind.TRUNCATED, null,
          "jobpack is cut short: " + file.path + " has no end of central directory record");
    }
    throw file.fail(Kind.NOT_A_ZIP, null, "not a zip archive: " + file.path);
  }

  private Directory fromEndRecord(ByteBuffer eocd, long eocdAt) {
    if (eocdAt >= LOCATOR_LENGTH
        && file.read(eocdAt - LOCATOR_LENGTH, 4, "ZIP64 locator").getInt(0) == ZIP64_LOCATOR_SIG) {
      return fromZip64(eocdAt - LOCATOR_LENGTH);
    }
    boolean spanned = u16(eocd, 4) != 0 || u16(eocd, 6) != 0 || u16(eocd, 8) != u16(eocd, 10);
    return checked(new Directory(u32(eocd, 16), u32(eocd, 12), u16(eocd, 10)), eocdAt, spanned);
  }

  private Directory fromZip64(long locatorAt) {
    ByteBuffer locator = file.read(locatorAt, LOCATOR_LENGTH, "ZIP64 locator");
    long recordAt = locator.getLong(8);
    if (recordAt < 0 || recordAt > locatorAt - ZIP64_EOCD_LENGTH) {
      throw malformed("its ZIP64 locator points outside the archive");
    }
    ByteBuffer record = file.read(recordAt, ZIP64_EOCD_LENGTH, "ZIP64 end record");
    if (record.getInt(0) != ZIP64_EOCD_SIG || record.getLong(4) + 12 != locatorAt - recordAt) {
      throw malformed("its ZIP64 end record is missing or not just before its locator");
    }
    boolean spanned = locator.getInt(4) != 0 || record.getInt(16) != 0 || record.getInt(20) != 0
        || record.getLong(24) != record.getLong(32) || Integer.compareUnsigned(locator.getInt(16), 1) > 0;
    return checked(new Directory(record.getLong(48), record.getLong(40), record.getLong(32)), recordAt, spanned);
  }

  private Directory checked(Directory dir, long directoryEnd, boolean spanned) {
    if (spanned) {
      throw malformed("it is split across several disks");
    }
    if (dir.offset() < 0 || dir.size() < 0 || dir.entries() < 0) {
      throw malformed("its end record holds negative sizes");
    }
    if (dir.offset() > directoryEnd - dir.size()) {
      throw file.fail(Kind.TRUNCATED, null, "jobpack is cut short: the central directory of "
          + file.path + " runs past its end record");
    }
    if (dir.offset() + dir.size() != directoryEnd) {
      throw malformed("its central directory does not end where its end record begins");
    }
    if (dir.entries() > dir.size() / CENTRAL_LENGTH) {
      throw malformed("its end record counts more entries than its central directory can hold");
    }
    return dir;
  }

  /** Reads every central header, in order; names are checked, nothing else is. */
  List<ZipEntryRecord> entries(Directory dir) {
    List<ZipEntryRecord> entries = new ArrayList<>((int) Math.min(dir.entries(), 4096));
    try {
      InputStream in = new BufferedInputStream(
          Channels.newInputStream(file.channel.position(dir.offset())), 1 << 16);
      long consumed = 0;
      for (long i = 0; i < dir.entries(); i++) {
        ByteBuffer h = ByteBuffer.wrap(bytes(in, CENTRAL_LENGTH)).order(ByteOrder.LITTLE_ENDIAN);
        if (h.getInt(0) != CENTRAL_SIG) {
          throw malformed("central directory header " + (i + 1) + " has a bad signature");
        }
        byte[] rawName = bytes(in, u16(h, 28));
        byte[] extra = bytes(in, u16(h, 30));
        in.skipNBytes(u16(h, 32));
        consumed += CENTRAL_LENGTH + rawName.length + extra.length + u16(h, 32);
        if (consumed > dir.size()) {
          throw malformed("its central directory headers run past the declared directory size");
        }
        entries.add(entry(h, rawName, extra));
      }
      if (consumed != dir.size()) {
        throw malformed("its central directory has bytes its end record does not count");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jobpack " + file.path, e);
    }
    return entries;
  }

  private ZipEntryRecord entry(ByteBuffer h, byte[] rawName, byte[] extra) {
    String name = EntryNames.check(rawName, file.path);
    long crc = u32(h, 16);
    long compressed = u32(h, 20);
    long size = u32(h, 24);
    long offset = u32(h, 42);
    int disk = u16(h, 34);
    if (size == MAX32 || compressed == MAX32 || offset == MAX32 || disk == 0xFFFF) {
      ByteBuffer z = ArchiveFile.zip64Field(extra);
      int need = (size == MAX32 ? 8 : 0) + (compressed == MAX32 ? 8 : 0) + (offset == MAX32 ? 8 : 0)
          + (disk == 0xFFFF ? 4 : 0);
      if (z == null || z.remaining() < need) {
        throw malformed("entry " + EntryNames.display(name) + " lacks its ZIP64 sizes");
      }
      size = size == MAX32 ? z.getLong() : size;
      compressed = compressed == MAX32 ? z.getLong() : compressed;
      offset = offset == MAX32 ? z.getLong() : offset;
      disk = disk == 0xFFFF ? z.getInt() : disk;
    }
    if (disk != 0) {
      throw malformed("entry " + EntryNames.display(name) + " lives on another disk");
    }
    if (size < 0 || compressed < 0 || offset < 0) {
      throw malformed("entry " + EntryNames.display(name) + " has sizes beyond 2^63");
    }
    return new ZipEntryRecord(name, rawName, u16(h, 8), u16(h, 10), crc, compressed, size, offset, -1);
  }

  private byte[] bytes(InputStream in, int n) throws IOException {
    byte[] b = in.readNBytes(n);
    if (b.length != n) {
      throw file.fail(Kind.TRUNCATED, null, "jobpack is cut short: " + file.path
          + " ends inside its central directory");
    }
    return b;
  }

  private JobpackArchiveException malformed(String why) {
    return file.fail(Kind.NOT_A_ZIP, null, "not a well-formed zip archive: " + file.path + ": " + why);
  }
}
