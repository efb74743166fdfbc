package dev.wrkr.cli;

import dev.wrkr.codec.GoJson;
import dev.wrkr.codec.Json;
import dev.wrkr.failure.ErrorEnvelope;
import dev.wrkr.failure.ReasonCode;
import dev.wrkr.failure.WrkrException;
import dev.wrkr.release.BuildInfo;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ObjectNode;

/**
 * How commands print: text lines, or JSON in Wrkr's conventions (2-space indent and a trailing
 * newline for results; compact with sorted keys for the small maps of {@code version} and
 * {@code --explain}). Failures become the {@code wrkr.error_envelope} on stderr with
 * {@code --json}, {@code CODE: message} without.
 */
final class Output {
  private final Io io;
  private final boolean json;
  private final String producerVersion;

  Output(Io io, boolean json) {
    this(io, json, BuildInfo.current().version());
  }

  Output(Io io, boolean json, String producerVersion) {
    this.io = io;
    this.json = json;
    this.producerVersion = producerVersion;
  }

  boolean json() {
    return json;
  }

  PrintStream out() {
    return io.out();
  }

  void line(String text) {
    io.out().print(text + "\n");
  }

  /** Several lines in one write: stdout is not buffered, and listings print thousands. */
  void lines(List<String> texts) {
    StringBuilder b = new StringBuilder();
    for (String text : texts) {
      b.append(text).append('\n');
    }
    text(b);
  }

  /** Text already laid out in lines, in one write. */
  void text(CharSequence lines) {
    // Encoded here, in one intrinsic call: the stream's character encoder is interpreted code on
    // a cold JVM, ~2 ms for a thousand-line listing (docs/performance.md, "Dispatch").
    byte[] bytes = lines.toString().getBytes(StandardCharsets.UTF_8);
    io.out().write(bytes, 0, bytes.length);
  }

  /** A result object as pretty JSON (field order = record component order). */
  void result(Object value) {
    io.out().print(GoJson.pretty(Json.wire().valueToTree(value)));
  }

  /** A string map as pretty JSON with sorted keys, like Go's map marshalling with an indent. */
  void sortedMap(Map<String, String> map) {
    ObjectNode node = Json.wire().createObjectNode();
    new TreeMap<>(map).forEach(node::put);
    io.out().print(GoJson.pretty(node));
  }

  /** A small string map as compact JSON with sorted keys, like Go's map marshalling. */
  void compactMap(Map<String, String> map) {
    ObjectNode node = Json.wire().createObjectNode();
    new TreeMap<>(map).forEach(node::put);
    io.out().print(GoJson.compact(node) + "\n");
  }

  /** Prints {@code failure} the way the contract says and returns the process exit code. */
  int failure(Throwable failure) {
    WrkrException e = asWrkr(failure);
    if (json) {
      ErrorEnvelope envelope = ErrorEnvelope.of(e, io.clock().instant(), producerVersion);
      io.err().print(GoJson.pretty(Json.wire().valueToTree(envelope)));
    } else if (e.code() == ReasonCode.E_GENERIC_FAILURE && !(failure instanceof WrkrException)) {
      io.err().print(e.getMessage() + "\n");
    } else {
      String message = e.getMessage();
      io.err().print(e.code().name() + (message == null || message.isEmpty() ? "" : ": " + message) + "\n");
    }
    io.err().flush();
    return e.code().exitCode();
  }

  static WrkrException asWrkr(Throwable t) {
    if (t instanceof WrkrException w) {
      return w;
    }
    String message = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
    return new WrkrException(ReasonCode.E_GENERIC_FAILURE, message, Map.of(), t);
  }
}
