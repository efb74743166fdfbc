package dev.wrkr.job;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Turns events into ledger payloads and back. Payloads are RFC 8785 canonical JSON with Wrkr's
 * snake_case field names, so the same event always has the same bytes.
 *
 * <p>Decoding fails closed: an unknown type or a payload that does not decode into its record is
 * a {@link CorruptLedgerException} ({@code E_STORE_CORRUPT}) naming the type and sequence number.
 */
public final class EventCodec {
  private static final Map<String, Class<? extends JobEvent>> TYPES =
      Map.ofEntries(
          Map.entry(JobEvent.JobInitialized.TYPE, JobEvent.JobInitialized.class),
          Map.entry(JobEvent.EnvFingerprintSet.TYPE, JobEvent.EnvFingerprintSet.class),
          Map.entry(JobEvent.StatusChanged.TYPE, JobEvent.StatusChanged.class),
          Map.entry(JobEvent.CountersUpdated.TYPE, JobEvent.CountersUpdated.class),
          Map.entry(JobEvent.IdempotencyRecorded.TYPE, JobEvent.IdempotencyRecorded.class),
          Map.entry(JobEvent.LeaseSet.TYPE, JobEvent.LeaseSet.class),
          Map.entry(JobEvent.LeaseReleased.TYPE, JobEvent.LeaseReleased.class),
          Map.entry(JobEvent.CheckpointEmitted.TYPE, JobEvent.CheckpointEmitted.class),
          Map.entry(JobEvent.ApprovalRecorded.TYPE, JobEvent.ApprovalRecorded.class),
          Map.entry(JobEvent.AdapterStep.TYPE, JobEvent.AdapterStep.class),
          Map.entry(JobEvent.EnvOverrideRecorded.TYPE, JobEvent.EnvOverrideRecorded.class),
          Map.entry(JobEvent.StepStarted.TYPE, JobEvent.StepStarted.class),
          Map.entry(JobEvent.StepRetried.TYPE, JobEvent.StepRetried.class),
          Map.entry(JobEvent.StepProcess.TYPE, JobEvent.StepProcess.class),
          Map.entry(JobEvent.BudgetRaised.TYPE, JobEvent.BudgetRaised.class),
          Map.entry(JobEvent.ArtifactsRecorded.TYPE, JobEvent.ArtifactsRecorded.class),
          Map.entry(JobEvent.AcceptRecorded.TYPE, JobEvent.AcceptRecorded.class));

  private static final java.util.Set<String> STEP_TYPES = java.util.Set.of(JobEvent.StepStarted.TYPE,
      JobEvent.StepProcess.TYPE, JobEvent.AdapterStep.TYPE, JobEvent.ArtifactsRecorded.TYPE,
      JobEvent.CountersUpdated.TYPE);

  private EventCodec() {}

  /** The canonical JSON payload of {@code event}. */
  public static String encode(JobEvent event) {
    JsonNode tree = Json.wire().valueToTree(event);
    return new String(Canonical.canonicalize(tree), StandardCharsets.UTF_8);
  }

  /** The event stored as {@code type} with {@code payloadJson} at {@code seq} of {@code job}. */
  public static JobEvent decode(JobId job, long seq, String type, String payloadJson) {
    Class<? extends JobEvent> cls = TYPES.get(type);
    if (cls == null) {
      throw new CorruptLedgerException(
          "unknown event type", Map.of("job_id", job.value(), "type", type, "seq", seq));
    }
    if (cls == JobEvent.CheckpointEmitted.class) {
      // The most numerous event of long jobs, and what checkpoint listings read.
      Optional<JobEvent.CheckpointEmitted> plain = CheckpointEventJson.read(payloadJson);
      if (plain.isPresent()) {
        return plain.get();
      }
    } else if (STEP_TYPES.contains(type)) {
      // What the runner writes for every step: the bulk of a long job's ledger.
      Optional<JobEvent> plain = StepEventJson.read(type, payloadJson);
      if (plain.isPresent()) {
        return plain.get();
      }
    }
    try {
      JobEvent event = Json.wire().readValue(payloadJson, cls);
      if (event == null) {
        throw new IllegalArgumentException("payload is null");
      }
      return event;
    } catch (RuntimeException e) {
      throw new CorruptLedgerException(
          "undecodable event payload",
          Map.of(
              "job_id", job.value(), "type", type, "seq", seq,
              "error", String.valueOf(e.getMessage()).lines().findFirst().orElse("")),
          e);
    }
  }

  /** True when {@code type} is an event type this build can read. */
  public static boolean knows(String type) {
    return TYPES.containsKey(type);
  }
}
