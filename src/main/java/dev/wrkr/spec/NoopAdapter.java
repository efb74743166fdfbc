package dev.wrkr.spec;

import java.util.Objects;
import tools.jackson.databind.JsonNode;

/**
 * The {@code noop} adapter: runs nothing and completes ("noop adapter completed"), as in Wrkr.
 * {@code inputs.steps} is not read.
 *
 * @param config {@code adapter.config} (an empty object when absent); read-only
 */
public record NoopAdapter(JsonNode config) implements AdapterSpec {
  /** The name in a JobSpec. */
  public static final String NAME = "noop";

  public NoopAdapter {
    config = Objects.requireNonNull(config, "config").deepCopy();
  }

  @Override
  public String name() {
    return NAME;
  }
}
