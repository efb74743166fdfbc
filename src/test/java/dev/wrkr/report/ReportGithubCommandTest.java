package dev.wrkr.report;

import static dev.wrkr.testing.CliRun.ok;
import static dev.wrkr.testing.Golden.versionFree;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Golden;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** {@code wrkr report github}: the same jobpack gives the same bytes, and reporting never rewrites a jobpack. */
class ReportGithubCommandTest {
  private static final Path GOLDEN = Path.of("src/test/resources/golden/jobpack/jobpack_job_golden.zip");

  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private CliRun run(String... argv) {
    env.putIfAbsent("WRKR_HOME", dir.resolve("home").toString());
    env.putIfAbsent("PATH", System.getenv("PATH"));
    return new CliHarness(env, dir).run(argv);
  }

  private Path reports() {
    return dir.resolve("wrkr-out/reports");
  }

  @Test
  void golden_jobpack_should_give_the_golden_summary_and_leave_the_jobpack_and_store_alone() throws Exception {
    Path zip = dir.resolve("golden.zip");
    Files.copy(GOLDEN, zip, StandardCopyOption.REPLACE_EXISTING);
    byte[] before = Files.readAllBytes(zip);

    CliRun r = ok(run("report", "github", "golden.zip"));
    Path json = reports().resolve("github_summary_job_golden.json");
    Path md = reports().resolve("github_summary_job_golden.md");
    assertThat(r.out()).isEqualTo("summary_json=" + json + "\nsummary_markdown=" + md + "\n");
    Golden.assertMatches("report/github_summary_job_golden.md", Files.readString(md));
    Golden.assertMatches("report/github_summary_job_golden.json", versionFree(Files.readString(json)));
    byte[] first = Files.readAllBytes(json);

    ok(run("report", "github", "golden.zip"));
    assertThat(Files.readAllBytes(json)).isEqualTo(first);
    assertThat(Files.readAllBytes(zip)).isEqualTo(before);
    assertThat(dir.resolve("home")).doesNotExist();
  }

  @Test
  void another_time_zone_locale_and_clock_should_give_the_same_bytes() throws Exception {
    Files.copy(GOLDEN, dir.resolve("golden.zip"));
    ok(run("report", "github", "golden.zip"));
    Path json = reports().resolve("github_summary_job_golden.json");
    Path md = reports().resolve("github_summary_job_golden.md");
    byte[] firstJson = Files.readAllBytes(json);
    byte[] firstMd = Files.readAllBytes(md);
    java.util.TimeZone zone = java.util.TimeZone.getDefault();
    java.util.Locale locale = java.util.Locale.getDefault();
    try {
      java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("Asia/Kathmandu"));
      java.util.Locale.setDefault(java.util.Locale.forLanguageTag("ar-EG"));
      env.putIfAbsent("WRKR_HOME", dir.resolve("home").toString());
      CliRun r = new CliHarness(env, dir, java.time.InstantSource.fixed(CliHarness.FIXED.plusSeconds(400 * 86400L)))
          .run("report", "github", "golden.zip");
      assertThat(r.exitCode()).as(r.err()).isZero();
    } finally {
      java.util.TimeZone.setDefault(zone);
      java.util.Locale.setDefault(locale);
    }
    assertThat(Files.readAllBytes(json)).isEqualTo(firstJson);
    assertThat(Files.readAllBytes(md)).isEqualTo(firstMd);
  }

  @Test
  void json_output_should_carry_the_summary_document_and_the_paths() throws Exception {
    Files.copy(GOLDEN, dir.resolve("golden.zip"));
    JsonNode r = Json.parse(ok(run("report", "github", "golden.zip", "--json")).out());
    Path json = reports().resolve("github_summary_job_golden.json");
    assertThat(r.get("summary")).isEqualTo(Json.parse(Files.readString(json)));
    assertThat(r.get("summary_json_path").asString()).isEqualTo(json.toString());
    assertThat(r.get("summary_markdown_path").asString()).endsWith("github_summary_job_golden.md");
    assertThat(r.has("step_summary_path")).isFalse();
  }

  @Test
  void step_summary_should_be_appended_never_truncated() throws Exception {
    Files.copy(GOLDEN, dir.resolve("golden.zip"));
    Path step = dir.resolve("gh/step_summary.md");
    Files.createDirectories(step.getParent());
    Files.writeString(step, "earlier step\n");
    env.put("GITHUB_STEP_SUMMARY", step.toString());

    assertThat(ok(run("report", "github", "golden.zip")).out()).endsWith("step_summary=" + step + "\n");
    JsonNode r = Json.parse(ok(run("report", "github", "golden.zip", "--json")).out());
    assertThat(r.get("step_summary_path").asString()).isEqualTo(step.toString());

    String md = Files.readString(reports().resolve("github_summary_job_golden.md"));
    assertThat(Files.readString(step)).isEqualTo("earlier step\n" + md + md);
  }

  @Test
  void a_blocked_job_should_be_exported_once_then_reported_from_its_jobpack() throws Exception {
    Specs.write(dir, "broken", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("make", "mkdir -p out && printf 'x\\n' > out/a.md", "artifacts: [out/a.md, out/never.md]"),
        Specs.step("fail", "echo boom >&2; exit 3"));
    run("submit", "broken.yaml", "--job-id", "broken");
    assertThat(ok(run("status", "broken")).out()).contains("status=blocked_error");
    Path zip = dir.resolve("wrkr-out/jobpacks/jobpack_broken.zip");
    assertThat(zip).doesNotExist();

    ok(run("report", "github", "broken"));
    assertThat(zip).exists();
    byte[] pack = Files.readAllBytes(zip);
    Golden.assertMatches("report/github_summary_broken.md",
        Files.readString(reports().resolve("github_summary_broken.md")));
    Golden.assertMatches("report/github_summary_broken.json",
        versionFree(Files.readString(reports().resolve("github_summary_broken.json"))));
    byte[] summary = Files.readAllBytes(reports().resolve("github_summary_broken.json"));

    // the ledger moves on; the report still reads the jobpack it has, which it never rewrites
    ok(run("checkpoint", "emit", "broken", "--type", "progress", "--summary", "later note"));
    ok(run("report", "github", "broken"));
    assertThat(Files.readAllBytes(zip)).isEqualTo(pack);
    assertThat(Files.readAllBytes(reports().resolve("github_summary_broken.json"))).isEqualTo(summary);
  }

  @Test
  void a_tampered_jobpack_should_not_be_reported() throws Exception {
    byte[] bytes = Files.readAllBytes(GOLDEN);
    String text = new String(bytes, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("job_golden\",\"name\"");
    assertThat(at).isPositive();
    bytes[at] = 'J';
    Files.write(dir.resolve("bad.zip"), bytes);
    CliRun r = run("report", "github", "bad.zip");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(reports()).doesNotExist();
  }

  @Test
  void a_job_without_store_or_jobpack_should_fail_as_input_error() {
    CliRun r = run("report", "github", "nosuchjob");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(6);
    assertThat(r.err()).contains("job not found");
  }
}
