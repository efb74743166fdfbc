package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.failure.ReasonCode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecTemplateTest {
  private static final Instant NOW = Instant.parse("2026-02-14T03:45:00.5Z");

  @TempDir Path root;
  Path cwd;

  @BeforeEach
  void setUp() throws IOException {
    cwd = Files.createDirectories(root.resolve("work"));
  }

  @Test
  void the_template_should_match_its_golden_file() {
    assertThat(JobSpecTemplate.render(NOW, "1.2.3")).isEqualTo(SpecFixture.resource("golden/init-template.yaml"));
  }

  @Test
  void the_written_template_should_load_with_wrkrs_template_content() throws IOException {
    Path written = JobSpecTemplate.write(Path.of("jobspec.yaml"), cwd, false, NOW, "1.2.3");

    JobSpec spec = new JobSpecLoader().load(written, cwd);

    assertThat(written).isEqualTo(cwd.resolve("jobspec.yaml"));
    assertThat(spec.name()).isEqualTo("demo_refactor_job");
    assertThat(spec.objective()).isEqualTo("Run a deterministic reference adapter workflow.");
    assertThat(spec.createdAt()).contains(NOW);
    assertThat(spec.producerVersion()).isEqualTo("1.2.3");
    assertThat(spec.budgets().maxWallTimeSeconds()).isEqualTo(3600);
    assertThat(spec.budgets().maxRetries()).isEqualTo(2);
    assertThat(spec.budgets().maxStepCount()).isEqualTo(20);
    assertThat(spec.budgets().maxToolCalls()).isEqualTo(200);
    assertThat(spec.checkpointPolicy().requiredTypes()).hasSize(5);
    assertThat(spec.envRules()).containsExactly("arch", "java_version", "os");
    assertThat(spec.expectedArtifacts()).containsExactly("reports/result.md");
    assertThat(spec.workspace()).isEqualTo(cwd.toRealPath());
    List<Step> steps = ((ReferenceAdapter) spec.adapter()).steps();
    assertThat(steps).extracting(Step::id).containsExactly("plan", "review", "finalize");
    assertThat(steps.get(1).decisionNeeded()).isTrue();
    assertThat(steps.get(1).executed()).isFalse();
    assertThat(steps.get(1).requiredAction()).contains("approve");
  }

  @Test
  void the_template_commands_should_write_the_artifacts_they_declare() throws Exception {
    JobSpec spec = new JobSpecLoader().load(JobSpecTemplate.write(Path.of("jobspec.yaml"), cwd, false, NOW, "dev"), cwd);

    for (Step step : ((ReferenceAdapter) spec.adapter()).steps()) {
      if (step.executed()) {
        Process sh = new ProcessBuilder("sh", "-c", step.command().orElseThrow())
            .directory(spec.workspace().toFile()).inheritIO().start();
        assertThat(sh.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(sh.exitValue()).as(step.id()).isZero();
      }
      for (String artifact : step.artifacts()) {
        assertThat(spec.workspace().resolve(artifact)).as(step.id()).isNotEmptyFile();
      }
    }
    assertThat(spec.workspace().resolve("reports/plan.md")).content().startsWith("# Plan\n\n1. plan\n");
  }

  @Test
  void an_existing_file_should_need_force() throws IOException {
    Path file = Files.writeString(cwd.resolve("jobspec.yaml"), "mine");

    InvalidJobSpecException e = catchThrowableOfType(InvalidJobSpecException.class,
        () -> JobSpecTemplate.write(Path.of("jobspec.yaml"), cwd, false, NOW, "dev"));

    assertThat(e).hasMessage("jobspec already exists (use --force to overwrite)");
    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(file).hasContent("mine");
    JobSpecTemplate.write(Path.of("jobspec.yaml"), cwd, true, NOW, "dev");
    assertThat(Files.readString(file)).startsWith("# A wrkr JobSpec");
    try (var files = Files.list(cwd)) {
      assertThat(files).as("no temporary file left behind").containsExactly(file);
    }
  }

  @Test
  void a_relative_target_outside_the_working_directory_should_be_refused() {
    InvalidJobSpecException e = catchThrowableOfType(InvalidJobSpecException.class,
        () -> JobSpecTemplate.write(Path.of("../jobspec.yaml"), cwd, false, NOW, "dev"));

    assertThat(e).hasMessageStartingWith("jobspec path ../jobspec.yaml resolves outside the working directory");
    assertThat(root.resolve("jobspec.yaml")).doesNotExist();
  }

  @Test
  void a_symlinked_directory_leading_out_should_be_refused_before_anything_is_created() throws IOException {
    Path outside = Files.createDirectories(root.resolve("outside"));
    Files.createSymbolicLink(cwd.resolve("link"), outside);

    InvalidJobSpecException e = catchThrowableOfType(InvalidJobSpecException.class,
        () -> JobSpecTemplate.write(Path.of("link/sub/jobspec.yaml"), cwd, false, NOW, "dev"));

    assertThat(e).hasMessageContaining("resolves outside the working directory");
    assertThat(outside.resolve("sub")).doesNotExist();
  }

  @Test
  void an_absolute_target_may_be_anywhere_and_parents_are_created() {
    Path target = root.resolve("elsewhere/deeper/spec.yaml");

    Path written = JobSpecTemplate.write(target, cwd, false, NOW, "dev");

    assertThat(written).isEqualTo(target).isRegularFile();
  }

  @Test
  void a_producer_version_needing_quotes_should_survive_the_round_trip() {
    Path written = JobSpecTemplate.write(Path.of("jobspec.yaml"), cwd, false, NOW, "1.0 \"beta\": #1\n");

    assertThat(new JobSpecLoader().load(written, cwd).producerVersion()).isEqualTo("1.0 \"beta\": #1\n");
  }
}
