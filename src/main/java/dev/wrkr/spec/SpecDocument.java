package dev.wrkr.spec;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/** A parsed JobSpec file: its JSON tree and where each value of the tree is in the file. */
record SpecDocument(JsonNode tree, SourceMap sourceMap) {
  SpecDocument {
    Objects.requireNonNull(tree, "tree");
    Objects.requireNonNull(sourceMap, "sourceMap");
  }
}
