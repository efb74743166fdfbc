package dev.wrkr.jobpack;

import dev.wrkr.codec.Utf8;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Secret redaction for raw artifact capture ({@code --unsafe-capture-raw}), line by line so a
 * file of any size streams through it. Each rule replaces the secret (not the whole line) with
 * {@code [REDACTED:<rule>]}; lines inside a PEM private-key block are replaced whole. A line that
 * is not valid UTF-8 passes unchanged: the caller treats files that look binary as not
 * redactable. The rules are listed in {@code docs/jobpack.md}.
 */
final class Redactor {
  /**
   * A rule, and the literal words every one of its matches contains: a line holding none of them
   * cannot match, so its regex is not run (redaction costs a scan of the line instead of six
   * regex searches). A word is ASCII and may hold byte classes ({@code [KS]}); words of a
   * case-insensitive rule are lower-case and compared ASCII-folded, exactly as {@code (?i)} without
   * {@code UNICODE_CASE} folds. {@code RedactorTest} checks the pre-filter against running every
   * regex on every line.
   */
  private record Rule(String name, Pattern pattern, int keepGroup, boolean ignoreCase, List<String> words) {}

  private static final List<Rule> RULES = List.of(
      new Rule("aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0, false,
          List.of("A[KS]IA")),
      new Rule("github_token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0,
          false, List.of("gh[pousr]_", "github_pat_")),
      new Rule("slack_token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0, false, List.of("xox")),
      new Rule("api_key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), 0, false, List.of("sk-")),
      new Rule("bearer_token", Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{16,}"), 1, true,
          List.of("bearer")),
      new Rule("secret_assignment", Pattern.compile(
          "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)"
              + "\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]{6,}"), 1, true,
          List.of("passw", "pwd", "secret", "token", "key")));

  private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
  private static final Pattern PEM_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");
  /** In every match of {@link #PEM_BEGIN}. */
  private static final Rule PEM = new Rule("private_key", PEM_BEGIN, 0, false, List.of("PRIVATE KEY"));

  private static final Words WORDS = new Words();

  private boolean inPrivateKey;
  private long redactions;

  /** How many secrets were replaced so far. */
  long redactions() {
    return redactions;
  }

  /** The line (without its terminator) with its secrets replaced; the same array if none. */
  byte[] line(byte[] line) {
    long found = inPrivateKey ? 0 : WORDS.find(line, 0, line.length);
    if (!inPrivateKey && found == 0) {
      return line;
    }
    String text = Utf8.decode(line).orElse(null);
    if (text == null) {
      return line;
    }
    if (inPrivateKey || (found & Words.mask(PEM)) != 0 && PEM_BEGIN.matcher(text).find()) {
      boolean ends = PEM_END.matcher(text).find();
      inPrivateKey = !ends;
      redactions++;
      return "[REDACTED:private_key]".getBytes(StandardCharsets.UTF_8);
    }
    String out = text;
    for (Rule rule : RULES) {
      // Once a rule has replaced something, the text has changed ("[REDACTED:github_token]" holds
      // "token"): the words found in the original line no longer say anything.
      if (out == text && (found & Words.mask(rule)) == 0) {
        continue;
      }
      Matcher m = rule.pattern().matcher(out);
      StringBuilder sb = null;
      while (m.find()) {
        sb = sb == null ? new StringBuilder(out.length()) : sb;
        String keep = rule.keepGroup() > 0 ? m.group(rule.keepGroup()) : "";
        m.appendReplacement(sb, Matcher.quoteReplacement(keep + "[REDACTED:" + rule.name() + "]"));
        redactions++;
      }
      if (sb != null) {
        m.appendTail(sb);
        out = sb.toString();
      }
    }
    return out == text ? line : out.getBytes(StandardCharsets.UTF_8);
  }

  /** True inside a private-key block: every line until its end is replaced whole. */
  boolean inPrivateKey() {
    return inPrivateKey;
  }

  /**
   * Where the first line of {@code buf[from, to)} holding a rule word is: the index of the last
   * byte of a word occurrence on that line, or -1 when no word occurs. Every line before that
   * line comes out of {@link #line} unchanged unless {@link #inPrivateKey}, so a caller copies
   * them in bulk without splitting them. Words never span lines.
   */
  int firstWordEnd(byte[] buf, int from, int to) {
    return WORDS.firstEnd(buf, from, to);
  }

  /**
   * All rules' words, found in one pass over a line's bytes by a shift-and automaton (Baeza-Yates
   * and Gonnet): bit {@code j} of {@code state} is set when the bytes just read match the first
   * {@code j}-th positions of the word that owns bit {@code j}, so each byte costs a table load,
   * a shift, an or and an and, with no branch taken on ordinary text. A word may hold byte classes
   * ({@code [KS]}); words of case-insensitive rules match either ASCII case, exactly as
   * {@code (?i)} without {@code UNICODE_CASE} folds. UTF-8 never encodes anything but ASCII with
   * ASCII bytes, so finding an ASCII word in the bytes is finding it in the decoded text.
   *
   * <p>Hand-written: the previous per-byte table of word starts spent most of a raw export on the
   * common letters that start words ({@code s}, {@code t}, {@code k} …); this runs at a few cycles
   * per byte whatever the text (docs/performance.md, "Jobpacks").
   */
  private static final class Words {
    private static final int WINDOW = 4096;
    /** Bit j set in {@code accepts[b]} when byte b may stand at position j. */
    private final long[] accepts = new long[256];
    private final long starts;
    private final long ends;
    /** The longest word, in bytes. */
    private final int longest;
    /** The rule bit ({@link #mask}) of the word ending at each bit. */
    private final long[] ruleOfEnd = new long[64];

    Words() {
      List<Rule> all = new ArrayList<>(RULES);
      all.add(PEM);
      long s = 0;
      long e = 0;
      int bit = 0;
      int max = 0;
      for (Rule rule : all) {
        for (String word : rule.words()) {
          List<String> positions = positions(word);
          max = Math.max(max, positions.size());
          if (bit + positions.size() > 64) {
            throw new IllegalStateException("redaction words need more than 64 positions: shorten one or widen Words");
          }
          s |= 1L << bit;
          for (String allowed : positions) {
            for (char c : allowed.toCharArray()) {
              accepts[c] |= 1L << bit;
              if (rule.ignoreCase()) {
                accepts[Character.toUpperCase(c)] |= 1L << bit;
                accepts[Character.toLowerCase(c)] |= 1L << bit;
              }
            }
            bit++;
          }
          e |= 1L << (bit - 1);
          ruleOfEnd[bit - 1] = mask(rule);
        }
      }
      starts = s;
      ends = e;
      longest = max;
    }

    /** The bytes allowed at each position of {@code word}: a character, or a class {@code [..]}. */
    private static List<String> positions(String word) {
      List<String> out = new ArrayList<>();
      for (int i = 0; i < word.length(); i++) {
        char c = word.charAt(i);
        if (c > 0x7e) {
          throw new IllegalStateException("redaction words are ASCII: " + word);
        }
        if (c == '[') {
          int close = word.indexOf(']', i);
          out.add(word.substring(i + 1, close));
          i = close;
        } else {
          out.add(String.valueOf(c));
        }
      }
      return out;
    }

    /** The bits ({@link #mask}) of the rules whose words occur in the bytes. */
    long find(byte[] buf, int off, int len) {
      return scan(buf, off, off + len);
    }

    /**
     * The smallest end index of a word occurrence starting in the first window of {@link #WINDOW}
     * bytes that has one, or -1. Each window is read as two halves at once — two independent
     * automata, so the processor overlaps their dependency chains — each reading on past its half
     * by one word length less one byte, so a word starting in a half is seen whole. Windows bound
     * the work wasted past a match when matches are dense.
     */
    int firstEnd(byte[] buf, int from, int to) {
      for (int w = from; w < to; w += WINDOW) {
        int wEnd = Math.min(to, w + WINDOW);
        int found = window(buf, w, wEnd, Math.min(to, wEnd + longest - 1));
        if (found >= 0) {
          return found;
        }
      }
      return -1;
    }

    /** Occurrences starting in {@code [w, wEnd)}, read up to {@code scanEnd}. */
    private int window(byte[] buf, int w, int wEnd, int scanEnd) {
      int half = (wEnd - w) / 2;
      if (half < longest) {
        return first(buf, w, scanEnd);
      }
      int mid = w + half;
      int aEnd = mid + longest - 1;
      long[] table = accepts;
      long s = starts;
      long e = ends;
      long a = 0;
      long b = 0;
      int bFirst = -1;
      int i = w;
      int j = mid;
      int steps = Math.min(aEnd - w, scanEnd - mid);
      for (int k = 0; k < steps; k++, i++, j++) {
        a = ((a << 1) | s) & table[buf[i] & 0xFF];
        b = ((b << 1) | s) & table[buf[j] & 0xFF];
        if (((a | b) & e) != 0) {
          if ((a & e) != 0) {
            return bFirst >= 0 ? Math.min(bFirst, i) : i;
          }
          if (bFirst < 0) {
            bFirst = j;
          }
        }
        if (bFirst >= 0 && i >= bFirst) {
          return bFirst;
        }
      }
      for (; i < aEnd; i++) {
        a = ((a << 1) | s) & table[buf[i] & 0xFF];
        if ((a & e) != 0) {
          return bFirst >= 0 ? Math.min(bFirst, i) : i;
        }
      }
      if (bFirst >= 0) {
        return bFirst;
      }
      for (; j < scanEnd; j++) {
        b = ((b << 1) | s) & table[buf[j] & 0xFF];
        if ((b & e) != 0) {
          return j;
        }
      }
      return -1;
    }

    private int first(byte[] buf, int from, int to) {
      long state = 0;
      for (int i = from; i < to; i++) {
        state = ((state << 1) | starts) & accepts[buf[i] & 0xFF];
        if ((state & ends) != 0) {
          return i;
        }
      }
      return -1;
    }

    private long scan(byte[] buf, int from, int to) {
      long found = 0;
      long state = 0;
      for (int i = from; i < to; i++) {
        state = ((state << 1) | starts) & accepts[buf[i] & 0xFF];
        if ((state & ends) != 0) {
          found |= rules(state & ends);
        }
      }
      return found;
    }

    private long rules(long matchedEnds) {
      long out = 0;
      for (long m = matchedEnds; m != 0; m &= m - 1) {
        out |= ruleOfEnd[Long.numberOfTrailingZeros(m)];
      }
      return out;
    }

    static long mask(Rule rule) {
      return rule == PEM ? 1L << RULES.size() : 1L << RULES.indexOf(rule);
    }
  }
}
