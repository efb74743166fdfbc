package dev.wrkr.codec;

import java.math.BigDecimal;
import java.util.function.Predicate;

/**
 * ECMAScript {@code Number.prototype.toString} for binary floating-point values: the number form
 * that RFC 8785 (JCS) requires and that Go's {@code encoding/json} also produces for float64.
 *
 * <p>The digits come from the JDK: since JDK 19 {@code Double.toString} returns the shortest decimal
 * that rounds back to the same double, picking the closest one when several exist, which are the
 * digits ECMAScript asks for. The one exception: when a single digit would do, the JDK may still
 * print two if a two-digit decimal is closer ({@code Double.MIN_VALUE} is {@code 4.9E-324},
 * ECMAScript wants {@code 5e-324}), so two-digit results are re-checked against their one-digit
 * neighbours. The digits are then laid out with ECMAScript's rules: plain notation when the decimal
 * exponent is in −6..21, otherwise {@code d.ddde±n}. Guarded by {@code EcmaNumbersTest} and the
 * Node-generated fixture {@code codec/es6-numbers.txt}.
 */
public final class EcmaNumbers {
  private EcmaNumbers() {}

  /**
   * Formats a double as ECMAScript's {@code String(x)} does; {@code -0} gives {@code "0"}.
   *
   * @throws IllegalArgumentException for NaN and the infinities, which JSON cannot hold
   */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    if (value == 0) {
      return "0";
    }
    double abs = Math.abs(value);
    Decimal decimal = Decimal.of(Double.toString(abs));
    if (decimal.digits().length() == 2) {
      decimal = shorterIfExact(decimal, new BigDecimal(abs), s -> Double.parseDouble(s) == abs);
    }
    return (value < 0 ? "-" : "") + decimal.layout();
  }

  /**
   * Formats a float with the shortest decimal that rounds back to the same float, laid out like
   * {@link #format(double)}: what Go's {@code encoding/json} writes for a {@code float32}, and what
   * JCS then keeps, since that decimal read as a double prints the same digits.
   *
   * @throws IllegalArgumentException for NaN and the infinities
   */
  public static String format(float value) {
    if (!Float.isFinite(value)) {
      throw new IllegalArgumentException("JSON has no representation for " + value);
    }
    if (value == 0) {
      return "0";
    }
    float abs = Math.abs(value);
    Decimal decimal = Decimal.of(Float.toString(abs));
    if (decimal.digits().length() == 2) {
      decimal = shorterIfExact(decimal, new BigDecimal(abs), s -> Float.parseFloat(s) == abs);
    }
    return (value < 0 ? "-" : "") + decimal.layout();
  }

  /**
   * The closest one-digit decimal that still rounds back to the value, when there is one (the JDK
   * prints two digits then if a two-digit decimal is closer); otherwise {@code twoDigits} itself.
   */
  private static Decimal shorterIfExact(
      Decimal twoDigits, BigDecimal exact, Predicate<String> roundTrips) {
    int first = twoDigits.digits().charAt(0) - '0';
    Decimal down = new Decimal(Integer.toString(first), twoDigits.exponent());
    Decimal up =
        first == 9
            ? new Decimal("1", twoDigits.exponent() + 1)
            : new Decimal(Integer.toString(first + 1), twoDigits.exponent());
    boolean downOk = roundTrips.test(down.scientific());
    boolean upOk = roundTrips.test(up.scientific());
    if (downOk && upOk) {
      int cmp = exact.subtract(down.toBigDecimal()).compareTo(up.toBigDecimal().subtract(exact));
      return cmp < 0 || (cmp == 0 && first % 2 == 0) ? down : up;
    }
    return downOk ? down : upOk ? up : twoDigits;
  }

  /**
   * A positive decimal {@code 0.d1d2…dk × 10^exponent} with {@code d1} and {@code dk} non-zero; the
   * exponent is ECMAScript's {@code n}.
   */
  private record Decimal(String digits, int exponent) {

    /** Reads the JDK's {@code Double.toString}/{@code Float.toString} output of a positive value. */
    static Decimal of(String jdk) {
      int e = jdk.indexOf('E');
      int exp10 = e < 0 ? 0 : Integer.parseInt(jdk.substring(e + 1));
      String mantissa = e < 0 ? jdk : jdk.substring(0, e);
      int point = mantissa.indexOf('.');
      String all = mantissa.substring(0, point) + mantissa.substring(point + 1);
      int lead = 0;
      while (all.charAt(lead) == '0') {
        lead++;
      }
      int end = all.length();
      while (all.charAt(end - 1) == '0') {
        end--;
      }
      return new Decimal(all.substring(lead, end), point + exp10 - lead);
    }

    String scientific() {
      return "0." + digits + "E" + exponent;
    }

    BigDecimal toBigDecimal() {
      return new BigDecimal(scientific());
    }

    /** ECMA-262 Number::toString, steps for a positive finite value. */
    String layout() {
      int k = digits.length();
      int n = exponent;
      if (k <= n && n <= 21) {
        return digits + "0".repeat(n - k);
      }
      if (0 < n && n <= 21) {
        return digits.substring(0, n) + "." + digits.substring(n);
      }
      if (-6 < n && n <= 0) {
        return "0." + "0".repeat(-n) + digits;
      }
      int e = n - 1;
      String sign = e < 0 ? "-" : "+";
      String mantissa = k == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
      return mantissa + "e" + sign + Math.abs(e);
    }
  }
}
