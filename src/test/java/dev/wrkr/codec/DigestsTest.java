package dev.wrkr.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class DigestsTest {

  @Test
  void a_copied_sha256_should_continue_independently_from_the_shared_prefix() {
    Sha256 a = Sha256.create().update("shared prefix, ");
    Sha256 b = a.copy();
    a.update("then one tail");
    b.update("then another");
    assertThat(a.hex()).isEqualTo(Sha256.create().update("shared prefix, then one tail").hex());
    assertThat(b.hex()).isEqualTo(Sha256.create().update("shared prefix, then another").hex());
    assertThatThrownBy(a::copy).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void sha256_should_match_the_known_empty_input_digest() {
    assertThat(Digests.sha256Hex(new byte[0]))
        .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  }

  /** wrkr-contracts.md §6.1: the placeholder digest of an artifact reference. */
  @Test
  void sha256_of_an_artifact_reference_should_match_the_reference_vector() {
    assertThat(Digests.sha256Hex("reference:reports/demo.md"))
        .isEqualTo("d3be897ea5e96f3e05da6ec32449a9f25fdf30ce6548e8b2e09a55c250f5e9b7");
  }

  /** wrkr-contracts.md §5.6: canonical text and hash of the default environment fingerprint. */
  @Test
  void sha256_of_canonical_json_should_match_the_environment_fingerprint_vector() {
    JsonNode fingerprint =
        Json.parse(
            """
            {"values": {"os": "linux", "go_version": "go1.25.7", "arch": "amd64"},
             "rules": ["arch", "go_version", "os"]}
            """);
    assertThat(Canonical.canonicalString(fingerprint))
        .isEqualTo(
            "{\"rules\":[\"arch\",\"go_version\",\"os\"],"
                + "\"values\":{\"arch\":\"amd64\",\"go_version\":\"go1.25.7\",\"os\":\"linux\"}}");
    assertThat(Digests.sha256Hex(fingerprint))
        .isEqualTo("2b767658b9dc190dfe1a0225007c80cd53c3ad6a7b6f871cbdccaaadac2c09ff");
  }

  @Test
  void sha256_of_a_stream_should_equal_sha256_of_its_bytes_across_many_chunks() {
    byte[] data = new byte[1_000_003];
    new SplittableRandom(42).nextBytes(data);
    assertThat(Digests.sha256Hex(new ByteArrayInputStream(data))).isEqualTo(Digests.sha256Hex(data));
  }

  @Test
  void sha256_of_a_failing_stream_should_throw_unchecked() {
    InputStream broken =
        new InputStream() {
          @Override
          public int read() throws IOException {
            throw new IOException("disk gone");
          }
        };
    assertThatThrownBy(() -> Digests.sha256Hex(broken)).isInstanceOf(UncheckedIOException.class);
  }

  @Test
  void incremental_sha256_should_equal_the_one_shot_digest() {
    byte[] all = "hello, wrkr \u20ac".getBytes(StandardCharsets.UTF_8);
    String incremental =
        Sha256.create().update("hello").update(", ".getBytes(StandardCharsets.UTF_8))
            .update(all, 7, all.length - 7).hex();
    assertThat(incremental).isEqualTo(Digests.sha256Hex(all)).hasSize(64).isLowerCase();
  }

  @Test
  void incremental_sha256_should_refuse_use_after_it_is_finished() {
    Sha256 sha = Sha256.create().update("x");
    sha.hex();
    assertThatThrownBy(() -> sha.update("y")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(sha::hex).isInstanceOf(IllegalStateException.class);
  }
}
