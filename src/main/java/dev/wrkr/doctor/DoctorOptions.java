package dev.wrkr.doctor;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code wrkr doctor} was asked: the profile, and serve settings from {@code --serve-*} flags
 * (each overrides its {@code WRKR_SERVE_*} variable).
 */
public record DoctorOptions(
    boolean productionReadiness,
    Optional<String> serveListen,
    Optional<Boolean> serveAllowNonLoopback,
    Optional<String> serveAuthToken) {
  public DoctorOptions {
    Objects.requireNonNull(serveListen, "serveListen");
    Objects.requireNonNull(serveAllowNonLoopback, "serveAllowNonLoopback");
    Objects.requireNonNull(serveAuthToken, "serveAuthToken");
  }

  /** The default profile without serve flags. */
  public static DoctorOptions defaults() {
    return new DoctorOptions(false, Optional.empty(), Optional.empty(), Optional.empty());
  }
}
