package dev.wrkr.envfp;

import java.util.Locale;
import java.util.Map;

/**
 * Java's {@code os.name} and {@code os.arch} in Go's {@code GOOS} and {@code GOARCH} spellings, so
 * that a fingerprint captured by the JVM compares equal to one captured by Wrkr on the same
 * machine. A name without a known Go spelling is lower-cased and stripped to {@code [a-z0-9]}:
 * stable, and visibly not a Go value.
 */
final class GoPlatform {
  private static final Map<String, String> ARCH =
      Map.ofEntries(
          Map.entry("amd64", "amd64"),
          Map.entry("x86_64", "amd64"),
          Map.entry("x64", "amd64"),
          Map.entry("aarch64", "arm64"),
          Map.entry("arm64", "arm64"),
          Map.entry("x86", "386"),
          Map.entry("i386", "386"),
          Map.entry("i486", "386"),
          Map.entry("i586", "386"),
          Map.entry("i686", "386"),
          Map.entry("arm", "arm"),
          Map.entry("ppc64le", "ppc64le"),
          Map.entry("ppc64", "ppc64"),
          Map.entry("s390x", "s390x"),
          Map.entry("riscv64", "riscv64"),
          Map.entry("loongarch64", "loong64"),
          Map.entry("mips", "mips"),
          Map.entry("mipsel", "mipsle"),
          Map.entry("mips64", "mips64"),
          Map.entry("mips64el", "mips64le"),
          Map.entry("sparcv9", "sparc64"));

  private GoPlatform() {}

  /** {@code GOOS} for a Java {@code os.name} ("Linux", "Mac OS X", "Windows 11", "SunOS", …). */
  static String goos(String osName) {
    String name = osName.strip().toLowerCase(Locale.ROOT);
    if (name.startsWith("windows")) {
      return "windows";
    }
    if (name.startsWith("mac") || name.equals("darwin")) {
      return "darwin";
    }
    return switch (name) {
      case "sunos", "solaris" -> "solaris";
      case "dragonflybsd", "dragonfly" -> "dragonfly";
      default -> plain(name);
    };
  }

  /** {@code GOARCH} for a Java {@code os.arch} ("amd64", "x86_64", "aarch64", "x86", …). */
  static String goarch(String osArch) {
    String arch = osArch.strip().toLowerCase(Locale.ROOT);
    return ARCH.getOrDefault(arch, plain(arch));
  }

  private static String plain(String name) {
    return name.replaceAll("[^a-z0-9]", "");
  }
}
