package dev.wrkr.jobpack.archive;

/**
 * One entry as the central directory records it. Sizes and offsets are ZIP64-resolved and
 * non-negative; {@code dataOffset} is -1 until the local header has been checked.
 */
record ZipEntryRecord(
    String name,
    byte[] rawName,
    int flags,
    int method,
    long crc,
    long compressedSize,
    long size,
    long localHeaderOffset,
    long dataOffset) {
  static final int METHOD_STORED = 0;
  static final int METHOD_DEFLATED = 8;
  static final int FLAG_ENCRYPTED = 1;
  static final int FLAG_DATA_DESCRIPTOR = 1 << 3;
  static final int FLAG_STRONG_ENCRYPTION = 1 << 6;

  boolean directory() {
    return name.endsWith("/");
  }

  boolean hasDataDescriptor() {
    return (flags & FLAG_DATA_DESCRIPTOR) != 0;
  }

  ZipEntryRecord withDataOffset(long offset) {
    return new ZipEntryRecord(
        name, rawName, flags, method, crc, compressedSize, size, localHeaderOffset, offset);
  }
}
