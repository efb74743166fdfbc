package dev.wrkr.spec;

import tools.jackson.databind.JsonNode;

/** Refuses trees nested deeper than {@link Cursor#MAX_DEPTH} (YAML checks while it reads). */
final class Depth {
  private Depth() {}

  static void check(JsonNode tree) {
    check(tree, "", 0);
  }

  private static void check(JsonNode node, String pointer, int depth) {
    if (!node.isContainer()) {
      return;
    }
    if (depth >= Cursor.MAX_DEPTH) {
      throw Problem.at(pointer, "the jobspec nests deeper than " + Cursor.MAX_DEPTH + " levels");
    }
    if (node.isObject()) {
      for (var member : node.properties()) {
        check(member.getValue(), Pointers.child(pointer, member.getKey()), depth + 1);
      }
    } else {
      for (int i = 0; i < node.size(); i++) {
        check(node.get(i), Pointers.child(pointer, i), depth + 1);
      }
    }
  }
}
