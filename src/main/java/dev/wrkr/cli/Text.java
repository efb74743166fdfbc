package dev.wrkr.cli;

import java.nio.charset.StandardCharsets;

/** Text-mode helpers shared by commands. */
final class Text {
  /** Longest summary printed in text mode, in UTF-8 bytes (Wrkr's {@code boundedSummary}). */
  static final int SUMMARY_BYTES = 160;

  private Text() {}

  /** Trimmed, cut to {@value #SUMMARY_BYTES} UTF-8 bytes on a character boundary, {@code ...} added when cut. */
  static String bounded(String summary) {
    String s = summary == null ? "" : summary.strip();
    // A UTF-16 unit is at most 3 UTF-8 bytes (a surrogate pair 4 for 2): short text needs no count.
    if (s.length() <= SUMMARY_BYTES / 3 || s.getBytes(StandardCharsets.UTF_8).length <= SUMMARY_BYTES) {
      return s;
    }
    StringBuilder out = new StringBuilder();
    int bytes = 0;
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
      if (bytes + size > SUMMARY_BYTES) {
        break;
      }
      out.appendCodePoint(cp);
      bytes += size;
      i += Character.charCount(cp);
    }
    return out + "...";
  }
}
