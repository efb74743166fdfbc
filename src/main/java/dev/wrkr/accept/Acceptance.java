package dev.wrkr.accept;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.process.StepProcesses;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.Schemas;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.node.ObjectNode;

/**
 * Runs the five checks of reference §7.2, always all of them and in this order: schema validity,
 * required artifacts, path constraints, test command, lint command.
 */
public final class Acceptance {
  private final StepProcesses processes;
  private final InstantSource clock;
  private final String producerVersion;

  public Acceptance(StepProcesses processes, InstantSource clock, String producerVersion) {
    this.processes = Objects.requireNonNull(processes, "processes");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.producerVersion = Objects.requireNonNull(producerVersion, "producerVersion");
  }

  /** The outcome of a run: each check, and the {@code wrkr.accept_result} document. */
  public record Outcome(List<CheckResult> checks, ObjectNode result) {
    public Outcome {
      checks = List.copyOf(checks);
      Objects.requireNonNull(result, "result");
    }

    /** 0 when every check passed, else 5 (all acceptance reason codes exit 5). */
    public int exitCode() {
      return checks.stream().allMatch(CheckResult::passed) ? 0 : ReasonCode.E_ACCEPT_TEST_FAIL.exitCode();
    }
  }

  /**
   * Runs the checks; commands run in {@code workingDir} and log under {@code logDir}.
   *
   * @throws dev.wrkr.schema.SchemaValidationException if the result does not match its schema
   */
  public Outcome run(AcceptInputs in, AcceptConfig config, Path workingDir, Path logDir) {
    CommandCheck commands = new CommandCheck(processes, workingDir, logDir);
    Schemas schemas = Schemas.standard();
    List<CheckResult> checks = new ArrayList<>();
    checks.add(timed(() -> PathChecks.schemaValidity(in, schemas)));
    checks.add(timed(() -> PathChecks.requiredArtifacts(in, config)));
    checks.add(timed(() -> PathChecks.pathConstraints(in, config)));
    String job = in.job().value();
    checks.add(commands.run(CommandCheck.TEST_COMMAND, config.testCommand(), config.commandTimeout(), job));
    checks.add(commands.run(CommandCheck.LINT_COMMAND, config.lintCommand(), config.commandTimeout(), job));
    ObjectNode result = result(job, clock.instant(), producerVersion, checks);
    schemas.requireValid(SchemaId.ACCEPT_RESULT, result, "accept result");
    return new Outcome(checks, result);
  }

  private CheckResult timed(Supplier<CheckResult> check) {
    Instant start = clock.instant();
    CheckResult r = check.get();
    return r.took(Duration.between(start, clock.instant()));
  }

  /** The {@code wrkr.accept_result} document (reference §7.3) of {@code checks}. */
  public static ObjectNode result(String jobId, Instant createdAt, String producerVersion, List<CheckResult> checks) {
    ObjectNode n = Json.document("wrkr.accept_result", createdAt, producerVersion, jobId);
    n.put("checks_run", checks.size());
    n.put("checks_passed", checks.stream().filter(CheckResult::passed).count());
    var failures = n.putArray("failures");
    Set<String> codes = new LinkedHashSet<>();
    for (CheckResult c : checks) {
      if (!c.passed()) {
        ObjectNode f = failures.addObject();
        f.put("check", c.name());
        f.put("message", c.message());
        c.artifact().ifPresent(a -> f.put("artifact", a));
        c.reasonCode().ifPresent(code -> codes.add(code.name()));
      }
    }
    var rc = n.putArray("reason_codes");
    codes.forEach(rc::add);
    return n;
  }
}
