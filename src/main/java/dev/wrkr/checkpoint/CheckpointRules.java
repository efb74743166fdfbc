package dev.wrkr.checkpoint;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobEvent;
import dev.wrkr.job.JobStatus;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What makes a checkpoint or an approval valid (reference §5.2, §5.5); pure, shared by the CLI
 * commands and the job runner.
 */
public final class CheckpointRules {
  /** Longest summary, in Unicode code points (the schema's {@code maxLength}). */
  public static final int MAX_SUMMARY = 2000;

  private static final Pattern ID = Pattern.compile("cp_([1-9][0-9]{0,17})");

  private CheckpointRules() {}

  /** {@code type} if it is one of the five checkpoint types. */
  public static String type(String type) {
    String t = type == null ? "" : type.strip();
    if (!Checkpoint.TYPES.contains(t)) {
      throw invalid("invalid checkpoint type", Map.of("type", t, "allowed", Checkpoint.TYPES));
    }
    return t;
  }

  /** The trimmed summary, 1 to {@value #MAX_SUMMARY} code points. */
  public static String summary(String summary) {
    String s = summary == null ? "" : summary.strip();
    int length = s.codePointCount(0, s.length());
    if (length < 1 || length > MAX_SUMMARY) {
      throw invalid("checkpoint summary must be 1.." + MAX_SUMMARY + " chars", Map.of("summary_length", length));
    }
    return s;
  }

  /** A status for a checkpoint: {@code requested}, or the job's status when none is given. */
  public static JobStatus status(Optional<String> requested, JobStatus current) {
    if (requested.isEmpty() || requested.get().isBlank()) {
      return current;
    }
    return JobStatus.fromWire(requested.get().strip())
        .orElseThrow(() -> invalid("invalid checkpoint status", Map.of("status", requested.get())));
  }

  /** A decision-needed checkpoint must say what a person has to do. */
  public static Optional<JobEvent.RequiredAction> requiredAction(
      String type, Optional<String> kind, Optional<String> instructions) {
    Optional<String> k = kind.map(String::strip).filter(s -> !s.isEmpty());
    Optional<String> i = instructions.map(String::strip).filter(s -> !s.isEmpty());
    if (k.isEmpty() && i.isEmpty()) {
      if (type.equals("decision-needed")) {
        throw invalid("decision-needed checkpoint requires required_action", Map.of("type", type));
      }
      return Optional.empty();
    }
    return Optional.of(new JobEvent.RequiredAction(k, i));
  }

  /** The sequence number in a checkpoint id {@code cp_<n>}. */
  public static long seqOf(String checkpointId) {
    Matcher m = ID.matcher(checkpointId == null ? "" : checkpointId.strip());
    if (!m.matches()) {
      throw invalid("invalid checkpoint id", Map.of("checkpoint_id", String.valueOf(checkpointId)));
    }
    return Long.parseLong(m.group(1));
  }

  /** A non-blank approval reason, trimmed. */
  public static String reason(String reason) {
    String r = reason == null ? "" : reason.strip();
    if (r.isEmpty()) {
      throw invalid("approval reason is required", Map.of());
    }
    return r;
  }

  /** Sorted, unique, non-blank paths. */
  public static List<String> paths(List<String> paths) {
    return paths.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().sorted().toList();
  }

  private static WrkrException invalid(String message, Map<String, ?> details) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, message, details);
  }
}
