package dev.wrkr.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.Golden;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** The summary markdown's sections, limits and the latest-checkpoint rule (reference §8.1). */
class SummaryMarkdownTest {
  @Test
  void failures_should_list_the_first_five_with_their_artifact_when_set() {
    List<SummaryMarkdown.Failure> failures = IntStream.rangeClosed(1, 6)
        .mapToObj(i -> new SummaryMarkdown.Failure("check_" + i, "failed " + i, i % 2 == 0 ? "out/" + i + ".md" : " "))
        .toList();
    String md = SummaryMarkdown.render(new SummaryMarkdown.Input("job_x", "blocked_error", 5, 1, failures,
        "  final words  ", new GitHubSummary.ArtifactDelta(2, 1, 0), List.of("a.md", "b.md"), List.of("gone.md")));
    Golden.assertMatches("report/markdown_failures.md", md + "\n");
    assertThat(md).doesNotContain("check_6").doesNotEndWith("\n");
  }

  @Test
  void no_checkpoints_no_failures_and_no_artifacts_should_read_none_and_passed() {
    String md = SummaryMarkdown.render(new SummaryMarkdown.Input("job_x", "queued", 0, 0, List.of(),
        Checkpoints.latestSummary(List.of()), new GitHubSummary.ArtifactDelta(0, 0, 0), List.of(), List.of()));
    assertThat(md).contains("- Acceptance: `passed` (0/0 checks)\n", "## Final Checkpoint\n\n(none)\n\n",
        "## Top Failures\n\n- None\n\n## Artifact Pointers\n\n- None").doesNotContain("Missing Artifacts");
  }

  private static JsonNode cp(String id, String at, String summary) {
    return Json.parse("{\"checkpoint_id\":\"" + id + "\",\"created_at\":\"" + at + "\",\"summary\":\"" + summary + "\"}");
  }

  @Test
  void latest_checkpoint_should_be_the_latest_time_then_the_higher_ordinal() {
    String t = "2026-02-13T00:00:00Z";
    assertThat(Checkpoints.latestSummary(List.of(cp("cp_9", "2026-02-13T00:00:01Z", "late"), cp("cp_10", t, "early"))))
        .isEqualTo("late");
    assertThat(Checkpoints.latestSummary(List.of(cp("cp_10", t, " ten "), cp("cp_9", t, "nine")))).isEqualTo("ten");
    assertThat(Checkpoints.latestSummary(List.of(cp("x", t, "named"), cp("cp_2", t, "ordinal")))).isEqualTo("ordinal");
    assertThat(Checkpoints.latestSummary(List.of(cp("cp_2", t, "ordinal"), cp("x", t, "named")))).isEqualTo("ordinal");
    assertThat(Checkpoints.latestSummary(List.of(cp("a", t, "a"), cp("b", t, "b")))).isEqualTo("b");
  }
}
