package dev.wrkr.jobpack;

import static dev.wrkr.testing.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Our jobpacks read with Go's standard library, which Wrkr's verify is built on: {@code
 * src/test/go/jobpackcheck} opens them with {@code archive/zip} (CRCs checked), decodes the
 * manifest into Wrkr's fields and recomputes its hash after Go's time round-trip, checks every
 * file's sha256 and that nothing is undeclared, decodes {@code job.json}, {@code
 * artifacts_manifest.json} and every JSONL line into exactly Wrkr's fields (unknown fields
 * refused), and rewrites the entries with {@code archive/zip}'s writer as Wrkr's export does: the
 * bytes must be ours, byte for byte. This is as close to "Wrkr's own verify accepts it" as a
 * machine without Wrkr's source gets; Wrkr's binary itself is not run (docs/compat.md).
 *
 * <p>Needs the Go toolchain ({@code apt install golang-go}; {@code .ci/run} installs it). Not
 * skipped without it: the test fails and says what to install.
 */
class GoArchiveZipTest {
  private static final Path SOURCE = Path.of("src/test/go/jobpackcheck/main.go");
  private static Path checker;

  @TempDir Path dir;

  @BeforeAll
  static void buildTheChecker() throws Exception {
    Path target = Path.of("target/go").toAbsolutePath();
    Files.createDirectories(target);
    checker = target.resolve("jobpackcheck");
    List<String> build = List.of("go", "build", "-o", checker.toString(), SOURCE.toAbsolutePath().toString());
    ProcessBuilder pb = new ProcessBuilder(build).redirectErrorStream(true);
    pb.environment().put("GOCACHE", target.resolve("cache").toString());
    pb.environment().put("GOPATH", target.resolve("path").toString());
    pb.environment().put("GOPROXY", "off");
    pb.environment().put("GOFLAGS", "");
    Process p;
    try {
      p = pb.start();
    } catch (IOException e) {
      throw new AssertionError("the Go toolchain is needed for this test: apt install golang-go (.ci/run does)", e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
  }

  private static String check(Path zip) throws Exception {
    Process p = new ProcessBuilder(checker.toString(), zip.toString()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    return out.strip();
  }

  @Test
  void the_golden_jobpack_should_be_what_go_archive_zip_writes_and_pass_the_go_checks() throws Exception {
    assertThat(check(Path.of("src/test/resources/golden/jobpack/jobpack_job_golden.zip")))
        .isEqualTo("ok files=8 events=14 go-rewrite=identical");
  }

  /**
   * A job with approvals, a redacted text artifact, a binary one and one with a non-ASCII name
   * (archive/zip's UTF-8 flag), exported with raw capture.
   */
  @Test
  void a_raw_capture_jobpack_with_approvals_and_unicode_names_should_pass_too() throws Exception {
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    CliHarness cli = new CliHarness(env, dir, InstantSource.fixed(CliHarness.FIXED));
    Specs.write(dir, "go", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("make", "mkdir -p out && printf 'token = abcdefgh12345\\nplain\\n' > out/secret.txt"
            + " && printf 'résumé\\n' > out/résumé.md"
            + " && head -c 70000 /dev/urandom > out/blob.bin",
            "artifacts: [out/secret.txt, out/blob.bin, \"out/résumé.md\", out/never.md]"),
        Specs.decision("review"));
    ok(cli.run("submit", "go.yaml", "--job-id", "gojob"));
    String list = ok(cli.run("checkpoint", "list", "gojob")).out();
    String cp = list.lines().filter(l -> l.contains("decision")).map(l -> l.replaceAll(".*(cp_\\d+).*", "$1"))
        .findFirst().orElseThrow();
    ok(cli.run("approve", "gojob", "--checkpoint", cp, "--reason", "checked <it> & \"quoted\""));
    ok(cli.run("export", "gojob", "--unsafe-capture-raw"));
    Path zip = dir.resolve("wrkr-out/jobpacks/jobpack_gojob.zip");

    String out = check(zip);
    assertThat(out).startsWith("ok files=").endsWith("go-rewrite=identical");
    try (var z = new java.util.zip.ZipFile(zip.toFile())) {
      List<String> names = new ArrayList<>();
      z.stream().forEach(e -> names.add(e.getName()));
      assertThat(names).contains("artifacts/out/résumé.md", "artifacts/out/blob.bin", "approvals.jsonl");
    }
  }

  /** The checker itself must refuse a damaged jobpack (here: one byte of events.jsonl). */
  @Test
  void a_damaged_jobpack_should_fail_the_go_checks() throws Exception {
    byte[] golden = Files.readAllBytes(Path.of("src/test/resources/golden/jobpack/jobpack_job_golden.zip"));
    String text = new String(golden, StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"event_id\":\"evt_3\"");
    assertThat(at).isPositive();
    golden[at + 13] = (byte) '4';
    Path damaged = Files.write(dir.resolve("damaged.zip"), golden);
    assertThat(check(damaged)).startsWith("fail:").contains("events.jsonl");
  }

}
