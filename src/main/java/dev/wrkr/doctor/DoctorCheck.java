package dev.wrkr.doctor;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One doctor check, with Wrkr's field names ({@code name, ok, severity, details, remediation})
 * plus {@code status}.
 *
 * @param ok true when the check passed
 * @param status pass, warn (reported, never fails the doctor) or fail (fails the doctor)
 * @param severity {@code critical} for pass and fail, {@code warning} for warn, as in Wrkr
 * @param details what was found
 * @param remediation how to fix it; present exactly when the check did not pass
 */
public record DoctorCheck(
    String name,
    boolean ok,
    Status status,
    String severity,
    String details,
    @JsonInclude(JsonInclude.Include.NON_ABSENT) Optional<String> remediation) {

  /** The outcome of a check. */
  public enum Status {
    PASS,
    WARN,
    FAIL;

    /** The JSON and text name: {@code pass}, {@code warn}, {@code fail}. */
    @JsonValue
    public String wire() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public DoctorCheck {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(details, "details");
    Objects.requireNonNull(remediation, "remediation");
    if (ok != (status == Status.PASS) || remediation.isPresent() == ok) {
      throw new IllegalArgumentException("a check has a remediation exactly when it did not pass");
    }
  }

  /** A passing check. */
  public static DoctorCheck pass(String name, String details) {
    return new DoctorCheck(name, true, Status.PASS, "critical", details, Optional.empty());
  }

  /** A finding that is reported but does not fail the doctor. */
  public static DoctorCheck warn(String name, String details, String remediation) {
    return new DoctorCheck(name, false, Status.WARN, "warning", details, Optional.of(remediation));
  }

  /** A critical failure: the doctor fails and exits 1. */
  public static DoctorCheck fail(String name, String details, String remediation) {
    return new DoctorCheck(name, false, Status.FAIL, "critical", details, Optional.of(remediation));
  }

  /** {@link #fail} when {@code critical}, else {@link #warn}. */
  public static DoctorCheck problem(
      boolean critical, String name, String details, String remediation) {
    return critical ? fail(name, details, remediation) : warn(name, details, remediation);
  }
}
