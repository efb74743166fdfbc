package dev.wrkr.jobpack;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ticket footer a reviewer pastes into a PR or incident (reference §6.6):
 * {@code WRKR job_id=<id> manifest=sha256:<hex> verify="wrkr verify <id>"}.
 */
public record Footer(String jobId, String manifestSha256, String verifyTarget) {
  private static final Pattern FORMAT = Pattern.compile(
      "^WRKR job_id=([a-zA-Z0-9._-]+) manifest=sha256:([a-f0-9]{64}) verify=\"wrkr verify ([^\"]+)\"$");

  /** The footer of a jobpack. */
  public static String format(String jobId, String manifestSha256) {
    return "WRKR job_id=" + jobId + " manifest=sha256:" + manifestSha256 + " verify=\"wrkr verify " + jobId + "\"";
  }

  /**
   * Parses a footer line (surrounding whitespace ignored).
   *
   * @throws WrkrException {@code E_INVALID_INPUT_SCHEMA} "invalid ticket footer format"
   */
  public static Footer parse(String line) {
    Matcher m = FORMAT.matcher(line == null ? "" : line.strip());
    if (!m.matches()) {
      throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "invalid ticket footer format",
          Map.of("footer", line == null ? "" : line.strip()));
    }
    return new Footer(m.group(1), m.group(2), m.group(3));
  }
}
