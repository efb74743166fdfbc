package dev.wrkr.job;

import dev.wrkr.codec.JsonPull;
import dev.wrkr.codec.JsonPull.Token;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the payloads the runner writes for every step — {@code step_started}, {@code
 * step_process}, {@code adapter_step}, {@code artifacts_recorded}, {@code counters_updated} —
 * with {@link JsonPull}: a long job's ledger is mostly these, and a jobpack export or a cold fold
 * spent most of its decoding time binding them through the mapper (docs/performance.md).
 *
 * <p>As {@link CheckpointEventJson}: only the exact shape this build writes is read here — every
 * field present once with its JSON type, nothing else; anything else gives empty and {@link
 * EventCodec} binds the payload with the mapper, so what decodes and what is refused as corrupt
 * does not change ({@code StepEventJsonTest} compares the two on written and damaged payloads).
 */
final class StepEventJson {
  private static final Object NULL = new Object();

  private StepEventJson() {}

  /** The event of {@code type} in {@code payload}, or empty when it is not one of the plain shapes. */
  static Optional<JobEvent> read(String type, String payload) {
    try {
      JsonPull p = new JsonPull(payload);
      if (p.nextToken() != Token.START_OBJECT) {
        return Optional.empty();
      }
      Map<String, Object> f = new HashMap<>();
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        Object value = value(type, name, p, p.nextToken());
        if (value == null || f.put(name, value) != null) {
          return Optional.empty();
        }
      }
      if (p.nextToken() != null) {
        return Optional.empty();
      }
      return Optional.ofNullable(build(type, f));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static JobEvent build(String type, Map<String, Object> f) {
    return switch (type) {
      case JobEvent.StepStarted.TYPE -> has(f, 4) && f.get("step_id") instanceof String id && f.get("worker_id") instanceof String w
          && f.get("step_index") instanceof Long index && f.get("attempt") instanceof Integer attempt
          ? new JobEvent.StepStarted(id, index, attempt, w) : null;
      case JobEvent.StepProcess.TYPE -> has(f, 5) && f.get("step_id") instanceof String id && f.get("host") instanceof String h
          && f.get("step_index") instanceof Long index && f.get("attempt") instanceof Integer attempt
          && f.get("pid") instanceof Long pid
          ? new JobEvent.StepProcess(id, index, attempt, pid, h) : null;
      case JobEvent.CountersUpdated.TYPE -> has(f, 5) && f.get("retry_count") instanceof Long r
          && f.get("step_count") instanceof Long s && f.get("tool_call_count") instanceof Long t
          && f.get("tokens") instanceof Long tokens && f.get("estimated_cost") instanceof Double cost
          ? new JobEvent.CountersUpdated(r, s, t, tokens, cost) : null;
      case JobEvent.ArtifactsRecorded.TYPE -> has(f, 2) && f.get("source") instanceof String source
          && f.get("artifacts") instanceof Records records
          ? new JobEvent.ArtifactsRecorded(source, records.list) : null;
      case JobEvent.AdapterStep.TYPE -> adapterStep(f);
      default -> null;
    };
  }

  private static JobEvent adapterStep(Map<String, Object> f) {
    int optional = (f.containsKey("outcome") ? 1 : 0) + (f.containsKey("exit_code") ? 1 : 0)
        + (f.containsKey("attempt") ? 1 : 0) + (f.containsKey("logs") ? 1 : 0);
    if (!has(f, 7 + optional) || !(f.get("adapter") instanceof String adapter)
        || !(f.get("artifacts") instanceof Strings artifacts) || !(f.get("command") instanceof String command)
        || !(f.get("executed") instanceof Boolean executed) || !(f.get("step_id") instanceof String id)
        || !(f.get("step_index") instanceof Long index) || !(f.get("summary") instanceof String summary)) {
      return null;
    }
    Object outcome = f.getOrDefault("outcome", NULL);
    Object exit = f.getOrDefault("exit_code", NULL);
    Object attempt = f.getOrDefault("attempt", NULL);
    Object logs = f.getOrDefault("logs", NULL);
    if (!(outcome == NULL || outcome instanceof String) || !(exit == NULL || exit instanceof Integer)
        || !(attempt == NULL || attempt instanceof Integer) || !(logs == NULL || logs instanceof JobEvent.StepLogs)) {
      return null;
    }
    return new JobEvent.AdapterStep(adapter, artifacts.list, command, executed, id, index, summary,
        optional(outcome, String.class), optional(exit, Integer.class), optional(attempt, Integer.class),
        optional(logs, JobEvent.StepLogs.class));
  }

  private static <T> Optional<T> optional(Object value, Class<T> type) {
    return value == NULL ? Optional.empty() : Optional.of(type.cast(value));
  }

  private static boolean has(Map<String, Object> f, int size) {
    return f.size() == size;
  }

  /** A list of strings, told apart from other values. */
  private record Strings(List<String> list) {}

  /** A list of artifact records. */
  private record Records(List<JobEvent.ArtifactRecord> list) {}

  /**
   * The value of field {@code name} of a {@code type} payload in the type this reader expects, or
   * null when it is anything else: ints where the record has an {@code int}, longs where it has a
   * {@code long}, a double for the cost, NULL only where the record has an {@code Optional}.
   */
  private static Object value(String type, String name, JsonPull p, Token t) {
    return switch (name) {
      case "step_id", "worker_id", "host", "source", "adapter", "command", "summary" -> text(p, t);
      case "outcome" -> t == Token.NULL ? NULL : text(p, t);
      case "step_index", "pid", "retry_count", "step_count", "tool_call_count", "tokens" -> t == Token.INT ? p.longValue() : null;
      case "attempt" -> t == Token.NULL && type.equals(JobEvent.AdapterStep.TYPE) ? NULL : integer(p, t);
      case "exit_code" -> t == Token.NULL ? NULL : integer(p, t);
      case "estimated_cost" -> t == Token.INT || t == Token.FLOAT ? p.doubleValue() : null;
      case "executed" -> t == Token.TRUE ? Boolean.TRUE : t == Token.FALSE ? Boolean.FALSE : null;
      case "artifacts" -> type.equals(JobEvent.ArtifactsRecorded.TYPE) ? records(p, t) : strings(p, t);
      case "logs" -> t == Token.NULL ? NULL : logs(p, t);
      default -> null;
    };
  }

  private static String text(JsonPull p, Token t) {
    return t == Token.STRING ? p.string() : null;
  }

  private static Integer integer(JsonPull p, Token t) {
    if (t != Token.INT) {
      return null;
    }
    long v = p.longValue();
    return v >= Integer.MIN_VALUE && v <= Integer.MAX_VALUE ? (int) v : null;
  }

  private static Strings strings(JsonPull p, Token t) {
    List<String> list = CheckpointEventJson.strings(p, t);
    return list == null ? null : new Strings(list);
  }

  private static Records records(JsonPull p, Token t) {
    if (t != Token.START_ARRAY) {
      return null;
    }
    List<JobEvent.ArtifactRecord> out = new ArrayList<>();
    for (Token v = p.nextToken(); v != Token.END_ARRAY; v = p.nextToken()) {
      if (v != Token.START_OBJECT) {
        return null;
      }
      String path = null;
      String status = null;
      Optional<String> sha = null;
      Optional<Long> size = null;
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        Token x = p.nextToken();
        switch (name) {
          case "path" -> path = path == null ? text(p, x) : null;
          case "status" -> status = status == null ? text(p, x) : null;
          case "sha256" -> sha = sha == null && x == Token.STRING ? Optional.of(p.string()) : null;
          case "size" -> size = size == null && x == Token.INT ? Optional.of(p.longValue()) : null;
          default -> {
            return null;
          }
        }
        if (path == null && name.equals("path") || status == null && name.equals("status")
            || sha == null && name.equals("sha256") || size == null && name.equals("size")) {
          return null;
        }
      }
      if (path == null || status == null) {
        return null;
      }
      out.add(new JobEvent.ArtifactRecord(path, status, sha == null ? Optional.empty() : sha,
          size == null ? Optional.empty() : size));
    }
    return new Records(out);
  }

  private static JobEvent.StepLogs logs(JsonPull p, Token t) {
    if (t != Token.START_OBJECT) {
      return null;
    }
    Map<String, Object> f = new HashMap<>();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token x = p.nextToken();
      Object v = switch (name) {
        case "stdout", "stderr" -> text(p, x);
        case "stdout_bytes", "stderr_bytes" -> x == Token.INT ? p.longValue() : null;
        case "truncated" -> x == Token.TRUE ? Boolean.TRUE : x == Token.FALSE ? Boolean.FALSE : null;
        default -> null;
      };
      if (v == null || f.put(name, v) != null) {
        return null;
      }
    }
    return f.size() == 5 && f.get("stdout") instanceof String out && f.get("stderr") instanceof String err
        && f.get("stdout_bytes") instanceof Long outBytes && f.get("stderr_bytes") instanceof Long errBytes
        && f.get("truncated") instanceof Boolean truncated
        ? new JobEvent.StepLogs(out, err, outBytes, errBytes, truncated) : null;
  }
}
