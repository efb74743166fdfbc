package dev.wrkr.store;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real child JVM running {@link StoreChild} on this test class path. Its stdout lines are
 * collected as they come (tests wait on them with Awaitility), its stderr goes to a file that
 * failure messages quote.
 */
final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final Path stderr;
  private final List<String> lines = new CopyOnWriteArrayList<>();
  private final Thread reader;

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    this.reader = Thread.ofVirtual().start(this::collect);
  }

  static ChildJvm start(Path logDir, String name, String... args) {
    List<String> command = new ArrayList<>();
    command.add(ProcessHandle.current().info().command().orElseThrow());
    command.addAll(
        List.of(
            "--enable-native-access=ALL-UNNAMED",
            "-Xshare:auto",
            "-XX:TieredStopAtLevel=1",
            "-XX:+UseSerialGC",
            "-Xmx256m",
            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
            "-cp",
            System.getProperty("java.class.path"),
            StoreChild.class.getName()));
    command.addAll(List.of(args));
    Path stderr = logDir.resolve(name + ".stderr");
    try {
      Files.createDirectories(logDir);
      Process process =
          new ProcessBuilder(command).redirectError(stderr.toFile()).start();
      return new ChildJvm(process, stderr);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void collect() {
    var stdout = new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8);
    try (BufferedReader in = new BufferedReader(stdout)) {
      for (String line; (line = in.readLine()) != null; ) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The child was killed mid-line; what was read stays.
    }
  }

  /** The stdout lines read so far. */
  List<String> lines() {
    return List.copyOf(lines);
  }

  boolean alive() {
    return process.isAlive();
  }

  boolean printed(String line) {
    return lines.contains(line);
  }

  void send(String line) {
    try {
      Writer in = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
      in.write(line + "\n");
      in.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for the child to exit and for its stdout to be read to the end; the exit code. */
  int awaitExit() throws InterruptedException {
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      throw new AssertionError("child did not exit within 5 minutes: " + describe());
    }
    reader.join();
    return process.exitValue();
  }

  /** SIGKILL: no shutdown hooks, no finally blocks, no flush. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(1, TimeUnit.MINUTES);
    reader.join();
  }

  String describe() {
    String err;
    try {
      err = Files.exists(stderr) ? Files.readString(stderr) : "";
    } catch (IOException e) {
      err = e.toString();
    }
    return "pid " + process.pid() + ", stdout " + lines + ", stderr:\n" + err;
  }

  @Override
  public void close() {
    process.destroyForcibly();
  }
}
