package dev.wrkr.accept;

import dev.wrkr.codec.Json;
import dev.wrkr.failure.ReasonCode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.node.ObjectNode;

/**
 * One acceptance check's outcome (reference §7.2): a failure carries its reason code and, when one
 * path is to blame, that artifact. {@code elapsed} is how long the check took (for JUnit);
 * {@code logs} are where a command check's whole output went.
 */
public record CheckResult(
    String name,
    boolean passed,
    String message,
    Optional<ReasonCode> reasonCode,
    Optional<String> artifact,
    Duration elapsed,
    List<Path> logs) {
  public CheckResult {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(reasonCode, "reasonCode");
    Objects.requireNonNull(artifact, "artifact");
    Objects.requireNonNull(elapsed, "elapsed");
    logs = List.copyOf(logs);
    if (passed == reasonCode.isPresent()) {
      throw new IllegalArgumentException("a failed check, and only one, has a reason code");
    }
  }

  static CheckResult pass(String name, String message) {
    return new CheckResult(name, true, message, Optional.empty(), Optional.empty(), Duration.ZERO, List.of());
  }

  static CheckResult fail(String name, String message, ReasonCode code) {
    return new CheckResult(name, false, message, Optional.of(code), Optional.empty(), Duration.ZERO, List.of());
  }

  CheckResult withArtifact(String path) {
    return new CheckResult(name, passed, message, reasonCode, Optional.of(path), elapsed, logs);
  }

  CheckResult withLogs(List<Path> files) {
    return new CheckResult(name, passed, message, reasonCode, artifact, elapsed, files);
  }

  CheckResult took(Duration d) {
    return new CheckResult(name, passed, message, reasonCode, artifact, d, logs);
  }

  /** {@code {name, passed, message, reason_code?, artifact?, logs?}} as {@code accept run} prints it. */
  public ObjectNode toJson() {
    ObjectNode n = Json.wire().createObjectNode();
    n.put("name", name);
    n.put("passed", passed);
    n.put("message", message);
    reasonCode.ifPresent(c -> n.put("reason_code", c.name()));
    artifact.ifPresent(a -> n.put("artifact", a));
    if (!logs.isEmpty()) {
      logs.forEach(p -> n.withArray("logs").add(p.toString()));
    }
    return n;
  }
}
