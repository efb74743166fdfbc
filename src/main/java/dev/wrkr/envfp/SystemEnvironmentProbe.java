package dev.wrkr.envfp;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The running JVM and machine as an {@link EnvironmentProbe}. The composition root builds it with
 * the process environment and working directory ({@code new SystemEnvironmentProbe(System.getenv(),
 * Path.of("").toAbsolutePath())}); nothing here reads them itself, so tests pass their own.
 *
 * <p>{@code java_version} is the <em>feature</em> release ({@code Runtime.version().feature()},
 * e.g. {@code "21"}), not the full version string: a JDK patch or security update must not block
 * every paused job from resuming, while a new feature release (new language and library behaviour)
 * is exactly what the rule exists to notice. Wrkr's {@code go_version} records the full Go version;
 * the two can never be equal anyway (see {@link EnvRules}).
 */
public final class SystemEnvironmentProbe implements EnvironmentProbe {
  private final Map<String, String> environment;
  private final String cwd;

  /**
   * @param environment the process environment; kept as given rather than copied, so the
   *     case-insensitive lookup of {@code System.getenv()} on Windows (as Go's {@code os.Getenv})
   *     survives
   * @param cwd the absolute working directory
   * @throws IllegalArgumentException when {@code cwd} is relative
   */
  public SystemEnvironmentProbe(Map<String, String> environment, Path cwd) {
    Objects.requireNonNull(cwd, "cwd");
    if (!cwd.isAbsolute()) {
      throw new IllegalArgumentException("the working directory must be absolute, got " + cwd);
    }
    this.environment =
        Collections.unmodifiableMap(Objects.requireNonNull(environment, "environment"));
    this.cwd = cwd.toString();
  }

  @Override
  public String os() {
    return GoPlatform.goos(System.getProperty("os.name", ""));
  }

  @Override
  public String arch() {
    return GoPlatform.goarch(System.getProperty("os.arch", ""));
  }

  @Override
  public String javaVersion() {
    return Integer.toString(Runtime.version().feature());
  }

  @Override
  public String cwd() {
    return cwd;
  }

  /**
   * The local host name; when the JVM cannot resolve it (a host name without a matching address),
   * the {@code HOSTNAME} variable.
   *
   * @throws WrkrException E_GENERIC_FAILURE when neither gives a name (Wrkr fails too)
   */
  @Override
  public String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (UnknownHostException e) {
      return env("HOSTNAME")
          .filter(name -> !name.isBlank())
          .orElseThrow(
              () ->
                  new WrkrException(
                      ReasonCode.E_GENERIC_FAILURE,
                      "cannot resolve this machine's hostname for the environment fingerprint ("
                          + e.getMessage()
                          + "); set HOSTNAME or remove the hostname rule",
                      Map.of("rule", "hostname"),
                      e));
    }
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(environment.get(name));
  }
}
