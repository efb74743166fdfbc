package dev.wrkr.spec;

/** JSON Pointer (RFC 6901) building: {@code /inputs/steps/0/id}. */
final class Pointers {
  private Pointers() {}

  static String child(String parent, String key) {
    return parent + "/" + key.replace("~", "~0").replace("/", "~1");
  }

  static String child(String parent, int index) {
    return parent + "/" + index;
  }

  /** The pointer without its last segment; {@code ""} for the document and its members. */
  static String parent(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash <= 0 ? "" : pointer.substring(0, slash);
  }

  /** The last segment, unescaped; {@code ""} for the document itself. */
  static String last(String pointer) {
    int slash = pointer.lastIndexOf('/');
    return slash < 0 ? "" : pointer.substring(slash + 1).replace("~1", "/").replace("~0", "~");
  }
}
