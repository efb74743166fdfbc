package dev.wrkr.jobpack;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Digests;
import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

/**
 * {@code wrkr verify} on hostile files: each is refused with a stable code and exit status, and
 * nothing is written anywhere (the working folder holds only the input afterwards).
 */
class HostileJobpackTest {
  @TempDir Path dir;

  /** A jobpack whose manifest lists {@code entries} correctly, so only the hostile part can fail. */
  private static byte[] pack(Map<String, byte[]> entries) throws Exception {
    StringBuilder files = new StringBuilder();
    entries.keySet().stream().sorted().forEach(name -> files.append(files.isEmpty() ? "" : ",")
        .append("{\"path\":\"").append(name).append("\",\"sha256\":\"")
        .append(Digests.sha256Hex(entries.get(name))).append("\"}"));
    String body = "{\"created_at\":\"2026-02-14T03:45:00Z\",\"files\":[" + files + "],\"job_id\":\"job_h\","
        + "\"manifest_sha256\":\"%s\",\"producer_version\":\"dev\",\"schema_id\":\"wrkr.jobpack_manifest\","
        + "\"schema_version\":\"v1\"}";
    String manifest = body.formatted(Digests.sha256Hex(body.formatted("0".repeat(64))));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GoZipWriter z = new GoZipWriter(out)) {
      Map<String, byte[]> all = new java.util.TreeMap<>(entries);
      all.put("manifest.json", manifest.getBytes(StandardCharsets.UTF_8));
      for (Map.Entry<String, byte[]> e : all.entrySet()) {
        z.entry(e.getKey(), e.getValue());
      }
    }
    return out.toByteArray();
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  static Stream<Arguments> hostile() throws Exception {
    byte[] good = pack(Map.of("events.jsonl", bytes("")));
    byte[] badUtf8 = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}', '\n'};
    byte[] longLine = new byte[5 * 1024 * 1024];
    Arrays.fill(longLine, (byte) 'a');
    Map<String, byte[]> traversal = new LinkedHashMap<>();
    traversal.put("../../evil.txt", bytes("x"));
    return Stream.of(
        Arguments.of("truncated", Arrays.copyOf(good, good.length / 2), 2, "E_JOBPACK_INVALID"),
        Arguments.of("not a zip", bytes("hello, I am not a zip"), 2, "E_JOBPACK_INVALID"),
        Arguments.of("entry escaping the folder", pack(traversal), 2, "E_JOBPACK_INVALID"),
        Arguments.of("absolute entry", pack(Map.of("/etc/passwd", bytes("x"))), 2, "E_JOBPACK_INVALID"),
        Arguments.of("non-UTF-8 event line", pack(Map.of("events.jsonl", badUtf8)), 6, "E_INVALID_INPUT_SCHEMA"),
        Arguments.of("oversized event line", pack(Map.of("events.jsonl", longLine)), 6, "E_INVALID_INPUT_SCHEMA"),
        Arguments.of("event line that is not JSON", pack(Map.of("events.jsonl", bytes("{nope\n"))), 6,
            "E_INVALID_INPUT_SCHEMA"),
        Arguments.of("manifest that is not JSON", notJsonManifest(), 6, "E_INVALID_INPUT_SCHEMA"));
  }

  private static byte[] notJsonManifest() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GoZipWriter z = new GoZipWriter(out)) {
      z.entry("manifest.json", bytes("{\"files\":"));
    }
    return out.toByteArray();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("hostile")
  void hostile_input_should_get_a_stable_code_and_write_nothing(String what, byte[] zip, int exit, String code)
      throws Exception {
    Path file = dir.resolve("hostile.zip");
    Files.write(file, zip);
    CliRun r = new CliHarness(Map.of("WRKR_HOME", dir.resolve("home").toString()), dir)
        .run("verify", "hostile.zip", "--json");
    assertThat(r.exitCode()).as(r.err()).isEqualTo(exit);
    JsonNode err = Json.parse(r.err());
    assertThat(err.get("code").asString()).isEqualTo(code);
    assertThat(err.get("message").asString()).isNotBlank();
    try (Stream<Path> left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString()).toList()).isEqualTo(List.of("hostile.zip"));
    }
    assertThat(Files.exists(dir.getParent().resolve("evil.txt"))).isFalse();
  }
}
