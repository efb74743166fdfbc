package dev.wrkr.bridge;

/** Where a work item's files go under {@code <out>/reports/}. */
public final class WorkItemFiles {
  private WorkItemFiles() {}

  /** {@code work_item_<job>_<cp>}, each part trimmed, {@code /} and {@code ..} made {@code _}, as Wrkr names it. */
  static String base(WorkItem item) {
    return "work_item_" + sanitize(item.jobId()) + "_" + sanitize(item.checkpointId());
  }

  /** The payload's file name: {@code work_item_<job>_<cp>.json}. */
  public static String json(WorkItem item) {
    return base(item) + ".json";
  }

  private static String sanitize(String value) {
    String v = value.strip();
    return v.isEmpty() ? "value" : v.replace("/", "_").replace("..", "_");
  }
}
