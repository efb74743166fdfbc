package dev.wrkr.accept;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobId;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Required artifacts and path rules over declared deltas and recorded digests (reference §7.2). */
class PathChecksTest {
  private static AcceptInputs inputs(Map<String, String> recorded, JobEvent.ArtifactsDelta... deltas) {
    return new AcceptInputs(JobId.of("job_1"), Json.wire().createObjectNode(), List.of(), List.of(),
        List.of(deltas), new TreeMap<>(recorded));
  }

  private static AcceptConfig config(List<String> required, AcceptConfig.PathRules rules) {
    return new AcceptConfig("wrkr.accept_config", "v1", required, "true", "true", Duration.ofSeconds(5), rules);
  }

  private static final AcceptConfig.PathRules NONE = new AcceptConfig.PathRules(0, List.of(), List.of());

  @Test
  void a_declared_file_a_step_recorded_as_missing_should_fail() {
    var in = inputs(Map.of("reports/a.md", "present", "reports/b.md", "missing"),
        new JobEvent.ArtifactsDelta(List.of("reports/a.md", "reports/b.md"), List.of(), List.of()));
    CheckResult r = PathChecks.requiredArtifacts(in, config(List.of("reports/a.md", "reports/b.md"), NONE));
    assertThat(r.passed()).isFalse();
    assertThat(r.message()).isEqualTo("missing required artifacts: reports/b.md (missing)");
    assertThat(r.artifact()).contains("reports/b.md");
    assertThat(r.reasonCode()).contains(ReasonCode.E_ACCEPT_MISSING_ARTIFACT);
  }

  @Test
  void removed_paths_should_not_count_as_present_and_declared_ones_should() {
    var in = inputs(Map.of(), new JobEvent.ArtifactsDelta(List.of("a.md"), List.of("c.md"), List.of("gone.md")));
    assertThat(PathChecks.requiredArtifacts(in, config(List.of("a.md", "c.md"), NONE)).message())
        .isEqualTo("all required artifacts present");
    assertThat(PathChecks.requiredArtifacts(in, config(List.of("gone.md"), NONE)).message())
        .isEqualTo("missing required artifacts: gone.md");
    assertThat(PathChecks.requiredArtifacts(in, config(List.of(), NONE)).message())
        .isEqualTo("no required artifacts configured");
  }

  @Test
  void path_rules_should_fail_in_wrkrs_order_with_wrkrs_messages() {
    var in = inputs(Map.of("reports/a.md", "present"),
        new JobEvent.ArtifactsDelta(List.of("secrets/key"), List.of(), List.of("tmp/x")));
    assertThat(PathChecks.pathConstraints(in, config(List.of(), new AcceptConfig.PathRules(2, List.of(), List.of())))
        .message()).isEqualTo("artifact path count 3 exceeds max_artifact_paths=2");
    CheckResult forbidden = PathChecks.pathConstraints(in,
        config(List.of(), new AcceptConfig.PathRules(0, List.of("secrets/"), List.of())));
    assertThat(forbidden.message()).isEqualTo("artifact path \"secrets/key\" matches forbidden prefix \"secrets/\"");
    assertThat(forbidden.artifact()).contains("secrets/key");
    assertThat(PathChecks.pathConstraints(in, config(List.of(), new AcceptConfig.PathRules(0, List.of(),
        List.of("docs/", "reports/")))).message()).isEqualTo("no artifact path matched allowed prefix \"docs/\"");
    assertThat(PathChecks.pathConstraints(in, config(List.of(), NONE)).passed()).isTrue();
  }

  @Test
  void a_long_job_id_should_still_give_a_valid_log_name() {
    assertThat(CommandCheck.logName("job_1", "test_command")).isEqualTo("accept_job_1_test_command");
    assertThat(CommandCheck.logName("j".repeat(200), "lint_command")).matches("accept_[0-9a-f]{24}_lint_command");
  }

  @Test
  void command_output_in_messages_should_keep_the_last_400_bytes() {
    String cut = CommandCheck.bounded("é".repeat(300), 400);
    assertThat(cut).startsWith("...").hasSize(203);
    assertThat(CommandCheck.bounded("short", 400)).isEqualTo("short");
  }
}
