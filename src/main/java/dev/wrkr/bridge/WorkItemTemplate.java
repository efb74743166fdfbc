package dev.wrkr.bridge;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The ticket text of a work item (reference §8.2): {@code jira} gives the JIRA text, any other
 * name the GitHub text. The name, lower-cased, is part of the file name, so it must be a plain
 * word ({@code [a-z0-9_-]}, up to 32 characters).
 */
public record WorkItemTemplate(String name) {
  private static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");

  /**
   * The template called {@code raw}, trimmed and lower-cased.
   *
   * @throws WrkrException {@code E_INVALID_INPUT_SCHEMA} when it is not a plain word
   */
  public static WorkItemTemplate of(String raw) {
    String name = raw.strip().toLowerCase(Locale.ROOT);
    if (!NAME.matcher(name).matches()) {
      throw new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA,
          "template must be github or jira (a plain word: letters, digits, '_' or '-')", Map.of("template", raw));
    }
    return new WorkItemTemplate(name);
  }

  /** The file name under {@code reports/}: {@code work_item_<job>_<cp>_<name>.md}. */
  public String fileName(WorkItem item) {
    return WorkItemFiles.base(item) + "_" + name + ".md";
  }

  /** The template text, trimmed, with one trailing newline (the bytes of the file). */
  public String render(WorkItem item) {
    String codes = String.join(", ", item.reasonCodes());
    String text;
    if (name.equals("jira")) {
      text = "# JIRA Work Item\n\nSummary: `" + item.jobId() + "/" + item.checkpointId() + "` requires `"
          + item.requiredAction() + "`\n\nReason codes: " + codes + "\n\nNext commands:\n"
          + bullets(item.nextCommands()) + "\n";
    } else {
      text = "# GitHub Work Item\n\nJob `" + item.jobId() + "` checkpoint `" + item.checkpointId() + "` (`"
          + item.checkpointType() + "`) requires `" + item.requiredAction() + "`.\n\nReason codes: " + codes
          + "\n\nNext commands:\n" + bullets(item.nextCommands()) + "\n";
    }
    return text.strip() + "\n";
  }

  private static String bullets(List<String> items) {
    if (items.isEmpty()) {
      return "- (none)";
    }
    return String.join("\n", items.stream().map(i -> "- " + i).toList());
  }
}
