package dev.wrkr.cli;

import dev.wrkr.sign.KeyId;
import dev.wrkr.sign.SigningKeys;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code wrkr keys generate --out <prefix>}: an ed25519 key pair for signing jobpacks. */
@Command(name = "keys", description = "Manage jobpack signing keys.", synopsisSubcommandLabel = "(generate)")
final class KeysCommand implements Callable<Integer> {
  @Mixin HelpOption help;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    throw new ParameterException(spec.commandLine(), "Missing required subcommand: generate");
  }

  static void register(picocli.CommandLine root, Invocation invocation) {
    picocli.CommandLine group = new picocli.CommandLine(new KeysCommand());
    group.addSubcommand("generate", new Generate(invocation));
    root.addSubcommand("keys", group);
  }

  @Command(name = "generate",
      description = "Write <prefix>.key (private, mode 0600) and <prefix>.pub (public) for jobpack signing.")
  static final class Generate implements Callable<Integer> {
    private final Invocation invocation;

    @Mixin HelpOption help;

    @Option(names = "--out", required = true, paramLabel = "<prefix>", description = "Path prefix of the two files.")
    String out;

    @Option(names = "--force", description = "Overwrite existing key files.")
    boolean force;

    Generate(Invocation invocation) {
      this.invocation = invocation;
    }

    @Override
    public Integer call() {
      Path prefix = invocation.io().cwd().resolve(out);
      KeyId id = SigningKeys.generate(prefix, force);
      String priv = prefix + SigningKeys.PRIVATE_SUFFIX;
      String pub = prefix + SigningKeys.PUBLIC_SUFFIX;
      Output o = invocation.output();
      if (o.json()) {
        o.sortedMap(Map.of("key_id", id.value(), "private_key", priv, "public_key", pub));
      } else {
        o.line("key_id=" + id.value());
        o.line("private_key=" + priv);
        o.line("public_key=" + pub);
      }
      return 0;
    }
  }
}
