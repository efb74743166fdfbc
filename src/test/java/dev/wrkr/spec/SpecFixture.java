package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.failure.ReasonCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** JobSpec files in a temporary working directory, loaded the way the CLI loads them. */
final class SpecFixture {
  /** A valid reference JobSpec; tests replace one line to break it. Line numbers matter. */
  static final String MINIMAL = """
      schema_id: wrkr.jobspec
      schema_version: v1
      producer_version: test
      name: demo
      objective: Do the thing.
      adapter:
        name: reference
      inputs:
        steps:
          - id: one
            command: "true"
      budgets:
        max_wall_time_seconds: 60
        max_step_count: 5
        max_tool_calls: 10
      checkpoint_policy:
        min_interval_seconds: 1
      environment_fingerprint:
        rules: [os]
      """;

  final Path cwd;
  final JobSpecLoader loader = new JobSpecLoader();

  SpecFixture(Path cwd) {
    this.cwd = cwd;
  }

  Path write(String name, String text) {
    return write(name, text.getBytes(StandardCharsets.UTF_8));
  }

  Path write(String name, byte[] bytes) {
    try {
      Path file = cwd.resolve(name);
      Files.createDirectories(file.getParent());
      return Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  JobSpec load(String name, String text) {
    write(name, text);
    return loader.load(Path.of(name), cwd);
  }

  /** Writes and loads a spec that must be refused; checks the reason code common to all. */
  InvalidJobSpecException rejected(String name, String text) {
    write(name, text);
    return rejected(Path.of(name));
  }

  InvalidJobSpecException rejected(Path spec) {
    InvalidJobSpecException e =
        catchThrowableOfType(InvalidJobSpecException.class, () -> loader.load(spec, cwd));
    assertThat(e).as("expected %s to be rejected", spec).isNotNull();
    assertThat(e.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(e.code().exitCode()).isEqualTo(6);
    return e;
  }

  /** {@link #MINIMAL} with one exact piece of text replaced (which must be there). */
  static String minimalWith(String find, String replacement) {
    assertThat(MINIMAL).contains(find);
    return MINIMAL.replace(find, replacement);
  }

  /** A file under {@code src/test/resources/spec/}. */
  static String resource(String name) {
    try (InputStream in = SpecFixture.class.getResourceAsStream("/spec/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource spec/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
