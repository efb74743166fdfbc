package dev.wrkr.spec;

import java.io.Reader;
import java.util.Objects;

/**
 * Reads a string without ever ending a read between the two halves of a surrogate pair.
 *
 * <p>Works around snakeyaml-engine 3.0.1: when a read fills its buffer and the last char is a high
 * surrogate, {@code StreamReader} reads one more char past the end of its array and throws
 * IndexOutOfBoundsException, so a valid file with an emoji at char 1024 could not be loaded
 * (found by {@code JobSpecFuzzTest}; guarded by {@code
 * JobSpecSyntaxTest.an_astral_character_at_the_parser_buffer_edge_should_load}).
 */
final class PairSafeReader extends Reader {
  private final String text;
  private int position;

  PairSafeReader(String text) {
    this.text = Objects.requireNonNull(text, "text");
  }

  @Override
  public int read(char[] buffer, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, buffer.length);
    if (length == 0) {
      return 0;
    }
    int count = Math.min(length, text.length() - position);
    if (count <= 0) {
      return -1;
    }
    if (count > 1 && Character.isHighSurrogate(text.charAt(position + count - 1))) {
      count--;
    }
    text.getChars(position, position + count, buffer, offset);
    position += count;
    return count;
  }

  @Override
  public void close() {
    // Nothing to release.
  }
}
