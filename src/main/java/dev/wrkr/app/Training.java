package dev.wrkr.app;

import dev.wrkr.cli.Cli;
import dev.wrkr.cli.Io;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The training run for the launcher's start-up cache (JDK 25 AOT cache): runs the common start
 * paths in-process, against a throw-away SQLite store, with all output discarded, so the cache
 * holds the classes they load and link. Not a user command.
 */
public final class Training {
  private static final String TRAINING_SPEC =
      """
      schema_id: wrkr.jobspec
      schema_version: v1
      producer_version: training
      name: training
      objective: train the start-up cache
      adapter:
        name: reference
      budgets:
        max_wall_time_seconds: 60
        max_step_count: 5
        max_tool_calls: 5
      checkpoint_policy:
        min_interval_seconds: 1
      environment_fingerprint:
        rules: [os]
      inputs:
        workspace: .
        steps:
          - id: one
            command: 'printf "plain\\ntoken = abcdefgh12345\\n" > out.txt'
            artifacts: [out.txt]
      """;

  private Training() {}

  public static void main(String[] args) throws IOException {
    Path home = Files.createTempDirectory("wrkr-training");
    try {
      Map<String, String> env = new HashMap<>(System.getenv());
      env.put("WRKR_HOME", home.toString());
      env.remove("WRKR_STORE_URL");
      PrintStream sink = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
      Io io =
          new Io(sink, sink, env, home, InstantSource.system(),
              store -> AppServices.open(store, env, InstantSource.system(), home));
      Files.writeString(home.resolve("training.yaml"), TRAINING_SPEC);
      for (List<String> argv :
          List.of(
              List.of("submit", "training.yaml", "--job-id", "training_job"),
              List.of("checkpoint", "list", "training_job"),
              List.of("--json", "checkpoint", "list", "training_job"),
              List.of("jobs"),
              List.of("version"),
              List.of("--json", "version"),
              List.of("--explain", "status"),
              List.of("--json", "--explain", "status"),
              List.of("status", "training_job"),
              List.of("--json", "status", "training_job"),
              List.of("status", "--help"),
              // export and verify: their classes in the cache too (they run with the full JIT)
              List.of("export", "training_job", "--unsafe-capture-raw"),
              List.of("verify", "training_job"),
              List.of("no-such-command"))) {
        new Cli(io).run(argv.toArray(String[]::new));
      }
    } finally {
      deleteTree(home);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      });
    }
  }
}
