package dev.wrkr.jobpack.archive;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A test-only zip writer that writes exactly what it is told, including what {@code
 * ZipOutputStream} refuses: duplicate and hostile names, lying sizes and CRCs, local headers that
 * disagree with the central directory, overlapping entries, forced ZIP64 records. Every field of an
 * {@link Entry} is written as set; {@link #stored} and {@link #deflated} fill in honest values.
 */
final class RawZip {
  /** One entry; the {@code local*} fields default to the central values. */
  static final class Entry {
    byte[] name;
    byte[] localName;
    int flags = 0x800;
    Integer localFlags;
    int method;
    Integer localMethod;
    byte[] data;
    /** Zero bytes written as a hole instead of {@link #data} (for sparse multi-GiB files). */
    long sparseLength;
    long crc;
    long compressedSize;
    long size;
    Long localCrc;
    Long localCompressedSize;
    Long localSize;
    boolean descriptor;
    boolean descriptorSigned = true;
    Long descriptorCrc;
    boolean zip64;
    /** With {@link #zip64}: also a ZIP64 extra in the local header (java.util.zip does, Go does not). */
    boolean localZip64 = true;
    Long centralOffset;
    long offset;

    /** Flag bit 3 with CRC and sizes 0 in the local header, as Go's archive/zip writes. */
    Entry withDescriptor() {
      descriptor = true;
      flags |= 8;
      localCrc = 0L;
      localCompressedSize = 0L;
      localSize = 0L;
      return this;
    }
  }

  final List<Entry> entries = new ArrayList<>();
  boolean zip64End;
  Long declaredCount;
  byte[] comment = new byte[0];

  Entry stored(String name, byte[] content) {
    Entry e = entry(name, content, content);
    e.method = 0;
    return e;
  }

  Entry deflated(String name, byte[] content) {
    Entry e = entry(name, content, deflate(content));
    e.method = 8;
    return e;
  }

  Entry directory(String name) {
    return stored(name, new byte[0]);
  }

  private Entry entry(String name, byte[] content, byte[] data) {
    Entry e = new Entry();
    e.name = name.getBytes(StandardCharsets.UTF_8);
    e.data = data;
    e.crc = crc(content);
    e.size = content.length;
    e.compressedSize = data.length;
    entries.add(e);
    return e;
  }

  byte[] bytes() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    write(new Sink() {
      @Override public void put(byte[] b) { out.writeBytes(b); }
      @Override public void hole(long n) { out.writeBytes(new byte[Math.toIntExact(n)]); }
      @Override public long position() { return out.size(); }
    });
    return out.toByteArray();
  }

  Path writeTo(Path file) {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
        StandardOpenOption.TRUNCATE_EXISTING)) {
      write(new Sink() {
        @Override public void put(byte[] b) throws IOException { ch.write(ByteBuffer.wrap(b)); }
        @Override public void hole(long n) throws IOException { ch.position(ch.position() + n); }
        @Override public long position() throws IOException { return ch.position(); }
      });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return file;
  }

  static Path write(Path file, byte[] bytes) {
    try {
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private interface Sink {
    void put(byte[] b) throws IOException;

    void hole(long n) throws IOException;

    long position() throws IOException;
  }

  private void write(Sink out) {
    try {
      for (Entry e : entries) {
        e.offset = out.position();
        out.put(localHeader(e));
        if (e.sparseLength > 0) {
          out.hole(e.sparseLength);
        } else {
          out.put(e.data);
        }
        if (e.descriptor) {
          out.put(descriptor(e));
        }
      }
      long directoryStart = out.position();
      for (Entry e : entries) {
        out.put(centralHeader(e));
      }
      long directoryEnd = out.position();
      out.put(end(directoryStart, directoryEnd - directoryStart, directoryEnd));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] localHeader(Entry e) {
    byte[] name = e.localName != null ? e.localName : e.name;
    long compressed = e.localCompressedSize != null ? e.localCompressedSize : e.compressedSize;
    long size = e.localSize != null ? e.localSize : e.size;
    boolean wide = e.zip64 && e.localZip64;
    byte[] extra = wide ? le(2, 1, 2, 16, 8, size, 8, compressed) : new byte[0];
    return concat(le(4, 0x04034b50, 2, e.zip64 ? 45 : 20,
            2, e.localFlags != null ? e.localFlags : e.flags, 2, e.localMethod != null ? e.localMethod : e.method,
            2, 0, 2, 0x21, 4, e.localCrc != null ? e.localCrc : e.crc,
            4, wide ? 0xFFFFFFFFL : compressed, 4, wide ? 0xFFFFFFFFL : size,
            2, name.length, 2, extra.length), name, extra);
  }

  private static byte[] descriptor(Entry e) {
    boolean wide = e.compressedSize >= 0xFFFFFFFFL || e.size >= 0xFFFFFFFFL;
    byte[] body = le(4, e.descriptorCrc != null ? e.descriptorCrc : e.crc,
        wide ? 8 : 4, e.compressedSize, wide ? 8 : 4, e.size);
    return e.descriptorSigned ? concat(le(4, 0x08074b50), body) : body;
  }

  private static byte[] centralHeader(Entry e) {
    long offset = e.centralOffset != null ? e.centralOffset : e.offset;
    byte[] extra = e.zip64 ? le(2, 1, 2, 24, 8, e.size, 8, e.compressedSize, 8, offset) : new byte[0];
    long max = 0xFFFFFFFFL;
    return concat(le(4, 0x02014b50, 2, 45, 2, e.zip64 ? 45 : 20, 2, e.flags, 2, e.method, 2, 0, 2, 0x21,
            4, e.crc, 4, e.zip64 ? max : e.compressedSize, 4, e.zip64 ? max : e.size,
            2, e.name.length, 2, extra.length, 2, 0, 2, 0, 2, 0, 4, 0, 4, e.zip64 ? max : offset),
        e.name, extra);
  }

  private byte[] end(long directoryStart, long directorySize, long directoryEnd) {
    long count = declaredCount != null ? declaredCount : entries.size();
    if (!zip64End) {
      return concat(le(4, 0x06054b50, 2, 0, 2, 0, 2, count, 2, count, 4, directorySize, 4, directoryStart,
          2, comment.length), comment);
    }
    byte[] record = le(4, 0x06064b50, 8, 44, 2, 45, 2, 45, 4, 0, 4, 0, 8, count, 8, count,
        8, directorySize, 8, directoryStart);
    byte[] locator = le(4, 0x07064b50, 4, 0, 8, directoryEnd, 4, 1);
    byte[] eocd = le(4, 0x06054b50, 2, 0, 2, 0, 2, 0xFFFF, 2, 0xFFFF, 4, 0xFFFFFFFFL, 4, 0xFFFFFFFFL,
        2, comment.length);
    return concat(record, locator, eocd, comment);
  }

  /** Little-endian fields given as (width, value) pairs. */
  static byte[] le(long... widthsAndValues) {
    int length = 0;
    for (int i = 0; i < widthsAndValues.length; i += 2) {
      length += (int) widthsAndValues[i];
    }
    ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    for (int i = 0; i < widthsAndValues.length; i += 2) {
      long v = widthsAndValues[i + 1];
      switch ((int) widthsAndValues[i]) {
        case 2 -> b.putShort((short) v);
        case 4 -> b.putInt((int) v);
        case 8 -> b.putLong(v);
        default -> throw new IllegalArgumentException("width " + widthsAndValues[i]);
      }
    }
    return b.array();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }

  static long crc(byte[] content) {
    CRC32 crc = new CRC32();
    crc.update(content);
    return crc.getValue();
  }

  static byte[] deflate(byte[] content) {
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    deflater.setInput(content);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    while (!deflater.finished()) {
      out.write(buffer, 0, deflater.deflate(buffer));
    }
    deflater.end();
    return out.toByteArray();
  }
}
