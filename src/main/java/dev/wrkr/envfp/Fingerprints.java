package dev.wrkr.envfp;

import dev.wrkr.codec.Digests;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Captures and compares environment fingerprints exactly as Wrkr does (reference §5.6): rules
 * normalized and sorted, one value per rule, hash = sha256 hex of the RFC 8785 form of {@code
 * {"rules":[…],"values":{…}}}. Resume compares hashes only; the values say what changed.
 */
public final class Fingerprints {
  private static final Pattern LONE_SURROGATE = Pattern.compile("\\p{Cs}");

  private Fingerprints() {}

  /**
   * The fingerprint of the probed environment for these rules ({@link EnvRules#normalize}: trimmed,
   * de-duplicated, sorted, {@code go_version} read as {@code java_version}, empty = defaults). An
   * {@code env:NAME} rule records {@code ""} when the variable is unset.
   *
   * @throws dev.wrkr.failure.WrkrException E_INVALID_INPUT_SCHEMA for an unsupported rule
   */
  public static Fingerprint capture(List<String> rules, EnvironmentProbe probe) {
    Objects.requireNonNull(probe, "probe");
    List<String> normalized = EnvRules.normalize(rules);
    TreeMap<String, String> values = new TreeMap<>();
    for (String rule : normalized) {
      values.put(rule, wellFormed(value(rule, probe)));
    }
    return new Fingerprint(normalized, values, hash(normalized, values));
  }

  /**
   * sha256 hex of the canonical JSON of {@code {"rules":rules,"values":values}}, with the rules in
   * the order given and no alias applied: the primitive under {@link #capture}, and the way to
   * check a hash recorded by Wrkr.
   */
  public static String hash(List<String> rules, Map<String, String> values) {
    ObjectNode root = JsonNodeFactory.instance.objectNode();
    ArrayNode ruleArray = root.putArray("rules");
    rules.forEach(rule -> ruleArray.add(Objects.requireNonNull(rule, "rule")));
    ObjectNode valueObject = root.putObject("values");
    values.forEach((rule, value) -> valueObject.put(rule, Objects.requireNonNull(value, rule)));
    return Digests.sha256Hex(root);
  }

  /** Compares against a recorded hash alone: a mismatch cannot say which rules changed. */
  public static FingerprintCheck compare(String expectedHash, Fingerprint actual) {
    return expectedHash.equals(actual.hash())
        ? new FingerprintCheck.Match(actual)
        : new FingerprintCheck.Mismatch(expectedHash, actual, List.of());
  }

  /** Compares against a recorded fingerprint: by hash, naming the changed rules on a mismatch. */
  public static FingerprintCheck compare(Fingerprint expected, Fingerprint actual) {
    return expected.hash().equals(actual.hash())
        ? new FingerprintCheck.Match(actual)
        : new FingerprintCheck.Mismatch(
            expected.hash(), actual, changes(expected.values(), actual.values()));
  }

  /**
   * The rules whose values differ between two captures, sorted by rule. Each map holds one entry
   * per rule, so its keys are its rules; a rule present on one side only is a change too.
   */
  public static List<RuleChange> changes(Map<String, String> expected, Map<String, String> actual) {
    TreeSet<String> rules = new TreeSet<>(expected.keySet());
    rules.addAll(actual.keySet());
    List<RuleChange> changes = new ArrayList<>();
    for (String rule : rules) {
      Optional<String> before = Optional.ofNullable(expected.get(rule));
      Optional<String> after = Optional.ofNullable(actual.get(rule));
      if (!before.equals(after)) {
        changes.add(new RuleChange(rule, before, after));
      }
    }
    return List.copyOf(changes);
  }

  private static String value(String rule, EnvironmentProbe probe) {
    return switch (rule) {
      case "os" -> probe.os();
      case "arch" -> probe.arch();
      case "java_version" -> probe.javaVersion();
      case "cwd" -> probe.cwd();
      case "hostname" -> probe.hostname();
      // EnvRules.normalize admits nothing else, so any other rule is env:NAME.
      default -> probe.env(rule.substring("env:".length())).orElse("");
    };
  }

  /**
   * Lone surrogates (undecodable bytes in an environment variable) become U+FFFD, as Go's JSON
   * encoder turns invalid UTF-8 into U+FFFD before Wrkr hashes; canonical JSON refuses them. The
   * pattern matches code points, so a valid surrogate pair (one supplementary code point) stays.
   */
  private static String wellFormed(String value) {
    return LONE_SURROGATE.matcher(value).replaceAll("\uFFFD");
  }
}
