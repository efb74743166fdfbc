package dev.wrkr.codec;

/**
 * A small pull reader of RFC 8259 JSON text, for the few documents that a short-lived command
 * reads on its hot path (job snapshots, checkpoint payloads). It exists because the first parser
 * Jackson creates in a JVM initializes {@link java.math.BigDecimal}, which alone costs a cold
 * {@code wrkr status} about 12 ms (docs/performance.md, "Dispatch"); this reader needs no such
 * class.
 *
 * <p>Strict: anything that is not RFC 8259 JSON (comments, single quotes, trailing commas,
 * leading zeros, raw control characters in strings, text after the value) throws {@link
 * IllegalArgumentException}, as do integers outside {@code long} and numbers outside {@code
 * double}. Callers fall back to the strict mapper ({@link Json}) for what this reader refuses, so
 * the two never disagree on what a document means. Duplicate names are not detected here; callers
 * check the names they take.
 */
public final class JsonPull {
  /** What {@link #nextToken} found. Object names come from {@link #nextName}. */
  public enum Token { START_OBJECT, END_OBJECT, START_ARRAY, END_ARRAY, STRING, INT, FLOAT, TRUE, FALSE, NULL }

  private static final int MAX_DEPTH = 64;

  private final String s;
  private int i;
  private final boolean[] inObject = new boolean[MAX_DEPTH];
  private final boolean[] first = new boolean[MAX_DEPTH];
  private int depth;
  private boolean afterName;
  private boolean done;
  private String text;
  private long longValue;
  private double doubleValue;

  /**
   * The value of {@code json}, the text of one JSON string as a database's JSON functions render
   * it (valid JSON, no space around it); null when it is not a string. One without escapes is cut
   * out of the text directly, without checking it further.
   */
  public static String unquote(String json) {
    int last = json.length() - 1;
    if (last < 1 || json.charAt(0) != '"' || json.charAt(last) != '"') {
      return null;
    }
    if (json.indexOf('\\') < 0) {
      return json.substring(1, last);
    }
    try {
      JsonPull p = new JsonPull(json);
      return p.nextToken() == Token.STRING && p.nextToken() == null ? p.string() : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  public JsonPull(String json) {
    this.s = json;
  }

  /**
   * The next value's first token, or {@code END_ARRAY} at the end of an array, {@code END_OBJECT}
   * at the end of an object whose names are not being read, and null at the end of the text.
   */
  public Token nextToken() {
    skipSpace();
    if (depth == 0) {
      if (done) {
        if (i == s.length()) {
          return null;
        }
        throw bad("text after the value");
      }
    } else if (!inObject[depth - 1]) {
      if (peek() == ']') {
        i++;
        return close();
      }
      separator();
    } else if (afterName) {
      afterName = false;
    } else if (peek() == '}') {
      i++;
      return close();
    } else {
      throw bad("a name was expected");
    }
    return value();
  }

  /** The next name of the current object, with its colon read; null (and the object closed) at its end. */
  public String nextName() {
    if (depth == 0 || !inObject[depth - 1] || afterName) {
      throw bad("not before a name");
    }
    skipSpace();
    if (peek() == '}') {
      i++;
      close();
      return null;
    }
    separator();
    if (peek() != '"') {
      throw bad("a name was expected");
    }
    i++;
    String name = readString();
    skipSpace();
    expect(':');
    afterName = true;
    return name;
  }

  /** The text of the last {@code STRING}. */
  public String string() {
    return text;
  }

  /** The value of the last {@code INT}. */
  public long longValue() {
    return longValue;
  }

  /** The value of the last {@code INT} or {@code FLOAT}. */
  public double doubleValue() {
    return doubleValue;
  }

  private Token close() {
    depth--;
    if (depth == 0) {
      done = true;
    }
    return inObject[depth] ? Token.END_OBJECT : Token.END_ARRAY;
  }

  private void separator() {
    if (first[depth - 1]) {
      first[depth - 1] = false;
    } else {
      expect(',');
      skipSpace();
    }
  }

  private Token value() {
    char c = peek();
    Token t;
    switch (c) {
      case '{', '[' -> {
        if (depth == MAX_DEPTH) {
          throw bad("nested too deep");
        }
        i++;
        inObject[depth] = c == '{';
        first[depth] = true;
        depth++;
        return c == '{' ? Token.START_OBJECT : Token.START_ARRAY;
      }
      case '"' -> {
        i++;
        text = readString();
        t = Token.STRING;
      }
      case 't' -> t = literal("true", Token.TRUE);
      case 'f' -> t = literal("false", Token.FALSE);
      case 'n' -> t = literal("null", Token.NULL);
      default -> t = number();
    }
    if (depth == 0) {
      done = true;
    }
    return t;
  }

  private Token literal(String word, Token t) {
    if (!s.startsWith(word, i)) {
      throw bad("unknown literal");
    }
    i += word.length();
    return t;
  }

  private Token number() {
    int start = i;
    if (peek() == '-') {
      i++;
    }
    char c = peek();
    if (c == '0') {
      i++;
    } else if (c >= '1' && c <= '9') {
      digits();
    } else {
      throw bad("a value was expected");
    }
    boolean integer = true;
    if (i < s.length() && s.charAt(i) == '.') {
      integer = false;
      i++;
      requireDigit();
      digits();
    }
    if (i < s.length() && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      integer = false;
      i++;
      if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
        i++;
      }
      requireDigit();
      digits();
    }
    String number = s.substring(start, i);
    if (integer) {
      try {
        longValue = Long.parseLong(number);
      } catch (NumberFormatException e) {
        throw bad("integer outside 64 bits");
      }
      doubleValue = longValue;
      return Token.INT;
    }
    doubleValue = Double.parseDouble(number);
    if (Double.isInfinite(doubleValue)) {
      throw bad("number outside the double range");
    }
    return Token.FLOAT;
  }

  private void requireDigit() {
    char c = peek();
    if (c < '0' || c > '9') {
      throw bad("a digit was expected");
    }
  }

  private void digits() {
    while (i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
      i++;
    }
  }

  /** The rest of a string whose opening quote was read. */
  private String readString() {
    StringBuilder out = null;
    int run = i;
    while (true) {
      if (i >= s.length()) {
        throw bad("unterminated string");
      }
      char c = s.charAt(i);
      if (c == '"') {
        String tail = s.substring(run, i++);
        return out == null ? tail : out.append(tail).toString();
      }
      if (c < 0x20) {
        throw bad("raw control character in a string");
      }
      if (c != '\\') {
        i++;
        continue;
      }
      if (out == null) {
        out = new StringBuilder();
      }
      out.append(s, run, i);
      i++;
      out.append(escape());
      run = i;
    }
  }

  private char escape() {
    char e = peek();
    i++;
    return switch (e) {
      case '"' -> '"';
      case '\\' -> '\\';
      case '/' -> '/';
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> {
        if (i + 4 > s.length()) {
          throw bad("short \\u escape");
        }
        int v = 0;
        for (int k = 0; k < 4; k++) {
          int d = hex(s.charAt(i++));
          if (d < 0) {
            throw bad("bad \\u escape");
          }
          v = v * 16 + d;
        }
        yield (char) v;
      }
      default -> throw bad("bad escape");
    };
  }

  /** ASCII hex digits only: {@link Character#digit} would take other scripts' digits. */
  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }

  private void skipSpace() {
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      i++;
    }
  }

  private char peek() {
    if (i >= s.length()) {
      throw bad("unexpected end of the text");
    }
    return s.charAt(i);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw bad("'" + c + "' was expected");
    }
    i++;
  }

  private IllegalArgumentException bad(String problem) {
    return new IllegalArgumentException("not plain JSON at character " + i + ": " + problem);
  }
}
