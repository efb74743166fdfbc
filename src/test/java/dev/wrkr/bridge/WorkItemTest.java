package dev.wrkr.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wrkr.checkpoint.Checkpoint;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.schema.Schemas;
import dev.wrkr.testing.Golden;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The work-item payload rules of reference §8.2, on checkpoints the CLI cannot emit. */
class WorkItemTest {
  private static Checkpoint cp(String type, Optional<JobEvent.RequiredAction> action, List<String> codes,
      JobEvent.ArtifactsDelta delta) {
    return new Checkpoint(Checkpoint.SCHEMA_ID, "v1", Instant.parse("2026-02-13T10:11:12.5Z"), "test", "cp_7", "job_w",
        type, "summary", "blocked_error", new JobEvent.BudgetState(0, 0, 1, 1), delta, action, codes);
  }

  private static final JobEvent.ArtifactsDelta DELTA = new JobEvent.ArtifactsDelta(
      List.of("z.md", " ", "b.md"), List.of("a.md", "b.md"), List.of(" c.md "));

  @Test
  void payload_should_normalize_codes_and_pointers_and_fall_back_to_instructions() {
    WorkItem w = WorkItem.of(cp("blocked", Optional.of(new JobEvent.RequiredAction(Optional.of("  "),
        Optional.of(" fix the build "))), List.of(" E_B ", "E_A", "E_B", ""), DELTA), "test");
    assertThat(w.requiredAction()).isEqualTo("fix the build");
    assertThat(w.reasonCodes()).containsExactly("E_A", "E_B");
    assertThat(w.artifactPointers()).containsExactly("a.md", "b.md", "c.md", "z.md");
    Golden.assertMatches("bridge/work_item_pointers.json",
        new String(w.canonicalJson(Schemas.standard()), StandardCharsets.UTF_8));
    Golden.assertMatches("bridge/work_item_pointers_custom.md", WorkItemTemplate.of(" Custom ").render(w));
    assertThat(WorkItemTemplate.of(" Custom ").fileName(w)).isEqualTo("work_item_job_w_cp_7_custom.md");
  }

  @Test
  void required_action_should_default_by_type() {
    JobEvent.ArtifactsDelta none = new JobEvent.ArtifactsDelta(List.of(), List.of(), List.of());
    assertThat(WorkItem.of(cp("decision-needed", Optional.empty(), List.of(), none), "t").requiredAction())
        .isEqualTo("approval");
    WorkItem blocked = WorkItem.of(cp("blocked", Optional.empty(), List.of(), none), "t");
    assertThat(blocked.requiredAction()).isEqualTo("resume");
    assertThat(blocked.toJson().has("artifact_pointers")).as("omitted when empty").isFalse();
    assertThat(new WorkItemTemplate("github").render(blocked)).contains("Reason codes: \n");
  }

  @Test
  void other_checkpoint_types_should_be_refused_with_their_type() {
    for (String type : List.of("plan", "progress", "completed")) {
      assertThatThrownBy(() -> WorkItem.of(cp(type, Optional.empty(), List.of(), DELTA), "t"))
          .isInstanceOfSatisfying(WrkrException.class, e -> {
            assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
            assertThat(e.getMessage()).isEqualTo("checkpoint type must be blocked or decision-needed");
            assertThat(e.details()).containsEntry("type", type);
          });
    }
  }
}
