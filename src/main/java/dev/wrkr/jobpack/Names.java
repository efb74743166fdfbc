package dev.wrkr.jobpack;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;

/** Entry-name order of jobpacks: Go's {@code sort.Strings}, i.e. by UTF-8 bytes, not UTF-16 units. */
final class Names {
  static final Comparator<String> ORDER = (a, b) ->
      Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));

  private Names() {}
}
