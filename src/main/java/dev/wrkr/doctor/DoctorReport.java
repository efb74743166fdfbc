package dev.wrkr.doctor;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The result of {@code wrkr doctor}, shaped as Wrkr's: {@code {checked_at, profile, ok, checks}}.
 *
 * @param profile {@code default} or {@code production-readiness}
 * @param ok false when any check failed ({@link DoctorCheck.Status#FAIL}); the exit code is then 1
 */
public record DoctorReport(Instant checkedAt, String profile, boolean ok, List<DoctorCheck> checks) {
  public DoctorReport {
    Objects.requireNonNull(checkedAt, "checkedAt");
    Objects.requireNonNull(profile, "profile");
    checks = List.copyOf(checks);
  }

  /** A report over {@code checks}, ok when none failed. */
  public static DoctorReport of(Instant checkedAt, boolean productionReadiness, List<DoctorCheck> checks) {
    boolean ok = checks.stream().noneMatch(c -> c.status() == DoctorCheck.Status.FAIL);
    return new DoctorReport(
        checkedAt, productionReadiness ? "production-readiness" : "default", ok, checks);
  }
}
