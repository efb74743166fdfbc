package dev.wrkr.cli;

import java.util.Optional;

/**
 * One run of the CLI: its output, and the services it opens on first use and closes at the end.
 */
final class Invocation implements AutoCloseable {
  private final Io io;
  private final Output output;
  private final Optional<String> store;
  private Services services;

  Invocation(Io io, Output output, Optional<String> store) {
    this.io = io;
    this.output = output;
    this.store = store;
  }

  Output output() {
    return output;
  }

  Io io() {
    return io;
  }

  Services services() {
    if (services == null) {
      services = io.services().apply(store);
    }
    return services;
  }

  @Override
  public void close() {
    if (services != null) {
      services.close();
    }
  }
}
