package dev.wrkr.envfp;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The environment-fingerprint rules a JobSpec may name: {@code os}, {@code arch}, {@code
 * java_version}, {@code cwd}, {@code hostname} and {@code env:NAME}. Wrkr's {@code go_version} is
 * accepted as an alias of {@code java_version} (a Go runtime version can never match a JVM's, so
 * the alias keeps Wrkr JobSpecs loadable rather than equal).
 */
public final class EnvRules {
  /** The rules used when a JobSpec names none, as in Wrkr (with {@code java_version}). */
  public static final List<String> DEFAULTS = List.of("arch", "java_version", "os");

  private static final List<String> PLAIN = List.of("os", "arch", "java_version", "cwd", "hostname");
  private static final Pattern ENV = Pattern.compile("env:[A-Za-z_][A-Za-z0-9_]*");

  private EnvRules() {}

  /**
   * Trims, maps {@code go_version} to {@code java_version}, drops blanks and duplicates, and
   * sorts; an empty result means {@link #DEFAULTS}.
   *
   * @throws WrkrException E_INVALID_INPUT_SCHEMA naming the first unsupported rule
   */
  public static List<String> normalize(List<String> rules) {
    TreeSet<String> out = new TreeSet<>();
    for (String raw : rules) {
      String rule = raw == null ? "" : raw.strip();
      if (rule.isEmpty()) {
        continue;
      }
      if (rule.equals("go_version")) {
        rule = "java_version";
      }
      if (!PLAIN.contains(rule) && !ENV.matcher(rule).matches()) {
        throw new WrkrException(
            ReasonCode.E_INVALID_INPUT_SCHEMA,
            "unsupported environment fingerprint rule \"" + rule
                + "\" (use os, arch, java_version, cwd, hostname or env:NAME)",
            Map.of("rule", rule));
      }
      out.add(rule);
    }
    return out.isEmpty() ? DEFAULTS : List.copyOf(out);
  }
}
