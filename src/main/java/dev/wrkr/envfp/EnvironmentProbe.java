package dev.wrkr.envfp;

import java.util.Optional;

/**
 * Port to the facts an environment fingerprint is made of: one method per rule of {@link EnvRules}.
 * Values use Wrkr's (Go's) spellings where Wrkr has one, so that a fingerprint means the same thing
 * whichever implementation captured it.
 *
 * <p>{@link SystemEnvironmentProbe} reads the running JVM; tests use a fixed record. Methods are
 * called only for the rules a job names, so an expensive fact (the hostname) costs nothing unless
 * asked for.
 */
public interface EnvironmentProbe {
  /** Go's {@code GOOS}: {@code linux}, {@code darwin}, {@code windows}, {@code freebsd}, … */
  String os();

  /** Go's {@code GOARCH}: {@code amd64}, {@code arm64}, {@code 386}, {@code arm}, … */
  String arch();

  /** The Java feature release, e.g. {@code "21"} (rule {@code java_version}). */
  String javaVersion();

  /** The absolute working directory. */
  String cwd();

  /** This machine's host name, as Go's {@code os.Hostname} gives it. */
  String hostname();

  /** The value of an environment variable, empty when it is unset. */
  Optional<String> env(String name);
}
