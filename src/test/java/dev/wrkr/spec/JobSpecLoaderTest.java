package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.Json;
import dev.wrkr.job.JobId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobSpecLoaderTest {
  @TempDir Path cwd;
  SpecFixture specs;

  @BeforeEach
  void setUp() {
    specs = new SpecFixture(cwd);
  }

  @Test
  void blessed_yaml_should_load_with_wrkrs_defaults_applied() throws Exception {
    JobSpec spec = specs.load("blessed.yaml", SpecFixture.resource("valid/blessed.yaml"));

    assertThat(spec.schemaId()).isEqualTo("wrkr.jobspec");
    assertThat(spec.schemaVersion()).isEqualTo("v1");
    assertThat(spec.createdAt()).contains(Instant.parse("2026-02-13T00:00:00Z"));
    assertThat(spec.producerVersion()).isEqualTo("dev");
    assertThat(spec.name()).isEqualTo("blessed_lane_job");
    assertThat(spec.objective()).isEqualTo("Exercise submit/status/checkpoint/approve/resume bridge flow.");
    assertThat(spec.expectedArtifacts()).containsExactly("reports/plan.md");
    assertThat(spec.budgets()).isEqualTo(new Budgets(3600, 2, 20, 200, Optional.empty(), Optional.empty()));
    assertThat(spec.checkpointPolicy()).isEqualTo(new CheckpointPolicy(10,
        List.of("plan", "progress", "decision-needed", "blocked", "completed")));
    assertThat(spec.envRules()).containsExactly("arch", "java_version", "os");
    assertThat(spec.acceptance()).isEmpty();
    assertThat(spec.workspace()).isEqualTo(cwd.toRealPath());
    assertThat(spec.specPath()).isEqualTo(cwd.resolve("blessed.yaml"));

    ReferenceAdapter adapter = (ReferenceAdapter) spec.adapter();
    assertThat(adapter.name()).isEqualTo("reference");
    assertThat(adapter.config()).isEqualTo(Json.parse("{\"lane\":\"blessed\"}"));
    assertThat(adapter.steps()).containsExactly(
        new Step("plan", "generate initial plan artifact", Optional.of("true"), List.of("reports/plan.md"),
            true, false, Optional.empty(), Optional.empty(), Map.of(), 0, Duration.ofSeconds(1)),
        new Step("manager_review", "manager decision checkpoint", Optional.empty(), List.of(),
            false, true, Optional.of("approve"), Optional.empty(), Map.of(), 0, Duration.ofSeconds(1)));
  }

  @Test
  void blessed_json_should_load_to_the_same_jobspec_as_the_yaml() {
    JobSpec yaml = specs.load("blessed.yaml", SpecFixture.resource("valid/blessed.yaml"));
    JobSpec json = specs.load("blessed.JSON", SpecFixture.resource("valid/blessed.json"));

    assertThat(json.canonical()).isEqualTo(yaml.canonical());
    assertThat(json).usingRecursiveComparison()
        .withEqualsForType(Object::equals, tools.jackson.databind.JsonNode.class)
        .ignoringFields("specPath")
        .isEqualTo(yaml);
  }

  @Test
  void canonical_should_be_the_document_as_submitted() {
    JobSpec spec = specs.load("blessed.json", SpecFixture.resource("valid/blessed.json"));

    assertThat(spec.canonical()).isEqualTo(Json.parse(SpecFixture.resource("valid/blessed.json")));
    assertThat(spec.canonical().at("/environment_fingerprint/rules/0").stringValue()).isEqualTo("go_version");
  }

  @Test
  void noop_adapter_should_be_trimmed_lower_cased_and_need_no_steps() {
    JobSpec spec = specs.load("noop.yaml", SpecFixture.resource("valid/noop.yaml"));

    assertThat(spec.adapter()).isInstanceOf(NoopAdapter.class);
    assertThat(spec.adapter().name()).isEqualTo("noop");
    assertThat(spec.schemaVersion()).isEqualTo("v1.2");
    assertThat(spec.createdAt()).isEmpty();
    assertThat(spec.inputs().isEmpty()).isTrue();
    assertThat(spec.expectedArtifacts()).isEmpty();
    assertThat(spec.budgets().maxRetries()).isZero();
    assertThat(spec.envRules()).as("an empty rule list means the defaults, as Wrkr")
        .containsExactly("arch", "java_version", "os");
  }

  @Test
  void wrkrs_init_template_should_load_and_its_checkpoint_keys_be_ignored() {
    JobSpec spec = specs.load("jobspec.yaml", SpecFixture.resource("valid/wrkr-init.yaml"));

    ReferenceAdapter adapter = (ReferenceAdapter) spec.adapter();
    assertThat(adapter.steps()).extracting(Step::id).containsExactly("plan", "review", "finalize");
    assertThat(adapter.steps().get(1).requiredAction()).contains("approve");
  }

  @Test
  void nulls_that_wrkr_defaults_should_count_as_absent() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.MINIMAL.replace("adapter:\n  name: reference", "adapter:\n  name: noop")
        .replace("inputs:\n  steps:\n    - id: one\n      command: \"true\"\n", "inputs:\nexpected_artifacts: ~\n")
        .replace("  min_interval_seconds: 1\n", "  min_interval_seconds: 1\n  required_types: null\n"));

    assertThat(spec.inputs().isEmpty()).isTrue();
    assertThat(spec.expectedArtifacts()).isEmpty();
    assertThat(spec.checkpointPolicy().requiredTypes()).isEmpty();
    assertThat(spec.canonical().get("inputs").isNull()).as("canonical keeps what was written").isTrue();
  }

  @Test
  void optional_budgets_and_acceptance_should_be_read() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("  max_tool_calls: 10\n",
        "  max_tool_calls: 10\n  max_retries: 3\n  max_estimated_cost: 1.5\n  max_tokens: 5000000000\n"
            + "acceptance:\n  config_path: accept.yaml\n"));

    assertThat(spec.budgets()).isEqualTo(new Budgets(60, 3, 5, 10, Optional.of(1.5), Optional.of(5_000_000_000L)));
    assertThat(spec.acceptance()).contains(Json.parse("{\"config_path\":\"accept.yaml\"}"));
  }

  @Test
  void timestamp_like_yaml_scalars_should_stay_strings() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("producer_version: test\n",
        "producer_version: test\ncreated_at: 2026-02-13T00:00:00Z\n"));

    assertThat(spec.createdAt()).contains(Instant.parse("2026-02-13T00:00:00Z"));
    assertThat(spec.canonical().get("created_at").isString()).isTrue();
  }

  @Test
  void default_job_id_should_be_the_normalized_name_and_unix_seconds() {
    JobSpec spec = specs.load("blessed.yaml", SpecFixture.resource("valid/blessed.yaml"));

    assertThat(spec.defaultJobId(Instant.ofEpochSecond(1_771_000_000)))
        .isEqualTo(JobId.of("blessed_lane_job_1771000000"));
  }

  @Test
  void default_job_id_should_stay_within_the_length_limit() {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("name: demo", "name: " + "x".repeat(300)));

    JobId id = spec.defaultJobId(Instant.ofEpochSecond(1_771_000_000));

    assertThat(id.value()).hasSize(JobId.MAX_LENGTH).endsWith("_1771000000");
  }
}
