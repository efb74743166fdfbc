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
   * regex searches). Words of a case-insensitive rule are lower-case and compared ASCII-folded,
   * exactly as {@code (?i)} without {@code UNICODE_CASE} folds. {@code RedactorTest} checks the
   * pre-filter against running every regex on every line.
   */
  private record Rule(String name, Pattern pattern, int keepGroup, boolean ignoreCase, List<String> words) {}

  private static final List<Rule> RULES = List.of(
      new Rule("aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0, false,
          List.of("AKIA", "ASIA")),
      new Rule("github_token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0,
          false, List.of("ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_")),
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
  private static final Rule PEM = new Rule("private_key", PEM_BEGIN, 0, false, List.of("PRIVATE KEY-----"));

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

  /**
   * True when {@code len} bytes of {@code buf} from {@code off}, as the next line, would come out of
   * {@link #line} unchanged without changing this redactor's state: no rule's words are in it and
   * it is not inside a private-key block. Lets a caller copy such lines in bulk.
   */
  boolean untouched(byte[] buf, int off, int len) {
    return !inPrivateKey && WORDS.find(buf, off, len) == 0;
  }

  /**
   * All rules' words, found in one pass over a line's bytes: a table from each byte to the words
   * that can start with it. UTF-8 never encodes anything but ASCII with ASCII bytes, so finding an
   * ASCII word in the bytes is finding it in the decoded text.
   */
  private static final class Words {
    private final byte[][] words;
    private final boolean[] folded;
    private final long[] ruleBit;
    private final long[] startingWith = new long[256];

    Words() {
      List<Rule> all = new ArrayList<>(RULES);
      all.add(PEM);
      int count = all.stream().mapToInt(r -> r.words().size()).sum();
      if (count > 64) {
        throw new IllegalStateException("more than 64 redaction words");
      }
      words = new byte[count][];
      folded = new boolean[count];
      ruleBit = new long[count];
      int k = 0;
      for (Rule rule : all) {
        for (String w : rule.words()) {
          words[k] = w.getBytes(StandardCharsets.US_ASCII);
          folded[k] = rule.ignoreCase();
          ruleBit[k] = mask(rule);
          startingWith[words[k][0] & 0xFF] |= 1L << k;
          if (rule.ignoreCase()) {
            startingWith[Character.toUpperCase(words[k][0]) & 0xFF] |= 1L << k;
          }
          k++;
        }
      }
    }

    /** The bits ({@link #mask}) of the rules whose words occur in the bytes. */
    long find(byte[] buf, int off, int len) {
      long found = 0;
      int end = off + len;
      for (int i = off; i < end; i++) {
        long candidates = startingWith[buf[i] & 0xFF];
        while (candidates != 0) {
          int k = Long.numberOfTrailingZeros(candidates);
          candidates &= candidates - 1;
          if (at(buf, i, end, words[k], folded[k])) {
            found |= ruleBit[k];
          }
        }
      }
      return found;
    }

    private static boolean at(byte[] buf, int i, int end, byte[] word, boolean fold) {
      if (end - i < word.length) {
        return false;
      }
      for (int j = 1; j < word.length; j++) {
        int c = buf[i + j];
        if (fold && c >= 'A' && c <= 'Z') {
          c += 'a' - 'A';
        }
        if (c != word[j]) {
          return false;
        }
      }
      return true;
    }

    static long mask(Rule rule) {
      return rule == PEM ? 1L << RULES.size() : 1L << RULES.indexOf(rule);
    }
  }
}
