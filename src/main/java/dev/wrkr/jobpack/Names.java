package dev.wrkr.jobpack;

import dev.wrkr.codec.Utf8Order;
import java.util.Comparator;

/** Entry-name order of jobpacks: Go's {@code sort.Strings}, i.e. by UTF-8 bytes, not UTF-16 units. */
final class Names {
  static final Comparator<String> ORDER = Utf8Order.COMPARATOR;

  private Names() {}
}
