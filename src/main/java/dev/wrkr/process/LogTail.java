package dev.wrkr.process;

import java.nio.ByteBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * The last {@value #CAPACITY} bytes of one output stream, kept in a ring while the stream is
 * drained, and turned into text that is safe to put in an error message.
 */
final class LogTail {
  /** Bytes kept: 4 KiB. */
  static final int CAPACITY = 4096;

  // CSI, OSC (ended by BEL or ST, or cut off), DCS/SOS/PM/APC strings, other ESC sequences, and
  // the 8-bit CSI. Control characters left over (a lone ESC) go with CONTROLS.
  private static final Pattern ESCAPES =
      Pattern.compile(
          "\\x1B\\[[0-?]*[ -/]*[@-~]"
              + "|\\x1B\\][^\\x07\\x1B]*(?:\\x07|\\x1B\\\\)?"
              + "|\\x1B[PX^_][^\\x1B]*(?:\\x1B\\\\)?"
              + "|\\x1B[ -/]*[0-~]"
              + "|\\x{9B}[0-?]*[ -/]*[@-~]");
  private static final Pattern CONTROLS = Pattern.compile("[\\x00-\\x08\\x0B-\\x1F\\x7F-\\x{9F}]");

  private final byte[] ring = new byte[CAPACITY];
  private long written;

  /** Keeps the end of {@code bytes[off, off + len)}. */
  synchronized void append(byte[] bytes, int off, int len) {
    int skip = Math.max(0, len - CAPACITY);
    off += skip;
    len -= skip;
    written += skip;
    int pos = (int) (written % CAPACITY);
    int first = Math.min(len, CAPACITY - pos);
    System.arraycopy(bytes, off, ring, pos, first);
    System.arraycopy(bytes, off + first, ring, 0, len - first);
    written += len;
  }

  /** The kept bytes as cleaned text: see {@link LogRefs} for what cleaning means. */
  String text() {
    byte[] kept;
    boolean cut;
    synchronized (this) {
      int size = (int) Math.min(written, CAPACITY);
      int start = (int) ((written - size) % CAPACITY);
      kept = new byte[size];
      int first = Math.min(size, CAPACITY - start);
      System.arraycopy(ring, start, kept, 0, first);
      System.arraycopy(ring, 0, kept, first, size - first);
      cut = written > CAPACITY;
    }
    return clean(decode(kept, cut));
  }

  /**
   * UTF-8 with U+FFFD for bad bytes; when the window was {@code cut}, a character torn at its start
   * is dropped.
   */
  static String decode(byte[] bytes, boolean cut) {
    int from = 0;
    while (cut && from < Math.min(3, bytes.length) && (bytes[from] & 0xC0) == 0x80) {
      from++;
    }
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE)
          .decode(ByteBuffer.wrap(bytes, from, bytes.length - from))
          .toString();
    } catch (java.nio.charset.CharacterCodingException e) {
      throw new IllegalStateException("a replacing decoder cannot fail", e);
    }
  }

  /** Removes ANSI escape sequences and control characters but newline and tab; CR becomes LF. */
  static String clean(String text) {
    String noEscapes = ESCAPES.matcher(text).replaceAll("");
    String lines = noEscapes.replace("\r\n", "\n").replace('\r', '\n');
    return CONTROLS.matcher(lines).replaceAll("");
  }
}
