package dev.wrkr.jobpack;

import static dev.wrkr.testing.CliRun.ok;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wrkr.codec.Json;
import dev.wrkr.testing.CliHarness;
import dev.wrkr.testing.CliRun;
import dev.wrkr.testing.Specs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** keys generate, export --sign and verify --key/--trusted-keys through the CLI. */
class JobpackSigningCommandsTest {
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private CliRun run(String... argv) {
    env.putIfAbsent("WRKR_HOME", dir.resolve("home").toString());
    env.putIfAbsent("PATH", System.getenv("PATH"));
    return new CliHarness(env, dir).run(argv);
  }

  private static JsonNode err(CliRun r) {
    return Json.parse(r.err());
  }

  @BeforeEach
  void aJobAndTwoKeyPairs() {
    Specs.write(dir, "s", Specs.budgets(10, 10, 0), List.of("os"), Specs.step("one", "true"));
    ok(run("submit", "s.yaml", "--job-id", "signed"));
    ok(run("keys", "generate", "--out", "alice"));
    ok(run("keys", "generate", "--out", "mallory"));
  }

  @Test
  void generated_private_keys_should_be_owner_only_and_never_overwritten_silently() throws Exception {
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("alice.key"))))
        .isEqualTo("rw-------");
    assertThat(Files.readString(dir.resolve("alice.pub"))).startsWith("-----BEGIN PUBLIC KEY-----");
    CliRun again = run("keys", "generate", "--out", "alice", "--json");
    assertThat(again.exitCode()).isNotZero();
    assertThat(err(again).get("code").asString()).isEqualTo("E_UNSAFE_OPERATION");
  }

  @Test
  void a_signed_jobpack_should_verify_with_its_key_and_fail_with_any_other() throws Exception {
    JsonNode exported = Json.parse(ok(run("export", "signed", "--sign", "alice.key", "--json")).out());
    String keyId = exported.get("key_id").asString();
    assertThat(keyId).startsWith("ed25519:");
    assertThat(Path.of(exported.get("signature_path").asString()))
        .isEqualTo(dir.resolve("wrkr-out/jobpacks/jobpack_signed.sig.json"));
    assertThat(exported.toString()).doesNotContain("PRIVATE");

    assertThat(ok(run("verify", "signed", "--key", "alice.pub")).out())
        .contains("signature=verified key=" + keyId + "\n");
    assertThat(ok(run("verify", "signed")).out()).contains("signature=present key=" + keyId);

    CliRun wrong = run("verify", "signed", "--key", "mallory.pub", "--json");
    assertThat(wrong.exitCode()).isEqualTo(2);
    assertThat(err(wrong).get("code").asString()).isEqualTo("E_SIGNATURE_INVALID");
    assertThat(err(wrong).get("details").get("reason").asString()).isEqualTo("untrusted_key");
    assertThat(wrong.err()).doesNotContain("BEGIN");

    Files.writeString(dir.resolve("trusted.pem"), "# the team\n" + Files.readString(dir.resolve("mallory.pub"))
        + "\n" + Files.readString(dir.resolve("alice.pub")));
    assertThat(ok(run("verify", "signed", "--trusted-keys", "trusted.pem")).out()).contains("signature=verified");
  }

  @Test
  void a_changed_signature_or_a_signature_of_another_manifest_should_fail_with_exit_2() throws Exception {
    ok(run("export", "signed", "--sign", "alice.key"));
    Path sig = dir.resolve("wrkr-out/jobpacks/jobpack_signed.sig.json");
    String original = Files.readString(sig);
    JsonNode envelope = Json.parse(original);
    String s = envelope.get("signatures").get(0).get("sig").asString();
    String flipped = (s.charAt(0) == 'A' ? 'B' : 'A') + s.substring(1);
    Files.writeString(sig, original.replace(s, flipped));
    CliRun bad = run("verify", "signed", "--key", "alice.pub", "--json");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(err(bad).get("details").get("reason").asString()).isEqualTo("bad_signature");

    // a valid signature of this job's older jobpack does not cover a re-export with new events
    Files.writeString(sig, original);
    ok(run("checkpoint", "emit", "signed", "--type", "progress", "--summary", "later note"));
    ok(run("export", "signed"));
    Files.writeString(sig, original);
    CliRun stale = run("verify", "signed", "--key", "alice.pub", "--json");
    assertThat(stale.exitCode()).isEqualTo(2);
    assertThat(err(stale).get("details").get("reason").asString()).isEqualTo("manifest_mismatch");
  }

  @Test
  void the_signing_key_may_come_from_the_environment_and_an_unsigned_pack_fails_when_a_key_is_required() {
    ok(run("export", "signed"));
    CliRun unsigned = run("verify", "signed", "--key", "alice.pub", "--json");
    assertThat(unsigned.exitCode()).isEqualTo(2);
    assertThat(err(unsigned).get("details").get("reason").asString()).isEqualTo("missing_signature");

    env.put("WRKR_SIGNING_KEY", dir.resolve("alice.key").toString());
    assertThat(ok(run("export", "signed")).out()).contains("signature=");
    assertThat(ok(run("verify", "signed", "--key", "alice.pub")).out()).contains("signature=verified");
  }
}
