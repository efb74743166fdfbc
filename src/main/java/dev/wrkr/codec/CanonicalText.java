package dev.wrkr.codec;

/**
 * Recognises JSON text that is already in the canonical form {@link Canonical} writes, so a
 * caller can copy it instead of parsing and re-serialising it (ledger payloads are stored
 * canonical; a jobpack's {@code events.jsonl} embeds 100,000 of them).
 *
 * <p>Conservative by design: it says "canonical" only for text it is sure {@link Canonical} would
 * reproduce byte for byte — no whitespace, object members in strictly increasing {@link
 * String#compareTo} order, names without escapes, strings escaped exactly as {@code
 * JSON.stringify} does, integers of at most 15 digits (all exact in a double, printed as
 * themselves), other numbers exactly in the ECMAScript form of their double, depth at most 64.
 * Anything else — longer integers, other escapes — is "not known canonical" and the caller takes
 * the general path; {@code
 * CanonicalTextTest} checks both answers against {@link Canonical} on random trees.
 *
 * <p>Hand-written: Jackson can only tell us what a text means, not whether its bytes are the
 * canonical ones.
 */
public final class CanonicalText {
  /** {@link #scanObject}: the text is not known to be a canonical JSON object. */
  public static final int NOT_CANONICAL = -1;
  /** {@link #scanObject}: canonical object without the named top-level member. */
  public static final int ABSENT = 0;
  /** {@link #scanObject}: canonical object whose named top-level member is {@code true}. */
  public static final int TRUE = 1;
  /** {@link #scanObject}: canonical object whose named top-level member is {@code false}. */
  public static final int FALSE = 2;
  /** {@link #scanObject}: canonical object whose named top-level member is not a boolean. */
  public static final int OTHER = 3;

  private static final int MAX_DEPTH = 64;
  private static final int MAX_INTEGER_DIGITS = 15;

  private CanonicalText() {}

  /**
   * Whether {@code text} is a canonical JSON object and, if so, what its top-level member
   * {@code member} holds: {@link #NOT_CANONICAL}, {@link #ABSENT}, {@link #TRUE}, {@link #FALSE}
   * or {@link #OTHER}.
   */
  public static int scanObject(String text, String member) {
    if (text.isEmpty() || text.charAt(0) != '{') {
      return NOT_CANONICAL;
    }
    Scanner scanner = new Scanner(text, member);
    int end = scanner.object(0, 1);
    return end == text.length() ? scanner.memberValue : NOT_CANONICAL;
  }

  /**
   * True when {@code s} is written as itself between quotes: printable ASCII other than {@code "}
   * and {@code \}.
   */
  public static boolean isPlainString(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x20 || c > 0x7e || c == '"' || c == '\\') {
        return false;
      }
    }
    return true;
  }

  /** One pass over a text; each method returns the index after what it read, or -1. */
  private static final class Scanner {
    private final String s;
    private final int n;
    private final String member;
    private int memberValue = ABSENT;

    Scanner(String s, String member) {
      this.s = s;
      this.n = s.length();
      this.member = member;
    }

    private int value(int i, int depth) {
      if (i >= n) {
        return -1;
      }
      return switch (s.charAt(i)) {
        case '{' -> object(i, depth + 1);
        case '[' -> array(i, depth + 1);
        case '"' -> string(i);
        case 't' -> literal(i, "true");
        case 'f' -> literal(i, "false");
        case 'n' -> literal(i, "null");
        default -> number(i);
      };
    }

    int object(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      i++;
      if (i < n && s.charAt(i) == '}') {
        return i + 1;
      }
      int previousName = -1;
      int previousEnd = -1;
      while (true) {
        int nameEnd = name(i);
        if (nameEnd < 0 || nameEnd >= n || s.charAt(nameEnd) != ':') {
          return -1;
        }
        if (previousName >= 0 && compare(previousName + 1, previousEnd - 1, i + 1, nameEnd - 1) >= 0) {
          return -1;  // out of order, or a duplicate
        }
        previousName = i;
        previousEnd = nameEnd;
        int valueStart = nameEnd + 1;
        int valueEnd = value(valueStart, depth);
        if (valueEnd < 0 || valueEnd >= n) {
          return -1;
        }
        if (depth == 1 && isMember(i + 1, nameEnd - 1)) {
          memberValue = is(valueStart, valueEnd, "true") ? TRUE : is(valueStart, valueEnd, "false") ? FALSE : OTHER;
        }
        char c = s.charAt(valueEnd);
        if (c == '}') {
          return valueEnd + 1;
        }
        if (c != ',') {
          return -1;
        }
        i = valueEnd + 1;
      }
    }

    private int array(int i, int depth) {
      if (depth > MAX_DEPTH) {
        return -1;
      }
      i++;
      if (i < n && s.charAt(i) == ']') {
        return i + 1;
      }
      while (true) {
        i = value(i, depth);
        if (i < 0 || i >= n) {
          return -1;
        }
        char c = s.charAt(i);
        if (c == ']') {
          return i + 1;
        }
        if (c != ',') {
          return -1;
        }
        i++;
      }
    }

    /** A member name: a string without escapes, so its text is its value. */
    private int name(int i) {
      if (i >= n || s.charAt(i) != '"') {
        return -1;
      }
      for (int j = i + 1; j < n; j++) {
        char c = s.charAt(j);
        if (c == '"') {
          return j + 1;
        }
        if (c < 0x20 || c == '\\' || Character.isSurrogate(c) && !pair(j++)) {
          return -1;
        }
      }
      return -1;
    }

    private int string(int i) {
      for (int j = i + 1; j < n; j++) {
        char c = s.charAt(j);
        if (c == '"') {
          return j + 1;
        }
        if (c < 0x20) {
          return -1;
        }
        if (c == '\\') {
          int len = escape(j);
          if (len < 0) {
            return -1;
          }
          j += len - 1;
        } else if (Character.isSurrogate(c) && !pair(j++)) {
          return -1;
        }
      }
      return -1;
    }

    /** The length of the escape at {@code j} if it is the one {@code JSON.stringify} writes, or -1. */
    private int escape(int j) {
      if (j + 1 >= n) {
        return -1;
      }
      return switch (s.charAt(j + 1)) {
        case '"', '\\', 'b', 'f', 'n', 'r', 't' -> 2;
        case 'u' -> {
          if (j + 5 >= n || s.charAt(j + 2) != '0' || s.charAt(j + 3) != '0') {
            yield -1;
          }
          int hi = lowerHex(s.charAt(j + 4));
          int lo = lowerHex(s.charAt(j + 5));
          int code = hi < 0 || lo < 0 ? -1 : hi << 4 | lo;
          boolean shortForm = code == '\b' || code == '\f' || code == '\n' || code == '\r' || code == '\t';
          yield code >= 0 && code < 0x20 && !shortForm ? 6 : -1;
        }
        default -> -1;
      };
    }

    private static int lowerHex(char c) {
      if (c >= '0' && c <= '9') {
        return c - '0';
      }
      return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
    }

    /** True when a high surrogate at {@code j} is followed by a low one (the caller skips it). */
    private boolean pair(int j) {
      return Character.isHighSurrogate(s.charAt(j)) && j + 1 < n && Character.isLowSurrogate(s.charAt(j + 1));
    }

    private int number(int i) {
      int j = i;
      if (s.charAt(j) == '-') {
        j++;
      }
      if (j >= n) {
        return -1;
      }
      char first = s.charAt(j);
      if (first == '0') {
        if (j > i) {
          return -1;  // -0 is written 0
        }
        j++;
      } else if (first >= '1' && first <= '9') {
        int start = j;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
        if (j - start > MAX_INTEGER_DIGITS) {
          return -1;
        }
      } else {
        return -1;
      }
      if (j < n && isDigit(s.charAt(j))) {
        return -1;
      }
      if (j < n && (s.charAt(j) == '.' || s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
        return fraction(i, j);
      }
      return j;
    }

    /**
     * A number with a fraction or exponent from {@code i}, its integer part read up to {@code j}:
     * canonical when it is exactly the ECMAScript form of its double, as {@link Canonical} prints it.
     */
    private int fraction(int i, int j) {
      if (s.charAt(j) == '.') {
        int digits = ++j;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
        if (j == digits) {
          return -1;
        }
      }
      if (j < n && (s.charAt(j) == 'e' || s.charAt(j) == 'E')) {
        j++;
        if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
          j++;
        }
        int digits = j;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
        if (j == digits) {
          return -1;
        }
      }
      String text = s.substring(i, j);
      try {
        return EcmaNumbers.format(Double.parseDouble(text)).equals(text) ? j : -1;
      } catch (IllegalArgumentException e) {
        return -1;  // not finite: refused by Canonical
      }
    }

    private static boolean isDigit(char c) {
      return c >= '0' && c <= '9';
    }

    private int literal(int i, String literal) {
      return s.startsWith(literal, i) ? i + literal.length() : -1;
    }

    private boolean is(int from, int to, String literal) {
      return to - from == literal.length() && s.startsWith(literal, from);
    }

    private boolean isMember(int from, int to) {
      return to - from == member.length() && s.startsWith(member, from);
    }

    /** {@link String#compareTo} of {@code s[a0, a1)} and {@code s[b0, b1)}. */
    private int compare(int a0, int a1, int b0, int b1) {
      int len = Math.min(a1 - a0, b1 - b0);
      for (int k = 0; k < len; k++) {
        char x = s.charAt(a0 + k);
        char y = s.charAt(b0 + k);
        if (x != y) {
          return x - y;
        }
      }
      return (a1 - a0) - (b1 - b0);
    }
  }
}
