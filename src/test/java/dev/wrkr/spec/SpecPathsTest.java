package dev.wrkr.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Where a JobSpec may be, how big, and which paths inside it may point where. */
class SpecPathsTest {
  @TempDir Path root;
  Path cwd;
  SpecFixture specs;

  @BeforeEach
  void setUp() throws IOException {
    cwd = Files.createDirectories(root.resolve("work"));
    specs = new SpecFixture(cwd);
  }

  @Test
  void a_relative_spec_in_a_subdirectory_should_load_with_that_directory_as_workspace() throws IOException {
    JobSpec spec = specs.load("jobs/nightly/spec.yaml", SpecFixture.MINIMAL);

    assertThat(spec.specPath()).isEqualTo(cwd.resolve("jobs/nightly/spec.yaml"));
    assertThat(spec.workspace()).isEqualTo(cwd.resolve("jobs/nightly").toRealPath());
  }

  @Test
  void a_relative_spec_outside_the_working_directory_should_be_refused() throws IOException {
    Files.writeString(root.resolve("x.yaml"), SpecFixture.MINIMAL);

    InvalidJobSpecException e = specs.rejected(Path.of("../x.yaml"));

    assertThat(e).hasMessageStartingWith("jobspec path ../x.yaml resolves outside the working directory");
    assertThat(e.details()).containsEntry("spec", "../x.yaml").containsEntry("cwd", cwd.toString());
  }

  @Test
  void a_symlink_leading_out_of_the_working_directory_should_be_refused() throws IOException {
    Path outside = Files.writeString(root.resolve("outside.yaml"), SpecFixture.MINIMAL);
    Files.createSymbolicLink(cwd.resolve("link.yaml"), outside);

    InvalidJobSpecException e = specs.rejected(Path.of("link.yaml"));

    assertThat(e).hasMessageContaining("resolves outside the working directory");
  }

  @Test
  void an_absolute_spec_may_be_anywhere() throws IOException {
    Path outside = Files.writeString(root.resolve("outside.yaml"), SpecFixture.MINIMAL);

    JobSpec spec = specs.loader.load(outside, cwd);

    assertThat(spec.specPath()).isEqualTo(outside);
    assertThat(spec.workspace()).isEqualTo(root.toRealPath());
  }

  @Test
  void a_missing_spec_should_be_reported() {
    InvalidJobSpecException e = specs.rejected(Path.of("nope.yaml"));

    assertThat(e).hasMessage("jobspec not found: " + cwd.resolve("nope.yaml"));
    assertThat(e.details()).containsEntry("spec", cwd.resolve("nope.yaml").toString());
  }

  @Test
  void a_directory_should_be_reported() throws IOException {
    Files.createDirectories(cwd.resolve("dir.yaml"));

    InvalidJobSpecException e = specs.rejected(Path.of("dir.yaml"));

    assertThat(e).hasMessage("jobspec " + cwd.resolve("dir.yaml") + " is a directory; name a .yaml or .json file");
  }

  @Test
  void a_10_mib_spec_should_be_refused_before_parsing() throws IOException {
    Path big = cwd.resolve("big.yaml");
    try (OutputStream out = Files.newOutputStream(big)) {
      byte[] line = "# padding padding padding padding padding padding padding padding padding pad\n".getBytes();
      for (int written = 0; written < 10 * 1024 * 1024; written += line.length) {
        out.write(line, 0, Math.min(line.length, 10 * 1024 * 1024 - written));
      }
    }

    InvalidJobSpecException e = specs.rejected(Path.of("big.yaml"));

    assertThat(e).hasMessage("jobspec is 10485760 bytes; the limit is 1048576");
    assertThat(e.details()).containsEntry("size", 10485760L).containsEntry("limit", 1048576);
  }

  @Test
  void a_spec_of_exactly_the_limit_should_be_read() {
    String padding = "#".repeat(SpecFile.MAX_BYTES - SpecFixture.MINIMAL.length() - 1) + "\n";

    JobSpec spec = specs.load("spec.yaml", SpecFixture.MINIMAL + padding);

    assertThat(spec.name()).isEqualTo("demo");
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"../../etc/passwd", "/etc/passwd", "reports/../../x", "C:\\\\x", "a\\\\..\\\\..\\\\b"})
  void artifact_paths_that_escape_the_workspace_should_be_refused(String path) {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("      command: \"true\"\n", "      command: \"true\"\n      artifacts: [\"" + path + "\"]\n"));

    String unescaped = path.replace("\\\\", "\\");
    assertThat(e).hasMessage("jobspec invalid: path escapes the workspace: \"" + unescaped
        + "\" at /inputs/steps/0/artifacts/0 (line 12, column 19);"
        + " artifact paths must be relative to the workspace, without \"..\"");
    assertThat(e.details()).containsEntry("path", "/inputs/steps/0/artifacts/0").containsEntry("artifact", unescaped);
  }

  @Test
  void expected_artifacts_that_escape_the_workspace_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml",
        SpecFixture.minimalWith("inputs:\n", "expected_artifacts:\n  - ok.md\n  - ../../etc/passwd\ninputs:\n"));

    assertThat(e).hasMessageContaining("path escapes the workspace: \"../../etc/passwd\" at /expected_artifacts/1 (line 10, column 5)");
    assertThat(e.details()).containsEntry("path", "/expected_artifacts/1").containsEntry("line", 10);
  }

  @Test
  void a_relative_workspace_inside_the_spec_directory_should_resolve() throws IOException {
    Files.createDirectories(cwd.resolve("src/app"));

    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: src/app\n"));

    assertThat(spec.workspace()).isEqualTo(cwd.resolve("src/app").toRealPath());
  }

  @Test
  void a_relative_workspace_escaping_the_spec_directory_should_be_refused() {
    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: ../\n"));

    assertThat(e).hasMessageStartingWith("jobspec invalid: inputs.workspace \"../\" escapes the directory of the jobspec")
        .hasMessageContaining("(line 9, column 14); a relative workspace must stay inside it");
    assertThat(e.details()).containsEntry("path", "/inputs/workspace");
  }

  @Test
  void a_workspace_symlink_leading_out_should_be_refused() throws IOException {
    Files.createSymbolicLink(cwd.resolve("ws"), root);

    InvalidJobSpecException e = specs.rejected("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: ws\n"));

    assertThat(e).hasMessageContaining("escapes the directory of the jobspec");
  }

  @Test
  void an_absolute_workspace_may_be_anywhere() throws IOException {
    JobSpec spec = specs.load("spec.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: \"" + root + "\"\n"));

    assertThat(spec.workspace()).isEqualTo(root.toRealPath());
  }

  @Test
  void a_workspace_must_be_an_existing_directory() throws IOException {
    Files.writeString(cwd.resolve("file"), "x");

    InvalidJobSpecException missing = specs.rejected("a.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: nope\n"));
    InvalidJobSpecException file = specs.rejected("b.yaml", SpecFixture.minimalWith("inputs:\n", "inputs:\n  workspace: file\n"));

    assertThat(missing).hasMessageContaining("inputs.workspace \"nope\" (" + cwd.toRealPath().resolve("nope") + ") does not exist");
    assertThat(file).hasMessageContaining("is not a directory");
    assertThat(file.details()).containsEntry("path", "/inputs/workspace").containsEntry("line", 9);
  }
}
