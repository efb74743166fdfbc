package dev.wrkr.jobpack.archive;

import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The open zip file: positional little-endian reads that fail as {@link Kind#TRUNCATED} past its
 * end. Positional reads leave the channel's position alone, so entry streams may run concurrently.
 */
final class ArchiveFile {
  final FileChannel channel;
  final Path path;
  final long size;

  ArchiveFile(FileChannel channel, Path path, long size) {
    this.channel = channel;
    this.path = path;
    this.size = size;
  }

  /** Exactly {@code length} bytes at {@code position}, little-endian; {@code what} names them. */
  ByteBuffer read(long position, int length, String what) {
    if (position < 0 || position > size - length) {
      throw fail(Kind.TRUNCATED, null,
          "jobpack is cut short: " + what + " at offset " + position + " runs past the end of "
              + path);
    }
    ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
    try {
      while (buffer.hasRemaining()) {
        if (channel.read(buffer, position + buffer.position()) < 0) {
          throw fail(Kind.TRUNCATED, null, "jobpack " + path + " shrank while being read");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read jobpack " + path, e);
    }
    return buffer.flip();
  }

  JobpackArchiveException fail(Kind kind, String entry, String message) {
    return new JobpackArchiveException(kind, path, entry, message);
  }

  static int u16(ByteBuffer b, int at) {
    return Short.toUnsignedInt(b.getShort(at));
  }

  static long u32(ByteBuffer b, int at) {
    return Integer.toUnsignedLong(b.getInt(at));
  }

  /**
   * The data of the ZIP64 extended information field (id 1) in {@code extra}, little-endian, or
   * {@code null} when there is none. Fields after a malformed one are not looked at.
   */
  static ByteBuffer zip64Field(byte[] extra) {
    ByteBuffer b = ByteBuffer.wrap(extra).order(ByteOrder.LITTLE_ENDIAN);
    while (b.remaining() >= 4) {
      int id = Short.toUnsignedInt(b.getShort());
      int length = Short.toUnsignedInt(b.getShort());
      if (length > b.remaining()) {
        return null;
      }
      if (id == 1) {
        return b.slice(b.position(), length).order(ByteOrder.LITTLE_ENDIAN);
      }
      b.position(b.position() + length);
    }
    return null;
  }
}
