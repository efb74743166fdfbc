package dev.wrkr.jobpack;

import dev.wrkr.codec.Utf8;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Streams the non-blank lines of a JSONL entry with a cap on each line, so a hostile entry (one
 * endless line, invalid UTF-8) becomes a numbered error instead of memory exhaustion. Lines are
 * numbered as Wrkr numbers them: blank lines are skipped and not counted.
 */
final class JsonlLines {
  private JsonlLines() {}

  /** Receives each line (decoded) or, for a line that cannot be read, the problem. */
  interface LineHandler {
    void line(int number, String text, String problem);
  }

  static void forEach(InputStream in, int maxLineBytes, LineHandler handler) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    boolean overflow = false;
    int number = 0;
    byte[] buf = new byte[64 * 1024];
    for (int n; (n = in.read(buf)) >= 0; ) {
      int start = 0;
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          if (!overflow) {
            line.write(buf, start, i - start);
          }
          number = emit(line, overflow, number, maxLineBytes, handler);
          line.reset();
          overflow = false;
          start = i + 1;
        }
      }
      if (!overflow) {
        line.write(buf, start, n - start);
        if (line.size() > maxLineBytes) {
          overflow = true;
          line.reset();
        }
      }
    }
    emit(line, overflow, number, maxLineBytes, handler);
  }

  private static int emit(ByteArrayOutputStream line, boolean overflow, int number, int max, LineHandler handler) {
    if (overflow || line.size() > max) {
      handler.line(number + 1, null, "line exceeds " + max + " bytes");
      return number + 1;
    }
    byte[] bytes = line.toByteArray();
    String text;
    try {
      text = strictUtf8(bytes).strip();
    } catch (IllegalArgumentException e) {
      handler.line(number + 1, null, e.getMessage());
      return number + 1;
    }
    if (text.isEmpty()) {
      return number;
    }
    handler.line(number + 1, text, null);
    return number + 1;
  }

  /** Decodes UTF-8, rejecting malformed input instead of replacing it. */
  static String strictUtf8(byte[] bytes) {
    return Utf8.decode(bytes).orElseThrow(() -> new IllegalArgumentException("not valid UTF-8"));
  }
}
