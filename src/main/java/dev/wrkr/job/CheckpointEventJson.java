package dev.wrkr.job;

import dev.wrkr.codec.JsonPull;
import dev.wrkr.codec.JsonPull.Token;
import dev.wrkr.job.JobEvent.ArtifactsDelta;
import dev.wrkr.job.JobEvent.BudgetState;
import dev.wrkr.job.JobEvent.CheckpointEmitted;
import dev.wrkr.job.JobEvent.RequiredAction;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads {@code checkpoint_emitted} payloads with {@link JsonPull}: {@code checkpoint list} on a
 * cold JVM spent most of its time binding them through the mapper (docs/performance.md).
 *
 * <p>Only the shape this build writes is read here: the seven known fields, each of its JSON
 * type, no field twice. Anything else gives empty and {@link EventCodec} binds the payload with
 * the mapper as before, so what decodes and what is refused as corrupt does not change ({@code
 * CheckpointEventJsonTest} compares the two on random and damaged payloads).
 */
final class CheckpointEventJson {
  private CheckpointEventJson() {}

  /** The event in {@code payload}, or empty when it is not in the plain written shape. */
  static Optional<CheckpointEmitted> read(String payload) {
    try {
      JsonPull p = new JsonPull(payload);
      if (p.nextToken() != Token.START_OBJECT) {
        return Optional.empty();
      }
      Fields f = new Fields();
      Set<String> seen = new HashSet<>();
      for (String name = p.nextName(); name != null; name = p.nextName()) {
        if (!seen.add(name) || !f.read(name, p, p.nextToken())) {
          return Optional.empty();
        }
      }
      if (p.nextToken() != null || f.type == null || f.summary == null || f.status == null || f.budget == null
          || f.delta == null) {
        return Optional.empty();
      }
      return Optional.of(new CheckpointEmitted(f.type, f.summary, f.status, f.budget, f.delta, f.action, f.codes));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  private static final class Fields {
    String type;
    String summary;
    JobStatus status;
    BudgetState budget;
    ArtifactsDelta delta;
    Optional<RequiredAction> action = Optional.empty();
    List<String> codes = List.of();

    /** False when the field is not one this reader takes as is. */
    boolean read(String name, JsonPull p, Token t) {
      switch (name) {
        case "type" -> type = text(p, t);
        case "summary" -> summary = text(p, t);
        case "status" -> status = t == Token.STRING ? JobStatus.fromWire(p.string()).orElse(null) : null;
        case "budget_state" -> budget = budget(p, t);
        case "artifacts_delta" -> delta = delta(p, t);
        case "required_action" -> {
          if (t != Token.NULL) {
            RequiredAction a = action(p, t);
            if (a == null) {
              return false;
            }
            action = Optional.of(a);
          }
        }
        case "reason_codes" -> {
          List<String> list = strings(p, t);
          if (list == null) {
            return false;
          }
          codes = list;
        }
        default -> {
          return false;
        }
      }
      return switch (name) {
        case "type" -> type != null;
        case "summary" -> summary != null;
        case "status" -> status != null;
        case "budget_state" -> budget != null;
        case "artifacts_delta" -> delta != null;
        default -> true;
      };
    }
  }

  private static BudgetState budget(JsonPull p, Token t) {
    if (t != Token.START_OBJECT) {
      return null;
    }
    long[] v = new long[4];
    boolean[] seen = new boolean[4];
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      int i = switch (name) {
        case "wall_time_seconds" -> 0;
        case "retry_count" -> 1;
        case "step_count" -> 2;
        case "tool_call_count" -> 3;
        default -> -1;
      };
      if (i < 0 || seen[i] || p.nextToken() != Token.INT) {
        return null;
      }
      seen[i] = true;
      v[i] = p.longValue();
    }
    return new BudgetState(v[0], v[1], v[2], v[3]);
  }

  private static ArtifactsDelta delta(JsonPull p, Token t) {
    if (t != Token.START_OBJECT) {
      return null;
    }
    List<List<String>> lists = new ArrayList<>(List.of(List.of(), List.of(), List.of()));
    boolean[] seen = new boolean[3];
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      int i = switch (name) {
        case "added" -> 0;
        case "changed" -> 1;
        case "removed" -> 2;
        default -> -1;
      };
      List<String> list = i < 0 || seen[i] ? null : strings(p, p.nextToken());
      if (list == null) {
        return null;
      }
      seen[i] = true;
      lists.set(i, list);
    }
    return new ArtifactsDelta(lists.get(0), lists.get(1), lists.get(2));
  }

  private static RequiredAction action(JsonPull p, Token t) {
    if (t != Token.START_OBJECT) {
      return null;
    }
    Optional<String> kind = Optional.empty();
    Optional<String> instructions = Optional.empty();
    Set<String> seen = new HashSet<>();
    for (String name = p.nextName(); name != null; name = p.nextName()) {
      Token v = p.nextToken();
      if (!seen.add(name) || !(name.equals("kind") || name.equals("instructions"))
          || v != Token.STRING && v != Token.NULL) {
        return null;
      }
      Optional<String> value = v == Token.NULL ? Optional.empty() : Optional.of(p.string());
      if (name.equals("kind")) {
        kind = value;
      } else {
        instructions = value;
      }
    }
    return new RequiredAction(kind, instructions);
  }

  /** A list of strings; null when it is anything else (a null list included). */
  static List<String> strings(JsonPull p, Token t) {
    if (t != Token.START_ARRAY) {
      return null;
    }
    List<String> out = new ArrayList<>();
    for (Token v = p.nextToken(); v != Token.END_ARRAY; v = p.nextToken()) {
      if (v != Token.STRING) {
        return null;
      }
      out.add(p.string());
    }
    return out;
  }

  private static String text(JsonPull p, Token t) {
    return t == Token.STRING ? p.string() : null;
  }
}
