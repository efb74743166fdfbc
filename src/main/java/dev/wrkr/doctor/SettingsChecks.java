package dev.wrkr.doctor;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The checks {@code retention_settings} and {@code unsafe_defaults}, on settings only. */
final class SettingsChecks {
  static final String RETENTION = "retention_settings";
  static final String UNSAFE = "unsafe_defaults";
  static final String RETENTION_ENV = "WRKR_RETENTION_DAYS";

  private SettingsChecks() {}

  /**
   * {@code WRKR_RETENTION_DAYS}: unset passes by default and warns under production readiness; a
   * value that is not a positive whole number warns, or fails under production readiness.
   */
  static DoctorCheck retention(Map<String, String> env, boolean production) {
    String days = env.get(RETENTION_ENV);
    String fix = "set " + RETENTION_ENV + " to how many days of jobs to keep, e.g. 30";
    if (days == null || days.isBlank()) {
      return production
          ? DoctorCheck.warn(RETENTION, RETENTION_ENV + " is not set", fix)
          : DoctorCheck.pass(RETENTION, RETENTION_ENV + " is not set");
    }
    if (!positive(days)) {
      return DoctorCheck.problem(production, RETENTION,
          RETENTION_ENV + "=" + days + " is not a positive whole number", fix);
    }
    return DoctorCheck.pass(RETENTION, RETENTION_ENV + "=" + days.strip());
  }

  /**
   * {@code WRKR_ALLOW_UNSAFE} (1 or true warns, fails under production readiness) and the serve
   * settings: a non-loopback listen address without {@code allow_non_loopback} and an auth token
   * always fails, as {@code serve} itself would refuse it (Wrkr §9.1).
   */
  static DoctorCheck unsafe(Map<String, String> env, DoctorOptions options) {
    String allowUnsafe = env.getOrDefault("WRKR_ALLOW_UNSAFE", "").strip().toLowerCase(Locale.ROOT);
    String listen = options.serveListen()
        .or(() -> nonBlank(env.get("WRKR_SERVE_LISTEN"))).orElse("127.0.0.1:9488");
    boolean allowNonLoopback = options.serveAllowNonLoopback()
        .orElseGet(() -> isTrue(env.getOrDefault("WRKR_SERVE_ALLOW_NON_LOOPBACK", "")));
    boolean token = options.serveAuthToken().or(() -> nonBlank(env.get("WRKR_SERVE_AUTH_TOKEN")))
        .filter(t -> !t.isBlank()).isPresent();
    if (!loopback(listen)) {
      if (!allowNonLoopback) {
        return DoctorCheck.fail(UNSAFE, "serve listen " + listen + " is not loopback",
            "listen on 127.0.0.1, or set WRKR_SERVE_ALLOW_NON_LOOPBACK=1 with an auth token");
      }
      if (!token) {
        return DoctorCheck.fail(UNSAFE, "serve listen " + listen + " is not loopback and has no auth token",
            "set WRKR_SERVE_AUTH_TOKEN (or --serve-auth-token), or listen on 127.0.0.1");
      }
    }
    if (allowUnsafe.equals("1") || allowUnsafe.equals("true")) {
      return DoctorCheck.problem(options.productionReadiness(), UNSAFE,
          "WRKR_ALLOW_UNSAFE is enabled", "unset WRKR_ALLOW_UNSAFE");
    }
    return DoctorCheck.pass(UNSAFE, "serve listen=" + listen + " auth=" + (token ? "token" : "none"));
  }

  /** {@code localhost}, or a literal IP that is loopback (Wrkr §9.1); never resolves a name. */
  static boolean loopback(String listen) {
    int colon = listen.lastIndexOf(':');
    String host = colon < 0 ? listen : listen.substring(0, colon);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (host.equalsIgnoreCase("localhost")) {
      return true;
    }
    if (!host.matches("[0-9.]+|[0-9a-fA-F:]*:[0-9a-fA-F:.]*")) {
      return false;
    }
    try {
      InetAddress address = InetAddress.getByName(host);
      return address.isLoopbackAddress() && !address.isAnyLocalAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private static boolean positive(String text) {
    try {
      return Long.parseLong(text.strip()) > 0;
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static boolean isTrue(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    return t.equals("1") || t.equals("true");
  }

  private static Optional<String> nonBlank(String value) {
    return Optional.ofNullable(value).filter(v -> !v.isBlank());
  }
}
