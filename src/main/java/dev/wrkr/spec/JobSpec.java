package dev.wrkr.spec;

import dev.wrkr.budget.Budgets;
import dev.wrkr.job.JobId;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * A loaded and validated JobSpec ({@code wrkr.jobspec} v1, reference §3): what a job should do,
 * which adapter runs it, its budgets and its checkpoint policy. Only {@link JobSpecLoader} makes
 * them from files. The {@link JsonNode} components are copies and must be treated as read-only.
 *
 * @param schemaId always {@code wrkr.jobspec}
 * @param schemaVersion {@code v1} or {@code v1.N}
 * @param createdAt {@code created_at} when present (RFC 3339)
 * @param producerVersion {@code producer_version}, non-empty
 * @param name {@code name}, non-empty; the job id is derived from it ({@link #defaultJobId})
 * @param objective {@code objective}, non-empty
 * @param inputs {@code inputs}, an object (empty when absent or null, as Wrkr)
 * @param expectedArtifacts {@code expected_artifacts} as written, each relative to the workspace
 *     without {@code ..}; empty when absent or null
 * @param adapter the adapter and its settings
 * @param budgets {@code budgets}; {@code max_retries} is 0 when absent
 * @param checkpointPolicy {@code checkpoint_policy}
 * @param acceptance {@code acceptance} when present (free-form, unused as in Wrkr)
 * @param envRules {@code environment_fingerprint.rules} normalized by {@code EnvRules.normalize}
 *     ({@code go_version} becomes {@code java_version}; sorted; defaults when empty)
 * @param workspace where commands run: {@code inputs.workspace} resolved against the spec's
 *     directory (default: that directory), absolute, symlinks resolved, an existing directory
 * @param specPath the file it was loaded from, absolute
 * @param canonical the document as submitted, as a JSON tree (for the ledger and evidence)
 */
public record JobSpec(
    String schemaId,
    String schemaVersion,
    Optional<Instant> createdAt,
    String producerVersion,
    String name,
    String objective,
    JsonNode inputs,
    List<String> expectedArtifacts,
    AdapterSpec adapter,
    Budgets budgets,
    CheckpointPolicy checkpointPolicy,
    Optional<JsonNode> acceptance,
    List<String> envRules,
    Path workspace,
    Path specPath,
    JsonNode canonical) {
  public JobSpec {
    Objects.requireNonNull(schemaId, "schemaId");
    Objects.requireNonNull(schemaVersion, "schemaVersion");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(producerVersion, "producerVersion");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(objective, "objective");
    inputs = Objects.requireNonNull(inputs, "inputs").deepCopy();
    expectedArtifacts = List.copyOf(expectedArtifacts);
    Objects.requireNonNull(adapter, "adapter");
    Objects.requireNonNull(budgets, "budgets");
    Objects.requireNonNull(checkpointPolicy, "checkpointPolicy");
    acceptance = Objects.requireNonNull(acceptance, "acceptance").map(JsonNode::deepCopy);
    envRules = List.copyOf(envRules);
    requireAbsolute(workspace, "workspace");
    requireAbsolute(specPath, "specPath");
    canonical = Objects.requireNonNull(canonical, "canonical").deepCopy();
  }

  /**
   * The job id used when none is given: Wrkr's {@code NormalizeJobID(name) + "_" + unix seconds},
   * with the name part shortened when the whole would pass {@link JobId#MAX_LENGTH}.
   */
  public JobId defaultJobId(Instant submittedAt) {
    String suffix = "_" + submittedAt.getEpochSecond();
    String base = JobId.normalize(name).value();
    int room = JobId.MAX_LENGTH - suffix.length();
    if (base.length() > room) {
      base = base.substring(0, room);
    }
    return JobId.of(base + suffix);
  }

  private static void requireAbsolute(Path path, String what) {
    if (!Objects.requireNonNull(path, what).isAbsolute()) {
      throw new IllegalArgumentException(what + " must be absolute: " + path);
    }
  }
}
