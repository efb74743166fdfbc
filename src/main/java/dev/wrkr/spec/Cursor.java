package dev.wrkr.spec;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Tracks the JSON Pointer of the value a streaming parser is at, so that values can be indexed by
 * pointer and a syntax error can say inside which value it happened.
 */
final class Cursor {
  /** Deepest nesting a JobSpec may have; the same for YAML and JSON. */
  static final int MAX_DEPTH = 100;

  private static final class Frame {
    final String pointer;
    final boolean object;
    String key;
    int index;

    Frame(String pointer, boolean object) {
      this.pointer = pointer;
      this.object = object;
    }
  }

  private final Deque<Frame> frames = new ArrayDeque<>();

  /** True inside an object that waits for its next key. */
  boolean expectingKey() {
    Frame top = frames.peek();
    return top != null && top.object && top.key == null;
  }

  /** Records the key of the next member of the current object. */
  void key(String name) {
    frames.element().key = name;
  }

  /** The pointer of the member whose key was just read (before its value). */
  String keyPointer() {
    Frame top = frames.element();
    return Pointers.child(top.pointer, top.key);
  }

  /** Claims the next place in the current container (or the document) for a value; its pointer. */
  String nextValue() {
    Frame top = frames.peek();
    if (top == null) {
      return "";
    }
    if (top.object) {
      String pointer = Pointers.child(top.pointer, top.key);
      top.key = null;
      return pointer;
    }
    return Pointers.child(top.pointer, top.index++);
  }

  /** Enters the container that starts at {@code pointer}. */
  void enter(String pointer, boolean object) {
    frames.push(new Frame(pointer, object));
  }

  void leave() {
    frames.pop();
  }

  int depth() {
    return frames.size();
  }

  boolean atTop() {
    return frames.isEmpty();
  }

  /** Where the parser is, for a syntax error: the pending member or element, else the container. */
  String pointer() {
    Frame top = frames.peek();
    if (top == null) {
      return "";
    }
    if (top.object) {
      return top.key == null ? top.pointer : Pointers.child(top.pointer, top.key);
    }
    return Pointers.child(top.pointer, top.index);
  }
}
