package dev.wrkr.jobpack.archive;

import dev.wrkr.jobpack.archive.CentralDirectoryReader.Directory;
import dev.wrkr.jobpack.archive.JobpackArchive.Limits;
import dev.wrkr.jobpack.archive.JobpackArchiveException.Kind;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The checks {@link JobpackArchive#open(java.nio.file.Path, Limits)} runs before it hands out an
 * archive, cheapest first: entry count, then per central header (name, encryption, method,
 * declared sizes, duplicates, running total), then local headers and overlaps.
 */
final class ArchiveRules {
  private ArchiveRules() {}

  /** The file entries by name, in central directory order; fails on the first broken rule. */
  static Map<String, ZipEntryRecord> check(ArchiveFile file, Limits limits) {
    CentralDirectoryReader reader = new CentralDirectoryReader(file);
    Directory directory = reader.locate();
    if (directory.entries() > limits.maxEntries()) {
      throw file.fail(Kind.TOO_MANY_ENTRIES, null, "jobpack " + file.path + " has "
          + directory.entries() + " entries; at most " + limits.maxEntries() + " are allowed");
    }
    List<ZipEntryRecord> entries = reader.entries(directory);
    Map<String, String> seen = new HashMap<>();
    long total = 0;
    for (ZipEntryRecord entry : entries) {
      checkEntry(file, entry, limits);
      String earlier = seen.putIfAbsent(EntryNames.duplicateKey(entry.name()), entry.name());
      if (earlier != null) {
        String shown = EntryNames.display(entry.name());
        String same = earlier.equals(entry.name()) ? "" : " (the same name as " + EntryNames.display(earlier) + ")";
        throw file.fail(Kind.DUPLICATE_ENTRY, shown, "jobpack has two entries named " + shown + same);
      }
      if (entry.size() > limits.maxTotalBytes() - total) {
        throw file.fail(Kind.TOTAL_TOO_LARGE, null, "jobpack " + file.path
            + " declares more than " + limits.maxTotalBytes() + " bytes in all");
      }
      total += entry.size();
    }
    return files(new LocalHeaders(file, directory.offset()).check(entries));
  }

  private static void checkEntry(ArchiveFile file, ZipEntryRecord entry, Limits limits) {
    String shown = EntryNames.display(entry.name());
    String prefix = "jobpack entry " + shown;
    if ((entry.flags() & (ZipEntryRecord.FLAG_ENCRYPTED | ZipEntryRecord.FLAG_STRONG_ENCRYPTION)) != 0) {
      throw file.fail(Kind.ENCRYPTED, shown, prefix + " is encrypted");
    }
    int method = entry.method();
    if (method != ZipEntryRecord.METHOD_STORED && method != ZipEntryRecord.METHOD_DEFLATED) {
      throw file.fail(Kind.UNSUPPORTED_METHOD, shown,
          prefix + " uses compression method " + method + "; only stored (0) and deflated (8) are read");
    }
    if (entry.directory() && entry.size() != 0) {
      throw file.fail(Kind.SIZE_MISMATCH, shown, prefix + " is a directory but holds " + entry.size() + " bytes");
    }
    if (method == ZipEntryRecord.METHOD_STORED && entry.compressedSize() != entry.size()) {
      throw file.fail(Kind.SIZE_MISMATCH, shown, prefix + " is stored with " + entry.compressedSize()
          + " bytes but declares " + entry.size());
    }
    if (entry.size() > limits.maxEntryBytes()) {
      throw file.fail(Kind.ENTRY_TOO_LARGE, shown, prefix + " declares " + entry.size()
          + " bytes; at most " + limits.maxEntryBytes() + " are allowed");
    }
    if (method == ZipEntryRecord.METHOD_DEFLATED && entry.size() > JobpackArchive.RATIO_EXEMPT_BYTES
        && exceedsRatio(entry.size(), entry.compressedSize(), limits.maxCompressionRatio())) {
      throw file.fail(Kind.COMPRESSION_RATIO, shown, prefix + " expands " + entry.compressedSize()
          + " compressed bytes to " + entry.size() + ", beyond the " + limits.maxCompressionRatio()
          + ":1 allowed (a zip bomb?)");
    }
  }

  private static boolean exceedsRatio(long size, long compressed, long ratio) {
    return compressed <= Long.MAX_VALUE / ratio && size > compressed * ratio;
  }

  private static Map<String, ZipEntryRecord> files(List<ZipEntryRecord> entries) {
    Map<String, ZipEntryRecord> files = new LinkedHashMap<>();
    for (ZipEntryRecord entry : entries) {
      if (!entry.directory()) {
        files.put(entry.name(), entry);
      }
    }
    return Collections.unmodifiableMap(files);
  }
}
