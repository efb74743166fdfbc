package dev.wrkr.failure;

/**
 * Stable reason codes shared by every command, the HTTP API and the ledger.
 *
 * <p>The exit code of each code is Wrkr's (reference §2.1) so scripts written for Wrkr keep working;
 * codes marked "wrkr-java" are ours and documented in {@code docs/contracts.md}. This enum is the
 * one mapping from a reason to a process exit code and an HTTP status.
 */
public enum ReasonCode {
  /** An error that is not one of ours (a bug, an I/O failure we did not classify). */
  E_GENERIC_FAILURE(1, 500),
  /** A job stopped because a budget (wall time, steps, tool calls, retries, tokens, cost) ran out. */
  E_BUDGET_EXCEEDED(1, 409),
  /** An adapter step (command, agent turn) failed. */
  E_ADAPTER_FAIL(1, 500),
  /** Resume asked for while a decision-needed checkpoint has no approval. */
  E_CHECKPOINT_APPROVAL_REQUIRED(4, 409),
  /** An acceptance check found a required artifact missing or a path rule broken. */
  E_ACCEPT_MISSING_ARTIFACT(5, 422),
  /** The acceptance test command failed. */
  E_ACCEPT_TEST_FAIL(5, 422),
  /** The acceptance lint command failed (wrkr-java: Wrkr documents but never emits it). */
  E_ACCEPT_LINT_FAIL(5, 422),
  /** A jobpack's manifest or one of its files does not match its recorded digest. */
  E_VERIFY_HASH_MISMATCH(2, 422),
  /** The store holds something we cannot read back: unknown event type, undecodable payload. */
  E_STORE_CORRUPT(1, 500),
  /** The environment differs from the one recorded when the job started. */
  E_ENV_FINGERPRINT_MISMATCH(1, 409),
  /** Another worker holds an unexpired lease on the job. */
  E_LEASE_CONFLICT(1, 409),
  /** A status change that the transition table does not allow. */
  E_INVALID_STATE_TRANSITION(1, 409),
  /** Input that does not match its schema: arguments, flags, files, ids, request bodies. */
  E_INVALID_INPUT_SCHEMA(6, 400),
  /** An operation refused because it would be unsafe: paths escaping a root, exposed servers. */
  E_UNSAFE_OPERATION(8, 400),
  /** wrkr-java: the store cannot be opened, reached or migrated (bad URL, server down, newer schema). */
  E_STORE_UNAVAILABLE(1, 503),
  /**
   * wrkr-java: a jobpack signature does not verify: wrong or untrusted key, a manifest changed
   * after signing, a changed or malformed signature envelope.
   */
  E_SIGNATURE_INVALID(2, 422),
  /**
   * wrkr-java: a file that should be a jobpack is not a well-formed, safe archive: truncated,
   * duplicate or unsafe entry names, unsupported compression, entries too large or compressed
   * beyond a sane ratio (zip bombs).
   */
  E_JOBPACK_INVALID(2, 422);

  private final int exitCode;
  private final int httpStatus;

  ReasonCode(int exitCode, int httpStatus) {
    this.exitCode = exitCode;
    this.httpStatus = httpStatus;
  }

  /** The process exit code a CLI command ends with when it fails for this reason. */
  public int exitCode() {
    return exitCode;
  }

  /** The HTTP status the API answers with when a request fails for this reason. */
  public int httpStatus() {
    return httpStatus;
  }
}
