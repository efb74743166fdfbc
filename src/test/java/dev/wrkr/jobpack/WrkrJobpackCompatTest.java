package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Digests;
import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Our verify accepts a jobpack written the way Wrkr writes one (the demo's five entries, from
 * {@code src/test/resources/jobpacks/wrkr-demo}), zipped here by the JDK and with a manifest whose
 * preimage is spelled out by hand, so nothing of our exporter is involved.
 */
class WrkrJobpackCompatTest {
  private static final Path FIXTURE = Path.of("src/test/resources/jobpacks/wrkr-demo");
  private static final List<String> FILES =
      List.of("artifacts_manifest.json", "checkpoints.jsonl", "events.jsonl", "job.json");
  private static final String JOB = "job_demo_1771040700";

  @TempDir Path dir;

  private static String manifest(String digest) throws Exception {
    StringBuilder files = new StringBuilder();
    for (String f : FILES) {
      files.append(files.isEmpty() ? "" : ",").append("{\"path\":\"").append(f).append("\",\"sha256\":\"")
          .append(Digests.sha256Hex(Files.readAllBytes(FIXTURE.resolve(f)))).append("\"}");
    }
    return "{\"created_at\":\"2026-02-14T03:45:00.123456789Z\",\"files\":[" + files + "],\"job_id\":\"" + JOB
        + "\",\"manifest_sha256\":\"" + digest + "\",\"producer_version\":\"dev\","
        + "\"schema_id\":\"wrkr.jobpack_manifest\",\"schema_version\":\"v1\"}";
  }

  private Path wrkrJobpack(Map<String, byte[]> extra) throws Exception {
    String preimage = manifest("0".repeat(64));
    String manifest = manifest(Digests.sha256Hex(preimage));
    Path zip = dir.resolve("jobpack_" + JOB + ".zip");
    try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(zip))) {
      for (String f : FILES) {
        stored(z, f, Files.readAllBytes(FIXTURE.resolve(f)));
      }
      stored(z, "manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> e : extra.entrySet()) {
        stored(z, e.getKey(), e.getValue());
      }
    }
    return zip;
  }

  private static void stored(ZipOutputStream z, String name, byte[] bytes) throws Exception {
    ZipEntry e = new ZipEntry(name);
    e.setMethod(ZipEntry.STORED);
    e.setSize(bytes.length);
    CRC32 crc = new CRC32();
    crc.update(bytes);
    e.setCrc(crc.getValue());
    z.putNextEntry(e);
    OutputStream o = z;
    o.write(bytes);
    z.closeEntry();
  }

  private CliRun run(String... argv) {
    return new CliHarness(Map.of("WRKR_HOME", dir.resolve("home").toString()), dir).run(argv);
  }

  @Test
  void our_verify_should_accept_a_wrkr_jobpack_and_count_its_four_files() throws Exception {
    Path zip = wrkrJobpack(Map.of());
    CliRun v = run("verify", zip.toString(), "--json");
    assertThat(v.exitCode()).as(v.err()).isZero();
    JsonNode r = Json.parse(v.out());
    assertThat(r.get("job_id").asString()).isEqualTo(JOB);
    assertThat(r.get("files_verified").asInt()).isEqualTo(4);
    assertThat(r.get("signature").get("present").asBoolean()).isFalse();

    CliRun inspect = run("job", "inspect", zip.toString());
    assertThat(inspect.out()).startsWith("job=" + JOB + " status=completed events=7 checkpoints=3 approvals=0\n")
        .contains("2026-02-14T03:45:00.3Z checkpoint cp_4 plan:running\n");
    assertThat(run("receipt", zip.toString()).out())
        .isEqualTo(Footer.format(JOB, r.get("manifest_sha256").asString()) + "\n");
  }

  @Test
  void an_undeclared_entry_in_a_wrkr_jobpack_should_fail_as_wrkr_fails_it() throws Exception {
    Path zip = wrkrJobpack(Map.of("notes.txt", "x".getBytes(StandardCharsets.UTF_8)));
    CliRun v = run("verify", zip.toString(), "--json");
    assertThat(v.exitCode()).isEqualTo(2);
    JsonNode err = Json.parse(v.err());
    assertThat(err.get("code").asString()).isEqualTo("E_VERIFY_HASH_MISMATCH");
    assertThat(err.get("message").asString()).isEqualTo("archive contains undeclared file");
    assertThat(err.get("details").get("path").asString()).isEqualTo("notes.txt");
  }
}
