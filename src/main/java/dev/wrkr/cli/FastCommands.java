package dev.wrkr.cli;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The read commands scripts call most ({@code status <job_id>}, {@code checkpoint list <job_id>},
 * {@code jobs [--status s] [--limit n]}), run without building the picocli command tree: on a
 * cold JVM that tree costs more than the command itself (docs/performance.md, "Dispatch").
 *
 * <p>Only argument lists whose meaning is plain are taken: every word is either the command's own
 * or a value that cannot be read as an option ({@code -…}), an argument file ({@code @…}) or
 * anything else picocli treats specially, each option at most once, and numbers that parse. The
 * same command objects run, with the fields picocli would have set; everything else (help, bad
 * or repeated options, other commands) goes to picocli. {@code FastCommandsTest} runs each form
 * both ways and compares the output byte for byte.
 */
final class FastCommands {
  private FastCommands() {}

  /** The command {@code argv} names, ready to run, or empty when picocli must parse it. */
  static Optional<Supplier<Integer>> match(Invocation invocation, List<String> argv) {
    if (argv.isEmpty() || !argv.stream().allMatch(FastCommands::plain)) {
      return Optional.empty();
    }
    return switch (argv.getFirst()) {
      case "status" -> argv.size() == 2 && value(argv.get(1)) ? Optional.of(status(invocation, argv.get(1)))
          : Optional.empty();
      case "checkpoint" -> argv.size() == 3 && argv.get(1).equals("list") && value(argv.get(2))
          ? Optional.of(checkpoints(invocation, argv.get(2))) : Optional.empty();
      case "jobs" -> jobs(invocation, argv.subList(1, argv.size()));
      default -> Optional.empty();
    };
  }

  private static Supplier<Integer> status(Invocation invocation, String jobId) {
    StatusCommand command = new StatusCommand(invocation);
    command.jobId = jobId;
    return command::call;
  }

  private static Supplier<Integer> checkpoints(Invocation invocation, String jobId) {
    CheckpointCommand.ListCommand command = new CheckpointCommand.ListCommand(invocation);
    command.jobId = jobId;
    return command::call;
  }

  private static Optional<Supplier<Integer>> jobs(Invocation invocation, List<String> options) {
    Map<String, String> given = new HashMap<>();
    for (int i = 0; i < options.size(); i++) {
      String word = options.get(i);
      int eq = word.indexOf('=');
      String name = eq < 0 ? word : word.substring(0, eq);
      if (!Set.of("--status", "--limit").contains(name) || given.containsKey(name)) {
        return Optional.empty();
      }
      String value;
      if (eq >= 0) {
        value = word.substring(eq + 1);
      } else if (i + 1 < options.size()) {
        value = options.get(++i);
      } else {
        return Optional.empty();
      }
      if (!value(value)) {
        return Optional.empty();
      }
      given.put(name, value);
    }
    JobsCommand command = new JobsCommand(invocation);
    if (given.containsKey("--limit")) {
      String limit = given.get("--limit");
      if (limit.isEmpty() || limit.length() > 9 || !limit.chars().allMatch(c -> c >= '0' && c <= '9')) {
        return Optional.empty();
      }
      command.limit = Integer.parseInt(limit);
    }
    command.status = given.get("--status");
    return Optional.of(command::call);
  }

  /** A word picocli reads as it is: not an argument file, and without quotes or control characters. */
  private static boolean plain(String word) {
    return !word.startsWith("@") && word.chars().allMatch(c -> c > ' ' && c != '"' && c != '\'' && c != 0x7f);
  }

  /** A word that is a value wherever it stands: picocli would take nothing starting with '-' as one. */
  private static boolean value(String word) {
    return !word.isEmpty() && !word.startsWith("-");
  }
}
