package dev.wrkr.cli;

import picocli.CommandLine;

/** The command tree, named as Wrkr's. Only commands that work are registered. */
final class Commands {
  private Commands() {}

  static CommandLine build(Invocation invocation) {
    CommandLine root = new CommandLine(new RootCommand(invocation));
    root.addSubcommand("version", new VersionCommand(invocation));
    root.addSubcommand("status", new StatusCommand(invocation));
    CheckpointCommand.register(root, invocation);
    root.addSubcommand("approve", new ApproveCommand(invocation));
    root.addSubcommand("demo", new DemoCommand(invocation));
    root.addSubcommand("init", new InitCommand(invocation));
    root.addSubcommand("submit", new SubmitCommand(invocation));
    root.addSubcommand("wrap", new WrapCommand(invocation));
    root.addSubcommand("resume", new ResumeCommand(invocation));
    root.addSubcommand("pause", new LifecycleCommands.Pause(invocation));
    root.addSubcommand("cancel", new LifecycleCommands.Cancel(invocation));
    root.addSubcommand("jobs", new JobsCommand(invocation));
    BudgetCommand.register(root, invocation);
    root.addSubcommand("export", new ExportCommand(invocation));
    root.addSubcommand("verify", new VerifyCommand(invocation));
    root.addSubcommand("receipt", new ReceiptCommand(invocation));
    JobCommand.register(root, invocation);
    AcceptCommand.register(root, invocation);
    ReportCommand.register(root, invocation);
    BridgeCommand.register(root, invocation);
    KeysCommand.register(root, invocation);
    StoreCommand.register(root, invocation);
    root.addSubcommand("doctor", new DoctorCommand(invocation));
    root.addSubcommand("help", new CommandLine.HelpCommand());
    root.setCaseInsensitiveEnumValuesAllowed(false);
    root.setUsageHelpAutoWidth(false);
    root.setUsageHelpWidth(100);
    return root;
  }
}
