package dev.wrkr.dispatch;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * {@code wrkr.status_response}: a job's status as {@code wrkr status --json} and the API report it
 * (reference §5.8). Optional parts are left out when absent.
 */
@JsonInclude(JsonInclude.Include.NON_ABSENT)
public record StatusResponse(
    String schemaId,
    String schemaVersion,
    Instant createdAt,
    String producerVersion,
    String jobId,
    String status,
    String summary,
    Optional<LeaseView> lease,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> reasonCodes,
    Optional<String> environmentHash,
    @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> environmentRules) {
  public static final String SCHEMA_ID = "wrkr.status_response";

  public StatusResponse {
    reasonCodes = List.copyOf(reasonCodes);
    environmentRules = List.copyOf(environmentRules);
  }

  /** The lease as status shows it: who holds the job and until when. */
  public record LeaseView(String workerId, String leaseId, Instant expiresAt) {}
}
