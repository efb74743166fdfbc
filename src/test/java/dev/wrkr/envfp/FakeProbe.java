package dev.wrkr.envfp;

import java.util.Map;
import java.util.Optional;

/** A fixed environment: the port implemented by a record, for deterministic fingerprints. */
record FakeProbe(
    String os,
    String arch,
    String javaVersion,
    String cwd,
    String hostname,
    Map<String, String> vars)
    implements EnvironmentProbe {

  /** linux/amd64, Java 21, in /work on host "build-1", with no variables. */
  static FakeProbe linux() {
    return new FakeProbe("linux", "amd64", "21", "/work", "build-1", Map.of());
  }

  FakeProbe withJavaVersion(String version) {
    return new FakeProbe(os, arch, version, cwd, hostname, vars);
  }

  FakeProbe withVars(Map<String, String> newVars) {
    return new FakeProbe(os, arch, javaVersion, cwd, hostname, newVars);
  }

  @Override
  public Optional<String> env(String name) {
    return Optional.ofNullable(vars.get(name));
  }
}
