package dev.wrkr.cli;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The flags that may stand anywhere in argv, taken out before the command line is parsed.
 *
 * <p>Wrkr's rule (reference §1.1): {@code --json} is removed from every position, even after
 * {@code wrap --} (scripts append it after the wrapped command); {@code --explain} is removed
 * everywhere except after the first {@code --} that follows a {@code wrap} command word, where it
 * belongs to the wrapped command. {@code --store <url>} (ours) follows the {@code --explain} rule.
 */
public record GlobalArgs(boolean json, boolean explain, Optional<String> store, List<String> rest) {
  public GlobalArgs {
    rest = List.copyOf(rest);
  }

  public static GlobalArgs split(String[] argv) {
    boolean json = false;
    boolean explain = false;
    Optional<String> store = Optional.empty();
    List<String> rest = new ArrayList<>();
    boolean passthrough = false;
    boolean wrapCommand = false;
    for (int i = 0; i < argv.length; i++) {
      String a = argv[i];
      if (a.equals("--json")) {
        json = true;
      } else if (passthrough) {
        rest.add(a);
      } else if (a.equals("--explain")) {
        explain = true;
      } else if (a.equals("--store") || a.startsWith("--store=")) {
        String value = a.equals("--store") ? (i + 1 < argv.length ? argv[++i] : null) : a.substring(8);
        if (value == null || value.isBlank()) {
          throw new WrkrException(
              ReasonCode.E_INVALID_INPUT_SCHEMA, "--store needs a value: a PostgreSQL URL or a SQLite file",
              Map.of("flag", "--store"));
        }
        store = Optional.of(value);
      } else {
        if (rest.isEmpty() && a.equals("wrap")) {
          wrapCommand = true;
        } else if (wrapCommand && a.equals("--")) {
          passthrough = true;
        }
        rest.add(a);
      }
    }
    return new GlobalArgs(json, explain, store, rest);
  }
}
