package dev.wrkr.cli;

import dev.wrkr.release.BuildInfo;
import dev.wrkr.spec.JobSpecTemplate;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wrkr init [<path>] [--path p] [--force]}: writes a commented JobSpec template. */
@Command(name = "init", description = "Write a commented JobSpec template (default: jobspec.yaml).")
final class InitCommand implements Callable<Integer> {
  private final Invocation invocation;

  @Mixin HelpOption help;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<path>", description = "Where to write it.")
  String positional;

  @Option(names = "--path", paramLabel = "<path>", description = "Where to write it.")
  String path;

  @Option(names = "--force", description = "Overwrite an existing file.")
  boolean force;

  InitCommand(Invocation invocation) {
    this.invocation = invocation;
  }

  @Override
  public Integer call() {
    String target = path != null ? path : positional != null ? positional : JobSpecTemplate.DEFAULT_FILE_NAME;
    Path written = JobSpecTemplate.write(Path.of(target), invocation.io().cwd(), force, invocation.io().clock().instant(),
        BuildInfo.current().version());
    Output out = invocation.output();
    if (out.json()) {
      out.compactMap(Map.of("jobspec_path", written.toString()));
    } else {
      out.line("jobspec=" + written);
    }
    return 0;
  }
}
