package dev.wrkr.spec;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where each value of a parsed JobSpec came from: JSON Pointer to the location of the value and,
 * for object members, of the key. Lets every error name a line and column, whatever the format.
 *
 * <p>A lookup for a pointer that names nothing (a missing property) falls back to the nearest
 * ancestor that exists, so "required" errors point at the object that lacks the key.
 */
final class SourceMap {
  static final SourceMap EMPTY = new SourceMap(Map::of, Map::of);

  private final Supplier<Map<String, Location>> values;
  private final Supplier<Map<String, Location>> keys;

  private SourceMap(Supplier<Map<String, Location>> values, Supplier<Map<String, Location>> keys) {
    this.values = values;
    this.keys = keys;
  }

  /** A map filled while parsing. */
  static SourceMap of(Map<String, Location> values, Map<String, Location> keys) {
    Map<String, Location> v = Map.copyOf(values);
    Map<String, Location> k = Map.copyOf(keys);
    return new SourceMap(() -> v, () -> k);
  }

  /** A map built on first use, from a second pass over the text (JSON needs it only for errors). */
  static SourceMap lazy(Supplier<SourceMap> build) {
    Supplier<SourceMap> once = new Supplier<>() {
      private SourceMap built;

      @Override
      public synchronized SourceMap get() {
        if (built == null) {
          built = build.get();
        }
        return built;
      }
    };
    return new SourceMap(() -> once.get().values.get(), () -> once.get().keys.get());
  }

  /** Where the value at {@code pointer} starts, or its nearest recorded ancestor. */
  Optional<Location> value(String pointer) {
    Map<String, Location> known = values.get();
    for (String p = pointer; ; p = Pointers.parent(p)) {
      Location at = known.get(p);
      if (at != null || p.isEmpty()) {
        return Optional.ofNullable(at);
      }
    }
  }

  /** Where the key of the member at {@code pointer} starts; else as {@link #value}. */
  Optional<Location> key(String pointer) {
    return Optional.ofNullable(keys.get().get(pointer)).or(() -> value(pointer));
  }

  /** A fresh, mutable index to fill while parsing. */
  static Map<String, Location> newIndex() {
    return new HashMap<>();
  }
}
