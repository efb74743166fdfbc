package dev.wrkr.report;

import java.util.List;

/**
 * The markdown of {@code report github}, exactly Wrkr's (reference §8.1), plus one section of
 * ours — artifacts the jobpack reports missing — that appears only when there are some.
 */
final class SummaryMarkdown {
  static final int LIMIT = 5;

  private SummaryMarkdown() {}

  /** One acceptance failure as the jobpack's accept result records it. */
  record Failure(String check, String message, String artifact) {}

  record Input(String jobId, String status, long checksRun, long checksPassed, List<Failure> failures,
      String finalCheckpoint, GitHubSummary.ArtifactDelta delta, List<String> pointers, List<String> missing) {}

  static String render(Input in) {
    StringBuilder b = new StringBuilder();
    b.append("# Wrkr GitHub Summary\n\n");
    b.append("- Job: `").append(in.jobId()).append("`\n");
    b.append("- Status: `").append(in.status()).append("`\n");
    b.append("- Acceptance: `").append(in.failures().isEmpty() ? "passed" : "failed").append("` (")
        .append(in.checksPassed()).append('/').append(in.checksRun()).append(" checks)\n");
    b.append("- Artifact Delta: added=").append(in.delta().added()).append(" changed=").append(in.delta().changed())
        .append(" removed=").append(in.delta().removed()).append("\n\n");
    String cp = in.finalCheckpoint().strip();
    b.append("## Final Checkpoint\n\n").append(cp.isEmpty() ? "(none)" : cp).append("\n\n");
    b.append("## Top Failures\n\n");
    if (in.failures().isEmpty()) {
      b.append("- None\n");
    }
    for (Failure f : in.failures().subList(0, Math.min(LIMIT, in.failures().size()))) {
      b.append("- `").append(f.check()).append("`: ").append(f.message());
      if (f.artifact() != null && !f.artifact().isBlank()) {
        b.append(" (`").append(f.artifact()).append("`)");
      }
      b.append('\n');
    }
    b.append("\n## Artifact Pointers\n\n");
    if (in.pointers().isEmpty()) {
      b.append("- None\n");
    }
    in.pointers().forEach(p -> b.append("- `").append(p).append("`\n"));
    if (!in.missing().isEmpty()) {
      b.append("\n## Missing Artifacts (wrkr)\n\n");
      in.missing().forEach(p -> b.append("- `").append(p).append("`\n"));
    }
    return b.toString().strip();
  }
}
