package dev.wrkr.job;

import dev.wrkr.budget.Budgets;
import dev.wrkr.codec.JsonPull;
import dev.wrkr.codec.Timestamps;
import dev.wrkr.job.JobState.CheckpointRef;
import dev.wrkr.job.JobState.EnvFingerprint;
import dev.wrkr.job.JobState.StepInFlight;
import java.io.StringWriter;
import java.util.Map;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;

/**
 * A job state's snapshot JSON, written field by field with Jackson's streaming generator and read
 * with {@link JsonPull}.
 *
 * <p>The shape is the one the wire mapper gives the {@link JobState} record (snake_case fields in
 * component order, absent optionals as null, instants as Go timestamps), so snapshots written by
 * either read back with the other ({@code JobStateJsonTest}). Binding through the mapper cost a
 * cold {@code wrkr status} most of its time (record introspection on every start) and every
 * runner append a tenth of a millisecond; see docs/performance.md, "Dispatch".
 *
 * <p>Snapshots are caches: {@link #read} throws {@link IllegalArgumentException} for anything it
 * does not understand, and the caller rebuilds the state from the ledger.
 */
public final class JobStateJson {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JobStateJson() {}

  /** The snapshot JSON of {@code s}. */
  public static String write(JobState s) {
    StringWriter out = new StringWriter(640);
    try (JsonGenerator g = FACTORY.createGenerator(ObjectWriteContext.empty(), out)) {
      g.writeStartObject();
      g.writeStringProperty("job_id", s.jobId().value());
      g.writeStringProperty("status", s.status().wire());
      g.writeNumberProperty("retry_count", s.retryCount());
      g.writeNumberProperty("step_count", s.stepCount());
      g.writeNumberProperty("tool_call_count", s.toolCallCount());
      strings(g, "idempotency_keys", s.idempotencyKeys());
      g.writeNumberProperty("last_applied_seq", s.lastAppliedSeq());
      g.writeStringProperty("started_at", s.startedAt().map(Timestamps::format).orElse(null));
      strings(g, "last_reason_codes", s.lastReasonCodes());
      g.writeName("env_fingerprint");
      if (s.envFingerprint().isPresent()) {
        EnvFingerprint f = s.envFingerprint().get();
        g.writeStartObject();
        g.writeStringProperty("hash", f.hash());
        strings(g, "rules", f.rules());
        g.writeObjectPropertyStart("values");
        for (Map.Entry<String, String> e : f.values().entrySet()) {
          g.writeStringProperty(e.getKey(), e.getValue());
        }
        g.writeEndObject();
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeName("last_checkpoint");
      if (s.lastCheckpoint().isPresent()) {
        CheckpointRef c = s.lastCheckpoint().get();
        g.writeStartObject();
        g.writeNumberProperty("seq", c.seq());
        g.writeStringProperty("type", c.type());
        g.writeStringProperty("summary", c.summary());
        g.writeStringProperty("status", c.status().wire());
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeStringProperty("adapter", s.adapter().orElse(null));
      budgets(g, s.budgets());
      g.writeNumberProperty("next_step_index", s.nextStepIndex());
      g.writeNumberProperty("tokens", s.tokens());
      g.writeNumberProperty("estimated_cost", s.estimatedCost());
      g.writeName("step_in_flight");
      if (s.stepInFlight().isPresent()) {
        StepInFlight f = s.stepInFlight().get();
        g.writeStartObject();
        g.writeStringProperty("step_id", f.stepId());
        g.writeNumberProperty("step_index", f.stepIndex());
        g.writeNumberProperty("attempt", f.attempt());
        g.writeStringProperty("worker_id", f.workerId());
        g.writeNumberProperty("started_seq", f.startedSeq());
        g.writeName("pid");
        if (f.pid().isPresent()) {
          g.writeNumber(f.pid().get());
        } else {
          g.writeNull();
        }
        g.writeStringProperty("host", f.host().orElse(null));
        g.writeEndObject();
      } else {
        g.writeNull();
      }
      g.writeEndObject();
    }
    return out.toString();
  }

  private static void strings(JsonGenerator g, String name, Iterable<String> values) {
    g.writeArrayPropertyStart(name);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  private static void budgets(JsonGenerator g, Budgets b) {
    g.writeObjectPropertyStart("budgets");
    g.writeNumberProperty("max_wall_time_seconds", b.maxWallTimeSeconds());
    g.writeNumberProperty("max_retries", b.maxRetries());
    g.writeNumberProperty("max_step_count", b.maxStepCount());
    g.writeNumberProperty("max_tool_calls", b.maxToolCalls());
    g.writeName("max_estimated_cost");
    if (b.maxEstimatedCost().isPresent()) {
      g.writeNumber(b.maxEstimatedCost().get());
    } else {
      g.writeNull();
    }
    g.writeName("max_tokens");
    if (b.maxTokens().isPresent()) {
      g.writeNumber(b.maxTokens().get());
    } else {
      g.writeNull();
    }
    g.writeEndObject();
  }

  /**
   * The state in a snapshot's JSON.
   *
   * @throws IllegalArgumentException when the text is not JSON or not a snapshot this build wrote
   */
  public static JobState read(String json) {
    return JobStateReader.read(json);
  }
}
