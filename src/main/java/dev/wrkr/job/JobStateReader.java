package dev.wrkr.job;

import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.JsonPull;
import dev.wrkr.codec.JsonPull.Token;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.job.JobState.CheckpointRef;
import dev.wrkr.job.JobState.EnvFingerprint;
import dev.wrkr.job.JobState.StepInFlight;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/** The reading half of {@link JobStateJson}: a snapshot's fields, one by one, with {@link JsonPull}. */
final class JobStateReader {
  private JobStateReader() {}

  /**
   * The state in a snapshot's JSON.
   *
   * @throws IllegalArgumentException when the text is not JSON or not a snapshot this build wrote
   */
  static JobState read(String json) {
    JsonPull p = new JsonPull(json);
    expect(p.nextToken(), Token.START_OBJECT);
    Fields f = new Fields();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      f.read(name, p);
    }
    if (p.nextToken() != null) {
      throw new IllegalArgumentException("text after the snapshot");
    }
    return f.state();
  }

  /** The fields of a snapshot as they are read; absent ones keep the empty state's values. */
  private static final class Fields {
    JobId jobId;
    JobStatus status;
    long retryCount;
    long stepCount;
    long toolCallCount;
    List<String> idempotencyKeys = List.of();
    long lastAppliedSeq = -1;
    Optional<Instant> startedAt = Optional.empty();
    List<String> lastReasonCodes = List.of();
    Optional<EnvFingerprint> envFingerprint = Optional.empty();
    Optional<CheckpointRef> lastCheckpoint = Optional.empty();
    Optional<String> adapter = Optional.empty();
    Budgets budgets;
    long nextStepIndex;
    long tokens;
    double estimatedCost;
    Optional<StepInFlight> stepInFlight = Optional.empty();

    void read(String name, JsonPull p) {
      Token t = p.nextToken();
      switch (name) {
        case "job_id" -> jobId = new JobId(text(p, t));
        case "status" -> status = JobStatus.parse(text(p, t));
        case "retry_count" -> retryCount = number(p, t);
        case "step_count" -> stepCount = number(p, t);
        case "tool_call_count" -> toolCallCount = number(p, t);
        case "idempotency_keys" -> idempotencyKeys = strings(p, t);
        case "last_applied_seq" -> lastAppliedSeq = number(p, t);
        case "started_at" -> startedAt = optionalText(p, t).map(Timestamps::parse);
        case "last_reason_codes" -> lastReasonCodes = strings(p, t);
        case "env_fingerprint" -> envFingerprint = t == Token.NULL ? Optional.empty() : Optional.of(fingerprint(p, t));
        case "last_checkpoint" -> lastCheckpoint = t == Token.NULL ? Optional.empty() : Optional.of(checkpoint(p, t));
        case "adapter" -> adapter = optionalText(p, t);
        case "budgets" -> budgets = budgets(p, t);
        case "next_step_index" -> nextStepIndex = number(p, t);
        case "tokens" -> tokens = number(p, t);
        case "estimated_cost" -> estimatedCost = decimal(p, t);
        case "step_in_flight" -> stepInFlight = t == Token.NULL ? Optional.empty() : Optional.of(inFlight(p, t));
        default -> throw new IllegalArgumentException("unknown snapshot field " + name);
      }
    }

    JobState state() {
      if (jobId == null || status == null || budgets == null || lastAppliedSeq < 0) {
        throw new IllegalArgumentException("snapshot lacks job_id, status, budgets or last_applied_seq");
      }
      return new JobState(jobId, status, retryCount, stepCount, toolCallCount, new TreeSet<>(idempotencyKeys),
          lastAppliedSeq, startedAt, lastReasonCodes, envFingerprint, lastCheckpoint, adapter, budgets,
          nextStepIndex, tokens, estimatedCost, stepInFlight);
    }
  }

  private static EnvFingerprint fingerprint(JsonPull p, Token t) {
    expect(t, Token.START_OBJECT);
    String hash = null;
    List<String> rules = List.of();
    Map<String, String> values = new TreeMap<>();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token v = p.nextToken();
      switch (name) {
        case "hash" -> hash = text(p, v);
        case "rules" -> rules = strings(p, v);
        case "values" -> {
          expect(v, Token.START_OBJECT);
          for (String key = p.nextName(); key != null; key = p.nextName()) {
            values.put(key, text(p, p.nextToken()));
          }
        }
        default -> throw new IllegalArgumentException("unknown env_fingerprint field " + name);
      }
    }
    return new EnvFingerprint(hash, rules, values);
  }

  private static CheckpointRef checkpoint(JsonPull p, Token t) {
    expect(t, Token.START_OBJECT);
    long seq = -1;
    String type = null;
    String summary = null;
    JobStatus status = null;
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token v = p.nextToken();
      switch (name) {
        case "seq" -> seq = number(p, v);
        case "type" -> type = text(p, v);
        case "summary" -> summary = text(p, v);
        case "status" -> status = JobStatus.parse(text(p, v));
        default -> throw new IllegalArgumentException("unknown last_checkpoint field " + name);
      }
    }
    if (seq < 1 || type == null || summary == null || status == null) {
      throw new IllegalArgumentException("incomplete last_checkpoint");
    }
    return new CheckpointRef(seq, type, summary, status);
  }

  private static Budgets budgets(JsonPull p, Token t) {
    expect(t, Token.START_OBJECT);
    long[] limits = new long[4];
    Optional<Double> cost = Optional.empty();
    Optional<Long> tokens = Optional.empty();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token v = p.nextToken();
      switch (name) {
        case "max_wall_time_seconds" -> limits[0] = number(p, v);
        case "max_retries" -> limits[1] = number(p, v);
        case "max_step_count" -> limits[2] = number(p, v);
        case "max_tool_calls" -> limits[3] = number(p, v);
        case "max_estimated_cost" -> cost = v == Token.NULL ? Optional.empty() : Optional.of(decimal(p, v));
        case "max_tokens" -> tokens = v == Token.NULL ? Optional.empty() : Optional.of(number(p, v));
        default -> throw new IllegalArgumentException("unknown budgets field " + name);
      }
    }
    return new Budgets(limits[0], limits[1], limits[2], limits[3], cost, tokens);
  }

  private static StepInFlight inFlight(JsonPull p, Token t) {
    expect(t, Token.START_OBJECT);
    String stepId = null;
    String workerId = null;
    long stepIndex = 0;
    long attempt = 0;
    long startedSeq = 0;
    Optional<Long> pid = Optional.empty();
    Optional<String> host = Optional.empty();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token v = p.nextToken();
      switch (name) {
        case "step_id" -> stepId = text(p, v);
        case "step_index" -> stepIndex = number(p, v);
        case "attempt" -> attempt = number(p, v);
        case "worker_id" -> workerId = text(p, v);
        case "started_seq" -> startedSeq = number(p, v);
        case "pid" -> pid = v == Token.NULL ? Optional.empty() : Optional.of(number(p, v));
        case "host" -> host = optionalText(p, v);
        default -> throw new IllegalArgumentException("unknown step_in_flight field " + name);
      }
    }
    if (stepId == null || workerId == null) {
      throw new IllegalArgumentException("incomplete step_in_flight");
    }
    return new StepInFlight(stepId, stepIndex, Math.toIntExact(attempt), workerId, startedSeq, pid, host);
  }

  private static List<String> strings(JsonPull p, Token t) {
    expect(t, Token.START_ARRAY);
    List<String> out = new ArrayList<>();
    for (Token v = p.nextToken(); v != Token.END_ARRAY; v = p.nextToken()) {
      out.add(text(p, v));
    }
    return out;
  }

  private static String text(JsonPull p, Token t) {
    expect(t, Token.STRING);
    return p.string();
  }

  private static Optional<String> optionalText(JsonPull p, Token t) {
    return t == Token.NULL ? Optional.empty() : Optional.of(text(p, t));
  }

  private static long number(JsonPull p, Token t) {
    expect(t, Token.INT);
    return p.longValue();
  }

  private static double decimal(JsonPull p, Token t) {
    if (t != Token.INT) {
      expect(t, Token.FLOAT);
    }
    return p.doubleValue();
  }

  private static void expect(Token actual, Token expected) {
    if (actual != expected) {
      throw new IllegalArgumentException("expected " + expected + " but found " + actual);
    }
  }
}
