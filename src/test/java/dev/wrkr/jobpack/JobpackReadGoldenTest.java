package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What verify, receipt, job inspect and job diff print for the golden jobpack, in text and JSON:
 * reading a jobpack is as deterministic as writing one.
 */
class JobpackReadGoldenTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/jobpack/jobpack_job_golden.zip");

  @TempDir Path dir;

  private String run(String... argv) throws Exception {
    Files.copy(GOLDEN, dir.resolve("golden.zip"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    CliRun r = new CliHarness(Map.of("WRKR_HOME", dir.resolve("home").toString()), dir).run(argv);
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.exists(dir.resolve("home"))).as("reading a jobpack never opens the store").isFalse();
    return r.out();
  }

  @Test
  void verify_should_print_the_same_bytes_every_time() throws Exception {
    Golden.assertMatches("jobpack/verify.txt", run("verify", "golden.zip"));
    Golden.assertMatches("jobpack/verify.json", run("verify", "golden.zip", "--json"));
  }

  @Test
  void receipt_should_print_the_footer() throws Exception {
    Golden.assertMatches("jobpack/footer_job_golden.txt", run("receipt", "golden.zip"));
    Golden.assertMatches("jobpack/receipt.json", run("receipt", "golden.zip", "--json"));
  }

  @Test
  void inspect_should_print_the_timeline() throws Exception {
    Golden.assertMatches("jobpack/inspect.txt", run("job", "inspect", "golden.zip"));
    Golden.assertMatches("jobpack/inspect.json", run("job", "inspect", "golden.zip", "--json"));
  }

  @Test
  void diff_against_itself_and_another_jobpack_should_be_stable() throws Exception {
    Golden.assertMatches("jobpack/diff_same.txt", run("job", "diff", "golden.zip", "golden.zip"));
    Path other = dir.resolve("other.zip");
    Files.write(other, Files.readAllBytes(GOLDEN));
    Golden.assertMatches("jobpack/diff_same.json", run("job", "diff", "golden.zip", "other.zip", "--json"));
  }
}
