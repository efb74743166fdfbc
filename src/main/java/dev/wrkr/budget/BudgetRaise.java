package dev.wrkr.budget;

import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One {@code resume --budget key=value} override: the new value of one limit, replacing the stored
 * one (0 lifts the limit). Raising is the usual reason; lowering is allowed too.
 *
 * @param key the limit
 * @param value a whole number for every key but {@link BudgetKey#MAX_ESTIMATED_COST}; never
 *     negative
 */
public record BudgetRaise(BudgetKey key, BigDecimal value) {
  private static final Pattern WHOLE = Pattern.compile("[0-9]+");
  private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

  public BudgetRaise {
    Objects.requireNonNull(key, "key");
    if (value.signum() < 0) {
      throw new IllegalArgumentException(key.wireName() + " must not be negative: " + value);
    }
    if (key.decimal()) {
      if (!Double.isFinite(value.doubleValue())) {
        throw new IllegalArgumentException(key.wireName() + " is out of range: " + value);
      }
      value = value.scale() < 0 ? value.setScale(0) : value;
    } else {
      // Throws for a fraction or a value past Long.MAX_VALUE; scale 0 keeps text() round-tripping.
      value = BigDecimal.valueOf(value.longValueExact());
    }
  }

  /**
   * Parses {@code key=value}; surrounding blanks around either side are ignored.
   *
   * @throws WrkrException E_INVALID_INPUT_SCHEMA for a missing {@code =}, an unknown key, or a
   *     value that is not a whole number ≥ 0 (a non-negative decimal such as {@code 2.50} for the
   *     cost)
   */
  public static BudgetRaise parse(String text) {
    int equals = text.indexOf('=');
    if (equals < 0) {
      throw invalid(
          "budget override \"" + text + "\" must be key=value, e.g. max_step_count=40", text);
    }
    String name = text.substring(0, equals).strip();
    String raw = text.substring(equals + 1).strip();
    BudgetKey key =
        BudgetKey.byWireName(name)
            .orElseThrow(
                () ->
                    invalid(
                        "unknown budget \"" + name + "\" (use " + BudgetKey.allNames() + ")",
                        text));
    Pattern syntax = key.decimal() ? DECIMAL : WHOLE;
    String expected = key.decimal() ? "a non-negative decimal such as 2.50" : "a whole number >= 0";
    if (!syntax.matcher(raw).matches()) {
      throw invalid(
          "budget " + name + " must be " + expected + " (0 = unlimited), got \"" + raw + "\"",
          text);
    }
    try {
      return new BudgetRaise(key, new BigDecimal(raw));
    } catch (ArithmeticException | IllegalArgumentException e) {
      throw invalid("budget " + name + " is too large: " + raw, text);
    }
  }

  /** Parses each override ({@link #parse}). */
  public static List<BudgetRaise> parseAll(List<String> texts) {
    return texts.stream().map(BudgetRaise::parse).toList();
  }

  /**
   * The limits with every override applied.
   *
   * @throws WrkrException E_INVALID_INPUT_SCHEMA when two overrides set the same limit
   */
  public static Budgets apply(Budgets limits, List<BudgetRaise> raises) {
    Set<BudgetKey> seen = EnumSet.noneOf(BudgetKey.class);
    Budgets result = limits;
    for (BudgetRaise raise : raises) {
      if (!seen.add(raise.key)) {
        throw invalid("budget " + raise.key.wireName() + " is given more than once", raise.text());
      }
      result = raise.applyTo(result);
    }
    return result;
  }

  /** The limits with this one replaced. */
  public Budgets applyTo(Budgets limits) {
    return switch (key) {
      case MAX_WALL_TIME_SECONDS -> limits.withMaxWallTimeSeconds(value.longValue());
      case MAX_RETRIES -> limits.withMaxRetries(value.longValue());
      case MAX_STEP_COUNT -> limits.withMaxStepCount(value.longValue());
      case MAX_TOOL_CALLS -> limits.withMaxToolCalls(value.longValue());
      case MAX_ESTIMATED_COST -> limits.withMaxEstimatedCost(value.doubleValue());
      case MAX_TOKENS -> limits.withMaxTokens(value.longValue());
    };
  }

  /** {@code key=value}, which {@link #parse} reads back to an equal override. */
  public String text() {
    return key.wireName() + "=" + value.toPlainString();
  }

  private static WrkrException invalid(String message, String text) {
    return new WrkrException(ReasonCode.E_INVALID_INPUT_SCHEMA, message, Map.of("budget", text));
  }
}
