package dev.wrkr.spec;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One step of the reference adapter ({@code inputs.steps[i]}), with Wrkr's defaults applied.
 *
 * <p>Wrkr's keys (reference §3.3): {@code id}, {@code summary}, {@code command}, {@code
 * artifacts}, {@code executed}, {@code decision_needed}, {@code required_action}, and {@code
 * checkpoint} (accepted and ignored, as Wrkr's {@code init} template writes it). Our additions,
 * which Wrkr ignores: {@code timeout}, {@code env}, {@code retries}, {@code retry_backoff}. Any
 * other key is an error (Wrkr ignores unknown step keys).
 *
 * @param id {@code id}, trimmed; {@code step} when absent or blank (Wrkr's default). Unlike Wrkr,
 *     ids must be unique within a JobSpec, so two steps without an id are an error
 * @param summary {@code summary}, trimmed; {@code reference adapter step <id>} when absent or blank
 * @param command {@code command}, as written; empty when absent, null or blank. Run with {@code sh
 *     -lc} only when {@code executed}. A non-string value is an error (Wrkr silently ignores it)
 * @param artifacts {@code artifacts}: paths relative to the workspace, trimmed, blanks dropped,
 *     deduplicated and sorted (as Wrkr); never absolute and never with a {@code ..} segment
 * @param executed {@code executed}, default {@code true}; {@code false} records the step without
 *     running its command
 * @param decisionNeeded {@code decision_needed}, default {@code false}: the step ends in a
 *     decision-needed checkpoint that must be approved before the job resumes
 * @param requiredAction {@code required_action}, trimmed; {@code approval} when blank and {@code
 *     decisionNeeded}
 * @param timeout ours: {@code timeout}, whole seconds (integer) or a duration string such as
 *     {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 500ms}; more than 0 and at most {@link
 *     #MAX_TIMEOUT}; none by default
 * @param env ours: {@code env}, extra environment variables for the command; names match {@code
 *     [A-Za-z_][A-Za-z0-9_]*}, values are strings; sorted by name
 * @param retries ours: {@code retries}, how often a failed command is run again, 0 (default) to
 *     {@link #MAX_RETRIES}
 * @param retryBackoff ours: {@code retry_backoff}, the wait before the first retry, doubled for
 *     each further one by the runner; a duration as for {@code timeout} (0 allowed), default
 *     {@link #DEFAULT_RETRY_BACKOFF}, at most {@link #MAX_RETRY_BACKOFF}
 */
public record Step(
    String id,
    String summary,
    Optional<String> command,
    List<String> artifacts,
    boolean executed,
    boolean decisionNeeded,
    Optional<String> requiredAction,
    Optional<Duration> timeout,
    Map<String, String> env,
    int retries,
    Duration retryBackoff) {
  /** The id of a step that names none (Wrkr's default). */
  public static final String DEFAULT_ID = "step";
  /** The required action of a decision-needed step that names none (Wrkr's default). */
  public static final String DEFAULT_REQUIRED_ACTION = "approval";
  public static final Duration MAX_TIMEOUT = Duration.ofDays(366);
  public static final int MAX_RETRIES = 100;
  public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(1);
  public static final Duration MAX_RETRY_BACKOFF = Duration.ofHours(1);

  public Step {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(command, "command");
    artifacts = List.copyOf(artifacts);
    Objects.requireNonNull(requiredAction, "requiredAction");
    Objects.requireNonNull(timeout, "timeout");
    env = Collections.unmodifiableMap(new TreeMap<>(env));
    Objects.requireNonNull(retryBackoff, "retryBackoff");
    if (id.isBlank()) {
      throw new IllegalArgumentException("step id must not be blank");
    }
    if (retries < 0 || retries > MAX_RETRIES) {
      throw new IllegalArgumentException("retries must be 0.." + MAX_RETRIES + ": " + retries);
    }
    if (timeout.isPresent() && (timeout.get().isNegative() || timeout.get().isZero())) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout.get());
    }
    if (retryBackoff.isNegative()) {
      throw new IllegalArgumentException("retry backoff must not be negative: " + retryBackoff);
    }
  }
}
