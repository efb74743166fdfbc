package dev.wrkr.codec;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/**
 * Strings ordered by their UTF-8 bytes, as Go's {@code sort.Strings} orders them (Java's natural
 * order compares UTF-16 units, which differs above U+FFFF). Used wherever Wrkr sorts paths or ids.
 */
public final class Utf8Order {
  public static final Comparator<String> COMPARATOR = (a, b) ->
      Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Utf8Order() {}
}
