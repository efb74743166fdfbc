package dev.wrkr.jobpack;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
  private record Rule(String name, Pattern pattern, int keepGroup) {}

  private static final List<Rule> RULES = List.of(
      new Rule("aws_access_key", Pattern.compile("\\b(?:AKIA|ASIA)[0-9A-Z]{16}\\b"), 0),
      new Rule("github_token", Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{22,})"), 0),
      new Rule("slack_token", Pattern.compile("\\bxox[abposr]-[A-Za-z0-9-]{10,}"), 0),
      new Rule("api_key", Pattern.compile("\\bsk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}"), 0),
      new Rule("bearer_token", Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{16,}"), 1),
      new Rule("secret_assignment", Pattern.compile(
          "(?i)(\\b(?:password|passwd|pwd|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|client[_-]?secret)"
              + "\\b[\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;]{6,}"), 1));

  private static final Pattern PEM_BEGIN = Pattern.compile("-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----");
  private static final Pattern PEM_END = Pattern.compile("-----END [A-Z0-9 ]*PRIVATE KEY-----");

  private boolean inPrivateKey;
  private long redactions;

  /** How many secrets were replaced so far. */
  long redactions() {
    return redactions;
  }

  /** The line (without its terminator) with its secrets replaced; the same array if none. */
  byte[] line(byte[] line) {
    String text = decode(line);
    if (text == null) {
      return line;
    }
    if (inPrivateKey || PEM_BEGIN.matcher(text).find()) {
      boolean ends = PEM_END.matcher(text).find();
      inPrivateKey = !ends;
      redactions++;
      return "[REDACTED:private_key]".getBytes(StandardCharsets.UTF_8);
    }
    String out = text;
    for (Rule rule : RULES) {
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

  private static String decode(byte[] line) {
    try {
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(line)).toString();
    } catch (CharacterCodingException e) {
      return null;
    }
  }
}
