package dev.wrkr.accept;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.job.JobEvent;
import dev.wrkr.schema.SchemaId;
import dev.wrkr.schema.SchemaViolation;
import dev.wrkr.schema.Schemas;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/** The first three checks of reference §7.2, over stored facts only. */
final class PathChecks {
  static final String SCHEMA_VALIDITY = "schema_validity";
  static final String REQUIRED_ARTIFACTS = "required_artifacts";
  static final String PATH_CONSTRAINTS = "path_constraints";

  private static final ReasonCode MISSING = ReasonCode.E_ACCEPT_MISSING_ARTIFACT;

  private PathChecks() {}

  static CheckResult schemaValidity(AcceptInputs in, Schemas schemas) {
    List<SchemaViolation> v = schemas.validate(SchemaId.STATUS_RESPONSE, in.status());
    if (!v.isEmpty()) {
      return CheckResult.fail(SCHEMA_VALIDITY, "status schema invalid: " + describe(v), MISSING);
    }
    for (int i = 0; i < in.checkpoints().size(); i++) {
      v = schemas.validate(SchemaId.CHECKPOINT, in.checkpoints().get(i));
      if (!v.isEmpty()) {
        return CheckResult.fail(SCHEMA_VALIDITY, "checkpoint schema invalid at index " + i + ": " + describe(v),
            MISSING);
      }
    }
    for (int i = 0; i < in.approvals().size(); i++) {
      v = schemas.validate(SchemaId.APPROVAL_RECORD, in.approvals().get(i));
      if (!v.isEmpty()) {
        return CheckResult.fail(SCHEMA_VALIDITY, "approval schema invalid at index " + i + ": " + describe(v),
            MISSING);
      }
    }
    return CheckResult.pass(SCHEMA_VALIDITY, "all schemas valid");
  }

  private static String describe(List<SchemaViolation> v) {
    return v.getFirst().describe();
  }

  /**
   * A required path must have been declared added or changed by a checkpoint, or recorded by a
   * step; and when a step recorded it, its latest record must say {@code present}: a declared file
   * a step found missing fails.
   */
  static CheckResult requiredArtifacts(AcceptInputs in, AcceptConfig config) {
    if (config.requiredArtifacts().isEmpty()) {
      return CheckResult.pass(REQUIRED_ARTIFACTS, "no required artifacts configured");
    }
    Set<String> declared = new TreeSet<>(in.recorded().keySet());
    for (JobEvent.ArtifactsDelta d : in.deltas()) {
      declared.addAll(d.added());
      declared.addAll(d.changed());
    }
    List<String> missing = new ArrayList<>();
    for (String p : config.requiredArtifacts()) {
      String status = in.recorded().get(p);
      if (!declared.contains(p) || (status != null && !status.equals("present"))) {
        missing.add(status == null || status.equals("present") ? p : p + " (" + status + ")");
      }
    }
    if (missing.isEmpty()) {
      return CheckResult.pass(REQUIRED_ARTIFACTS, "all required artifacts present");
    }
    String first = missing.getFirst();
    int paren = first.indexOf(" (");
    return CheckResult.fail(REQUIRED_ARTIFACTS, "missing required artifacts: " + String.join(", ", missing), MISSING)
        .withArtifact(paren < 0 ? first : first.substring(0, paren));
  }

  static CheckResult pathConstraints(AcceptInputs in, AcceptConfig config) {
    Set<String> all = new LinkedHashSet<>();
    for (JobEvent.ArtifactsDelta d : in.deltas()) {
      all.addAll(d.added());
      all.addAll(d.changed());
      all.addAll(d.removed());
    }
    all.addAll(in.recorded().keySet());
    List<String> paths = new ArrayList<>(new TreeSet<>(all));
    AcceptConfig.PathRules rules = config.pathRules();
    if (rules.maxArtifactPaths() > 0 && paths.size() > rules.maxArtifactPaths()) {
      return CheckResult.fail(PATH_CONSTRAINTS, "artifact path count " + paths.size()
          + " exceeds max_artifact_paths=" + rules.maxArtifactPaths(), MISSING);
    }
    for (String p : paths) {
      for (String prefix : rules.forbiddenPrefixes()) {
        if (p.startsWith(prefix)) {
          return CheckResult.fail(PATH_CONSTRAINTS,
              "artifact path \"" + p + "\" matches forbidden prefix \"" + prefix + "\"", MISSING).withArtifact(p);
        }
      }
    }
    for (String prefix : rules.allowedPrefixes()) {
      if (paths.stream().noneMatch(p -> p.startsWith(prefix))) {
        return CheckResult.fail(PATH_CONSTRAINTS, "no artifact path matched allowed prefix \"" + prefix + "\"",
            MISSING);
      }
    }
    return CheckResult.pass(PATH_CONSTRAINTS, "path constraints satisfied");
  }
}
