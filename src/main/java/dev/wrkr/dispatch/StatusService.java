package dev.wrkr.dispatch;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.job.JobId;
import dev.wrkr.job.JobState;
import dev.wrkr.store.Lease;
import dev.wrkr.store.Leases;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads a job's status from the store: the fold of its ledger plus its live lease. */
public final class StatusService {
  static final String SUMMARY = "status materialized from durable store";

  private final JobHistory history;
  private final Leases leases;
  private final InstantSource clock;
  private final String producerVersion;

  public StatusService(JobHistory history, Leases leases, InstantSource clock, String producerVersion) {
    this.history = history;
    this.leases = leases;
    this.clock = clock;
    this.producerVersion = producerVersion;
  }

  /** The job's status; {@code E_INVALID_INPUT_SCHEMA} "job not found" when there is no such job. */
  public StatusResponse status(JobId job) {
    JobState state = history.load(job).orElseThrow(() -> jobNotFound(job));
    Optional<StatusResponse.LeaseView> lease =
        leases.current(job).map(StatusService::view);
    List<String> codes = state.lastReasonCodes();
    String summary = codes.isEmpty() ? SUMMARY : SUMMARY + "; reason_codes=" + codes.get(0);
    return new StatusResponse(
        StatusResponse.SCHEMA_ID,
        "v1",
        clock.instant(),
        producerVersion,
        job.value(),
        state.status().wire(),
        summary,
        lease,
        codes,
        state.envFingerprint().map(JobState.EnvFingerprint::hash),
        state.envFingerprint().map(JobState.EnvFingerprint::rules).orElse(List.of()));
  }

  private static StatusResponse.LeaseView view(Lease l) {
    return new StatusResponse.LeaseView(l.worker().value(), l.leaseId(), l.expiresAt());
  }

  /** Wrkr's answer for an unknown job: exit 6 with the id in details. */
  public static WrkrException jobNotFound(JobId job) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, "job not found", Map.of("job_id", job.value()));
  }
}
