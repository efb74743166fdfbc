package dev.wrkr.codec;

/**
 * String escaping for the two ways we write JSON: canonical (RFC 8785: as ECMAScript {@code
 * JSON.stringify}) and Go's {@code encoding/json} (the same, plus {@code <}, {@code >}, {@code &},
 * U+2028 and U+2029 as {@code \\uXXXX}, and a lone surrogate as {@code \\ufffd}).
 */
final class JsonStrings {
  private static final String HEX = "0123456789abcdef";

  private JsonStrings() {}

  /** Appends {@code s} quoted for a canonical file; the caller has refused lone surrogates. */
  static void appendCanonical(StringBuilder out, String s) {
    append(out, s, false);
  }

  /** Appends {@code s} quoted as Go's encoder writes it (HTML-safe). */
  static void appendGo(StringBuilder out, String s) {
    append(out, s, true);
  }

  private static void append(StringBuilder out, String s, boolean go) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20 || (go && isHtmlUnsafe(c))) {
            unicodeEscape(out, c);
          } else if (go && Character.isSurrogate(c)) {
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
              out.append(c).append(s.charAt(++i));
            } else {
              out.append("\\ufffd");
            }
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private static boolean isHtmlUnsafe(char c) {
    return c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029';
  }

  private static void unicodeEscape(StringBuilder out, char c) {
    out.append("\\u")
        .append(HEX.charAt(c >> 12 & 0xf))
        .append(HEX.charAt(c >> 8 & 0xf))
        .append(HEX.charAt(c >> 4 & 0xf))
        .append(HEX.charAt(c & 0xf));
  }
}
