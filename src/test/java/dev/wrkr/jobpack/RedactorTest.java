package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every redaction rule, on lines it must and must not touch, and the word pre-filter against
 * {@link Reference}: the rules as they were before it, every regex run on every line.
 */
class RedactorTest {
  private static String redact(String line) {
    return new String(new Redactor().line(line.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
    "key AKIAABCDEFGHIJKLMNOP end | key [REDACTED:aws_access_key] end",
    "ASIA0123456789ABCDEF | [REDACTED:aws_access_key]",
    "t ghp_abcdefghijklmnopqrstuvwxyz0123456789 | t [REDACTED:github_token]",
    "ghs_ABCDEFGHIJKLMNOPQRSTUVWXYZ0123 x | [REDACTED:github_token] x",
    "github_pat_11ABCDEFG0123456789_abcdefghij | [REDACTED:github_token]",
    "slack xoxb-1234567890-abcdef | slack [REDACTED:slack_token]",
    "OPENAI sk-abcdefghijklmnopqrstuvwx | OPENAI [REDACTED:api_key]",
    "sk-ant-api03-abcdefghijklmnopqrstu | [REDACTED:api_key]",
    "Authorization: Bearer abcdefghijklmnop1234 | Authorization: Bearer [REDACTED:bearer_token]",
    "auth: BEARER eyJhbGciOiJIUzI1NiJ9.abc | auth: BEARER [REDACTED:bearer_token]",
    "password=hunter2hunter | password=[REDACTED:secret_assignment]",
    "`export API_KEY: \"abcdefgh\"` | `export API_KEY: \"[REDACTED:secret_assignment]\"`",
    "Client-Secret = xyz123456 | Client-Secret = [REDACTED:secret_assignment]",
    "PWD: abcdef | PWD: [REDACTED:secret_assignment]",
    "access_key=0123456789 private-key=abcdefgh | access_key=[REDACTED:secret_assignment] private-key=[REDACTED:secret_assignment]",
    "café token=abcdefgh | café token=[REDACTED:secret_assignment]",
  })
  void each_rule_should_replace_the_secret_it_knows(String line, String expected) {
    assertThat(redact(line)).isEqualTo(expected);
  }

  @ParameterizedTest
  @ValueSource(strings = {
    "2026-02-14T03:45:00Z INFO compiled module m12 in 30 ms",
    "AKIAabcdefghijklmnop",
    "AKIAABCDEFGHIJKLMNOPQ",
    "ghx_abcdefghijklmnopqrstuvwxyz0123456789",
    "ghp_short",
    "xoxz-1234567890",
    "sk-short",
    "task-abcdefghijklmnopqrstuvwxyz",
    "bearer short",
    "password=short",
    "tokens=abcdefgh",
    "the token is abcdefgh",
    "-----BEGIN PUBLIC KEY-----",
    "ＡＫＩＡABCDEFGHIJKLMNOP",
    "paſſword=abcdefghij",
    "\u212Aey=abcdefghij",
  })
  void lines_without_a_secret_should_pass_as_the_same_array(String line) {
    byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
    Redactor r = new Redactor();
    assertThat(r.line(bytes)).isSameAs(bytes);
    assertThat(r.redactions()).isZero();
  }

  @Test
  void a_private_key_block_should_be_replaced_line_by_line_up_to_its_end() {
    Redactor r = new Redactor();
    List<String> out = new ArrayList<>();
    for (String l : List.of("before", "-----BEGIN RSA PRIVATE KEY-----", "MIIEowIBAAKCAQEA", "-----END RSA PRIVATE KEY-----",
        "after")) {
      out.add(new String(r.line(l.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8));
    }
    assertThat(out).containsExactly("before", "[REDACTED:private_key]", "[REDACTED:private_key]",
        "[REDACTED:private_key]", "after");
    assertThat(r.redactions()).isEqualTo(3);
  }

  @Test
  void a_secret_replaced_by_one_rule_should_still_be_seen_by_the_next() {
    Redactor r = new Redactor();
    byte[] out = r.line("token = ghp_abcdefghijklmnopqrstuvwxyz0123456789".getBytes(StandardCharsets.UTF_8));
    assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("token = [REDACTED:secret_assignment]");
    assertThat(r.redactions()).isEqualTo(2);
  }

  @Test
  void a_line_that_is_not_utf8_should_pass_unchanged() {
    byte[] bytes = {'p', 'a', 's', 's', 'w', 'o', 'r', 'd', '=', (byte) 0xC3, 'a', 'b', 'c', 'd', 'e', 'f', 'g'};
    Redactor r = new Redactor();
    assertThat(r.line(bytes)).isSameAs(bytes);
    assertThat(r.redactions()).isZero();
  }

  /** The rules' words, independently of the scanner: ASCII text, so chars are bytes. */
  private static final java.util.regex.Pattern ANY_WORD = java.util.regex.Pattern.compile(
      "A[KS]IA|gh[pousr]_|github_pat_|xox|sk-|PRIVATE KEY|(?i:bearer|passw|pwd|secret|token|key)");

  @Test
  void the_first_word_end_should_point_into_the_first_line_that_holds_a_word() {
    Redactor r = new Redactor();
    byte[] plain = "x compiled module m1 in 30 ms".getBytes(StandardCharsets.UTF_8);
    assertThat(r.firstWordEnd(plain, 0, plain.length)).isEqualTo(-1);
    byte[] secret = "x password=abcdefgh".getBytes(StandardCharsets.UTF_8);
    assertThat(r.firstWordEnd(secret, 0, secret.length)).isEqualTo(6);  // the end of "passw"
    assertThat(r.firstWordEnd(secret, 0, 6)).isEqualTo(-1);
    assertThat(r.inPrivateKey()).isFalse();
    r.line("-----BEGIN PRIVATE KEY-----".getBytes(StandardCharsets.UTF_8));
    assertThat(r.inPrivateKey()).isTrue();
  }

  /**
   * Seeded texts of many lines, words placed anywhere (across the halves and windows the scan
   * splits a run into): the first word end must lie on the first line a per-line search finds a
   * word on.
   */
  @Test
  void the_first_word_end_should_agree_with_a_line_by_line_search() {
    long seed = System.nanoTime();
    System.out.println("RedactorTest firstWordEnd seed=" + seed);
    Random random = new Random(seed);
    String[] words = {"AKIA", "ASIA", "ghp_", "github_pat_", "xox", "sk-", "BeArEr", "PASSW", "pwd", "Secret", "TOKEN",
      "key", "PRIVATE KEY"};
    String[] near = {"AKI", "gh_", "github_pa", "xo", "s-k", "beare", "pas", "pw", "secre", "toke", "ke", "PRIVATE"};
    for (int round = 0; round < 2_000; round++) {
      StringBuilder text = new StringBuilder();
      int lines = 1 + random.nextInt(120);
      for (int l = 0; l < lines; l++) {
        int parts = random.nextInt(40);
        for (int p = 0; p < parts; p++) {
          int k = random.nextInt(100);
          text.append(k < 2 ? words[random.nextInt(words.length)] : k < 20 ? near[random.nextInt(near.length)]
              : "abcdefgh ".substring(random.nextInt(9)));
        }
        text.append('\n');
      }
      byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
      int from = random.nextInt(Math.min(bytes.length, 50));
      int expectedLine = -1;
      int lineStart = from;
      for (int i = from; i <= bytes.length; i++) {
        if (i == bytes.length || bytes[i] == '\n') {
          if (ANY_WORD.matcher(text.substring(lineStart, i)).find()) {
            expectedLine = lineStart;
            break;
          }
          lineStart = i + 1;
        }
      }
      int end = new Redactor().firstWordEnd(bytes, from, bytes.length);
      if (expectedLine < 0) {
        assertThat(end).as("seed %d round %d", seed, round).isEqualTo(-1);
      } else {
        assertThat(end).as("seed %d round %d", seed, round).isGreaterThanOrEqualTo(expectedLine);
        int lineEndOfExpected = expectedLine;
        while (lineEndOfExpected < bytes.length && bytes[lineEndOfExpected] != '\n') {
          lineEndOfExpected++;
        }
        assertThat(end).as("seed %d round %d", seed, round).isLessThan(lineEndOfExpected);
      }
    }
  }

  /** Seeded random lines built from rule words, secrets, case changes and non-ASCII look-alikes. */
  @Test
  void the_word_prefilter_should_redact_exactly_what_running_every_rule_does() {
    long seed = System.nanoTime();
    System.out.println("RedactorTest seed=" + seed);
    Random random = new Random(seed);
    String[] parts = {
      "AKIA", "ASIA", "ABCDEFGHIJKLMNOP0123", "gh", "p_", "o_", "github_pat_", "xox", "b-", "sk-", "ant-", "proj-",
      "bearer", "BeArEr", " ", "  ", "\t", "=", ":", "\"", "'", ",", ";", "password", "PASSWD", "pwd", "secret",
      "Token", "api", "_", "-", "key", "KEY", "access", "private", "client", "abcdefghijklmnopqrstuvwxyz",
      "0123456789", "é", "ſ", "\u212A", "İ", "ı", "-----BEGIN ", "-----END ", "RSA ", "PRIVATE KEY-----",
      "[REDACTED:x]", "log line", ".", "/", "~", "+",
    };
    Redactor fast = new Redactor();
    Reference slow = new Reference();
    for (int n = 0; n < 50_000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k >= 0; k--) {
        sb.append(parts[random.nextInt(parts.length)]);
      }
      byte[] line = sb.toString().getBytes(StandardCharsets.UTF_8);
      if (random.nextInt(50) == 0) {
        line[random.nextInt(line.length)] = (byte) 0xFF;
      }
      byte[] expected = slow.line(line.clone());
      assertThat(fast.line(line.clone())).as("seed %d line %s", seed, sb).isEqualTo(expected);
      assertThat(fast.redactions()).as("seed %d line %s", seed, sb).isEqualTo(slow.redactions);
    }
  }

  /** The redactor before the word pre-filter: every regex on every line. */
  private static final class Reference {
    private static final List<Object[]> RULES = List.of(
        new Object[] {"aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0},
        new Object[] {"github_token",
            Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0},
        new Object[] {"slack_token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0},
        new Object[] {"api_key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), 0},
        new Object[] {"bearer_token", Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{16,}"), 1},
        new Object[] {"secret_assignment", Pattern.compile(
            "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)"
                + "\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]{6,}"), 1});
    private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
    private static final Pattern PEM_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");

    private boolean inPrivateKey;
    long redactions;

    byte[] line(byte[] line) {
      String text;
      try {
        text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(line)).toString();
      } catch (CharacterCodingException e) {
        return line;
      }
      if (inPrivateKey || PEM_BEGIN.matcher(text).find()) {
        inPrivateKey = !PEM_END.matcher(text).find();
        redactions++;
        return "[REDACTED:private_key]".getBytes(StandardCharsets.UTF_8);
      }
      String out = text;
      for (Object[] rule : RULES) {
        Matcher m = ((Pattern) rule[1]).matcher(out);
        StringBuilder sb = null;
        while (m.find()) {
          sb = sb == null ? new StringBuilder() : sb;
          String keep = (int) rule[2] > 0 ? m.group((int) rule[2]) : "";
          m.appendReplacement(sb, Matcher.quoteReplacement(keep + "[REDACTED:" + rule[0] + "]"));
          redactions++;
        }
        if (sb != null) {
          m.appendTail(sb);
          out = sb.toString();
        }
      }
      return out.getBytes(StandardCharsets.UTF_8);
    }
  }
}
