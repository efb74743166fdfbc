package dev.wrkr.jobpack;

import static dev.wrkr.testing.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Digests;
import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** export, verify, receipt, job inspect and job diff through the CLI, on a real SQLite store. */
class JobpackCommandsTest {
  @TempDir Path dir;
  private Instant now = CliHarness.FIXED;

  private CliRun run(String... argv) {
    Map<String, String> env = Map.of("WRKR_HOME", dir.resolve("home").toString(), "PATH", System.getenv("PATH"));
    return new CliHarness(env, dir, InstantSource.fixed(now)).run(argv);
  }

  private static JsonNode json(CliRun r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return Json.parse(r.out());
  }

  @BeforeEach
  void submitAJobWithOnePresentAndOneMissingArtifact() {
    Specs.write(dir, "art", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("make", "mkdir -p out && printf 'hello\\n' > out/report.md", "artifacts: [out/report.md, out/never.md]"));
    assertThat(run("submit", "art.yaml", "--job-id", "art").exitCode()).isZero();
  }

  private Path zip() {
    return dir.resolve("wrkr-out/jobpacks/jobpack_art.zip");
  }

  @Test
  void export_should_digest_real_artifact_content_and_report_missing_files_without_placeholders() throws Exception {
    JsonNode r = json(run("export", "art", "--json"));
    assertThat(r.get("path").asString()).isEqualTo(zip().toString());
    assertThat(r.get("footer").asString()).isEqualTo(
        "WRKR job_id=art manifest=sha256:" + r.get("manifest_sha256").asString() + " verify=\"wrkr verify art\"");
    assertThat(r.get("unsafe_capture_raw").asBoolean()).isFalse();
    assertThat(r.get("artifacts_missing").get(0).asString()).isEqualTo("out/never.md");

    JsonNode artifacts = entryJson("artifacts_manifest.json");
    assertThat(artifacts.get("artifacts")).hasSize(1);
    assertThat(artifacts.get("artifacts").get(0).get("path").asString()).isEqualTo("out/report.md");
    assertThat(artifacts.get("artifacts").get(0).get("sha256").asString()).isEqualTo(Digests.sha256Hex("hello\n"));
    JsonNode index = entryJson("artifacts_index.json");
    assertThat(index.get("artifacts").get(0).get("status").asString()).isEqualTo("missing");
    assertThat(index.get("artifacts").get(0).has("sha256")).isFalse();
    assertThat(index.get("artifacts").get(1).get("size").asLong()).isEqualTo(6);

    CliRun v = run("verify", "art");
    assertThat(v.exitCode()).as(v.err()).isZero();
    assertThat(v.out()).startsWith("verified job_id=art manifest=sha256:" + r.get("manifest_sha256").asString()
        + " files=7\n").contains("signature=none\n").contains("missing_artifact=out/never.md\n");
  }

  @Test
  void the_digest_should_be_what_the_step_produced_even_if_the_file_changes_later() throws Exception {
    Files.writeString(dir.resolve("out/report.md"), "tampered after the step\n");
    json(run("export", "art", "--json"));
    assertThat(entryJson("artifacts_manifest.json").get("artifacts").get(0).get("sha256").asString())
        .isEqualTo(Digests.sha256Hex("hello\n"));
  }

  @Test
  void export_should_be_byte_identical_whatever_the_clock_zone_or_locale() throws Exception {
    ok(run("export", "art"));
    byte[] first = Files.readAllBytes(zip());
    TimeZone zone = TimeZone.getDefault();
    Locale locale = Locale.getDefault();
    try {
      TimeZone.setDefault(TimeZone.getTimeZone("Asia/Kathmandu"));
      Locale.setDefault(Locale.forLanguageTag("th-TH-u-nu-thai"));
      now = now.plusSeconds(86_400 * 400);
      ok(run("export", "art"));
    } finally {
      TimeZone.setDefault(zone);
      Locale.setDefault(locale);
    }
    assertThat(Files.readAllBytes(zip())).isEqualTo(first);
  }

  @Test
  void entries_should_be_sorted_stored_and_dated_1980_and_the_manifest_should_list_the_others() throws Exception {
    ok(run("export", "art"));
    List<String> names = new ArrayList<>();
    try (ZipFile z = new ZipFile(zip().toFile())) {
      z.stream().forEach(e -> {
        names.add(e.getName());
        assertThat(e.getMethod()).isEqualTo(ZipEntry.STORED);
        assertThat(e.getLastModifiedTime().toInstant()).isEqualTo(Instant.parse("1980-01-01T00:00:00Z"));
      });
    }
    assertThat(names).isSorted().contains("manifest.json", "job.json", "events.jsonl", "checkpoints.jsonl",
        "artifacts_manifest.json", "job_metadata.json", "artifacts_index.json", "jobspec.json");
    JsonNode manifest = entryJson("manifest.json");
    assertThat(manifest.get("files")).hasSize(names.size() - 1);
    assertThat(manifest.get("created_at").asString()).isEqualTo(entryJson("job.json").get("created_at").asString());
    JsonNode meta = entryJson("job_metadata.json");
    assertThat(meta.get("objective").asString()).isEqualTo("test job art");
    assertThat(meta.get("next_step_index").asLong()).isEqualTo(1);
    assertThat(meta.get("env_fingerprint").get("rules").get(0).asString()).isEqualTo("os");
  }

  @Test
  void tampering_with_any_entry_should_fail_verify_with_exit_2() throws Exception {
    ok(run("export", "art"));
    byte[] zip = Files.readAllBytes(zip());
    String text = new String(zip, java.nio.charset.StandardCharsets.ISO_8859_1);
    int at = text.indexOf("\"status\":\"completed\"");
    assertThat(at).isPositive();
    zip[at + 11] = 'C';
    Path bad = dir.resolve("bad.zip");
    Files.write(bad, zip);
    CliRun v = run("verify", "bad.zip", "--json");
    assertThat(v.exitCode()).isEqualTo(2);
    JsonNode err = Json.parse(v.err());
    assertThat(err.get("code").asString()).isIn("E_VERIFY_HASH_MISMATCH", "E_JOBPACK_INVALID");
  }

  @Test
  void receipt_should_print_the_footer_and_parse_it_back() {
    JsonNode r = json(run("export", "art", "--json"));
    CliRun receipt = run("receipt", "art");
    assertThat(receipt.out()).isEqualTo(r.get("footer").asString() + "\n");
    CliRun parsed = run("receipt", "--parse", r.get("footer").asString(), "--json");
    assertThat(json(parsed).get("manifest_sha256").asString()).isEqualTo(r.get("manifest_sha256").asString());
    CliRun bad = run("receipt", "--parse", "WRKR job_id=art manifest=sha256:zz", "--json");
    assertThat(bad.exitCode()).isEqualTo(6);
    assertThat(Json.parse(bad.err()).get("message").asString()).isEqualTo("invalid ticket footer format");
    assertThat(run("verify", "art", "--footer", r.get("footer").asString()).exitCode()).isZero();
    String wrong = r.get("footer").asString().replaceAll("sha256:[0-9a-f]{64}", "sha256:" + "1".repeat(64));
    CliRun other = run("verify", "art", "--footer", wrong);
    assertThat(other.exitCode()).isEqualTo(2);
  }

  @Test
  void inspect_from_the_store_and_from_the_jobpack_should_show_the_same_timeline() {
    ok(run("export", "art"));
    CliRun store = run("job", "inspect", "art");
    CliRun pack = run("job", "inspect", "wrkr-out/jobpacks/jobpack_art.zip");
    assertThat(store.exitCode()).as(store.err()).isZero();
    assertThat(pack.out()).isEqualTo(store.out());
    assertThat(store.out().lines().findFirst().orElseThrow()).matches(
        "job=art status=completed events=\\d+ checkpoints=3 approvals=0");
    assertThat(store.out()).contains("missing_artifact=out/never.md\n").contains(" checkpoint cp_");
  }

  @Test
  void diff_should_report_files_events_and_checkpoints_that_differ() throws Exception {
    ok(run("export", "art"));
    Files.copy(zip(), dir.resolve("a.zip"));
    Specs.write(dir, "art2", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("make", "mkdir -p out && printf 'bye\\n' > out/report.md", "artifacts: [out/report.md]"));
    assertThat(run("submit", "art2.yaml", "--job-id", "art2").exitCode()).isZero();
    ok(run("export", "art2"));
    JsonNode d = json(run("job", "diff", "a.zip", "art2", "--json"));
    assertThat(d.get("job_id_a").asString()).isEqualTo("art");
    assertThat(d.get("job_id_b").asString()).isEqualTo("art2");
    assertThat(d.get("changed").toString()).contains("artifacts_manifest.json", "events.jsonl");
    assertThat(d.get("events").get("changed")).isNotEmpty();
    JsonNode same = json(run("job", "diff", "a.zip", "a.zip", "--json"));
    assertThat(same.get("changed")).isEmpty();
    assertThat(same.get("events").get("changed")).isEmpty();
    assertThat(same.get("checkpoints").get("added")).isEmpty();
  }

  @Test
  void raw_capture_should_copy_artifacts_redacted_and_say_so() throws Exception {
    Files.writeString(dir.resolve("out/report.md"), "hello\n");
    Specs.write(dir, "sec", Specs.budgets(10, 10, 0), List.of("os"),
        Specs.step("make", "mkdir -p out && printf 'token = abcdefgh12345\\nplain\\n' > out/secret.txt",
            "artifacts: [out/secret.txt]"));
    assertThat(run("submit", "sec.yaml", "--job-id", "sec").exitCode()).isZero();
    JsonNode r = json(run("export", "sec", "--unsafe-capture-raw", "--json"));
    assertThat(r.get("unsafe_capture_raw").asBoolean()).isTrue();
    Path z = dir.resolve("wrkr-out/jobpacks/jobpack_sec.zip");
    try (ZipFile zf = new ZipFile(z.toFile())) {
      String copied = new String(zf.getInputStream(zf.getEntry("artifacts/out/secret.txt")).readAllBytes());
      assertThat(copied).isEqualTo("token = [REDACTED:secret_assignment]\nplain\n");
    }
    assertThat(run("verify", z.toString()).exitCode()).isZero();
  }

  private JsonNode entryJson(String name) throws IOException {
    try (ZipFile z = new ZipFile(zip().toFile())) {
      return Json.parse(new String(z.getInputStream(z.getEntry(name)).readAllBytes(),
          java.nio.charset.StandardCharsets.UTF_8));
    }
  }
}
