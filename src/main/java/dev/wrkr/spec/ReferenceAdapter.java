package dev.wrkr.spec;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The {@code reference} adapter: runs {@code inputs.steps} in order (reference §3.3).
 *
 * @param steps at least one, with unique ids
 * @param config {@code adapter.config} (an empty object when absent); free-form and not read by
 *     the adapter, as in Wrkr; read-only
 */
public record ReferenceAdapter(List<Step> steps, JsonNode config) implements AdapterSpec {
  /** The name in a JobSpec. */
  public static final String NAME = "reference";

  public ReferenceAdapter {
    steps = List.copyOf(steps);
    config = Objects.requireNonNull(config, "config").deepCopy();
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("reference adapter requires at least one step");
    }
    Set<String> ids = new HashSet<>();
    for (Step step : steps) {
      if (!ids.add(step.id())) {
        throw new IllegalArgumentException("duplicate step id " + step.id());
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }
}
