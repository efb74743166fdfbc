package dev.wrkr.jobpack;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * Writes a zip the way Go's {@code archive/zip} writes Wrkr's jobpacks (reference §6.3), so our
 * jobpacks are byte-for-byte what Wrkr would produce from the same entries: stored entries, each
 * followed by a data descriptor, DOS time 0 and date 1980-01-01, a 9-byte extended-timestamp
 * extra field, version 2.0, no external attributes, no comment; ZIP64 records only when sizes or
 * offsets need them.
 *
 * <p>Hand-written because {@link java.util.zip.ZipOutputStream} (and Commons Compress) write
 * stored entries with sizes in the local header and no data descriptor, which gives other bytes;
 * streaming a stored entry of unknown size needs the descriptor. Entries are written in the order
 * given: callers sort them.
 */
public final class GoZipWriter implements AutoCloseable {
  private static final long UINT32_MAX = 0xFFFF_FFFFL;
  private static final int VERSION_20 = 20;
  private static final int VERSION_45 = 45;
  private static final int FLAG_DATA_DESCRIPTOR = 0x0008;
  private static final int FLAG_UTF8 = 0x0800;
  private static final int DOS_DATE_1980_01_01 = 0x0021;
  private static final long MTIME_1980_01_01 = 315_532_800L;

  private final CountingStream out;
  private final List<Central> central = new ArrayList<>();
  private EntryStream open;
  private boolean closed;

  private record Central(byte[] name, int flags, long crc, long size, long offset) {
    boolean bigSize() {
      return size >= UINT32_MAX;
    }

    boolean zip64() {
      return bigSize() || offset >= UINT32_MAX;
    }
  }

  public GoZipWriter(OutputStream out) {
    this.out = new CountingStream(out);
  }

  /**
   * Starts a stored entry named {@code name}; write its bytes to the returned stream and close it
   * before the next entry.
   */
  public OutputStream entry(String name) throws IOException {
    if (open != null) {
      throw new IllegalStateException("close entry " + open.name + " first");
    }
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    int flags = FLAG_DATA_DESCRIPTOR | (needsUtf8Flag(name) ? FLAG_UTF8 : 0);
    long offset = out.count;
    Le h = new Le();
    h.u32(0x04034b50).u16(VERSION_20).u16(flags).u16(0).u16(0).u16(DOS_DATE_1980_01_01)
        .u32(0).u32(0).u32(0).u16(nameBytes.length).u16(9);
    out.write(h.bytes());
    out.write(nameBytes);
    out.write(extendedTimestamp());
    open = new EntryStream(out, name, nameBytes, flags, offset);
    return open;
  }

  /** Writes a whole entry. */
  public void entry(String name, byte[] content) throws IOException {
    try (OutputStream o = entry(name)) {
      o.write(content);
    }
  }

  /**
   * Go sets the UTF-8 flag when a name holds a character outside printable ASCII other than
   * {@code \} and {@code ~}/DEL, i.e. below 0x20, above 0x7d, or a backslash.
   */
  private static boolean needsUtf8Flag(String name) {
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c < 0x20 || c > 0x7d || c == 0x5c) {
        return true;
      }
    }
    return false;
  }

  private static byte[] extendedTimestamp() {
    return new Le().u16(0x5455).u16(5).u8(1).u32(MTIME_1980_01_01).bytes();
  }

  private final class EntryStream extends FilterOutputStream {
    private final String name;
    private final byte[] nameBytes;
    private final int flags;
    private final long offset;
    private final CRC32 crc = new CRC32();
    private long size;
    private boolean done;

    EntryStream(CountingStream sink, String name, byte[] nameBytes, int flags, long offset) {
      super(sink);
      this.name = name;
      this.nameBytes = nameBytes;
      this.flags = flags;
      this.offset = offset;
    }

    @Override
    public void write(int b) throws IOException {
      crc.update(b);
      size++;
      out.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      crc.update(b, off, len);
      size += len;
      out.write(b, off, len);
    }

    @Override
    public void flush() {}

    @Override
    public void close() throws IOException {
      if (done) {
        return;
      }
      done = true;
      Central c = new Central(nameBytes, flags, crc.getValue(), size, offset);
      Le d = new Le().u32(0x08074b50).u32(c.crc);
      if (size >= UINT32_MAX) {
        d.u64(size).u64(size);
      } else {
        d.u32(size).u32(size);
      }
      out.write(d.bytes());
      central.add(c);
      open = null;
    }
  }

  /** Writes the central directory and end records, and closes the underlying stream. */
  @Override
  public void close() throws IOException {
    if (closed) {
      return;
    }
    if (open != null) {
      open.close();
    }
    closed = true;
    long start = out.count;
    for (Central c : central) {
      boolean z64 = c.zip64();
      byte[] extra = extendedTimestamp();
      if (z64) {
        Le x = new Le().u16(0x0001).u16(24).u64(c.size).u64(c.size).u64(c.offset);
        byte[] both = new byte[extra.length + 28];
        System.arraycopy(extra, 0, both, 0, extra.length);
        System.arraycopy(x.bytes(), 0, both, extra.length, 28);
        extra = both;
      }
      Le h = new Le().u32(0x02014b50).u16(VERSION_20).u16(c.bigSize() ? VERSION_45 : VERSION_20).u16(c.flags).u16(0)
          .u16(0).u16(DOS_DATE_1980_01_01).u32(c.crc)
          .u32(z64 ? UINT32_MAX : c.size).u32(z64 ? UINT32_MAX : c.size)
          .u16(c.name.length).u16(extra.length).u16(0).u16(0).u16(0).u32(0)
          .u32(Math.min(c.offset, UINT32_MAX));
      out.write(h.bytes());
      out.write(c.name);
      out.write(extra);
    }
    long end = out.count;
    long size = end - start;
    long records = central.size();
    if (records >= 0xFFFF || size >= UINT32_MAX || start >= UINT32_MAX) {
      out.write(new Le().u32(0x06064b50).u64(44).u16(VERSION_45).u16(VERSION_45).u32(0).u32(0)
          .u64(records).u64(records).u64(size).u64(start).bytes());
      out.write(new Le().u32(0x07064b50).u32(0).u64(end).u32(1).bytes());
      records = 0xFFFF;
      size = UINT32_MAX;
      start = UINT32_MAX;
    }
    out.write(new Le().u32(0x06054b50).u16(0).u16(0).u16((int) records).u16((int) records)
        .u32(size).u32(start).u16(0).bytes());
    out.close();
  }

  /** Little-endian field builder. */
  private static final class Le {
    private final java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(64);

    Le u8(int v) {
      b.write(v);
      return this;
    }

    Le u16(int v) {
      b.write(v);
      b.write(v >>> 8);
      return this;
    }

    Le u32(long v) {
      u16((int) (v & 0xFFFF));
      return u16((int) ((v >>> 16) & 0xFFFF));
    }

    Le u64(long v) {
      u32(v & UINT32_MAX);
      return u32(v >>> 32);
    }

    byte[] bytes() {
      return b.toByteArray();
    }
  }

  private static final class CountingStream extends FilterOutputStream {
    long count;

    CountingStream(OutputStream out) {
      super(out);
    }

    @Override
    public void write(int b) throws IOException {
      out.write(b);
      count++;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      out.write(b, off, len);
      count += len;
    }
  }
}
