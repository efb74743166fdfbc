package dev.wrkr.cli;

import java.util.Map;

/** Who is acting: the flag, else {@code WRKR_APPROVED_BY}, else {@code USER}, else {@code unknown}. */
final class Approver {
  private Approver() {}

  static String resolve(String flag, Map<String, String> env) {
    for (String candidate : new String[] {flag, env.get("WRKR_APPROVED_BY"), env.get("USER")}) {
      if (candidate != null && !candidate.isBlank()) {
        return candidate.strip();
      }
    }
    return "unknown";
  }
}
