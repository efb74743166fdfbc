package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PaeTest {
  @Test
  void pae_should_match_the_dsse_protocol_example() {
    byte[] pae = Pae.encode("http://example.com/HelloWorld", "hello world".getBytes(StandardCharsets.UTF_8));

    assertThat(new String(pae, StandardCharsets.UTF_8)).isEqualTo("DSSEv1 29 http://example.com/HelloWorld 11 hello world");
  }

  @Test
  void pae_should_count_bytes_not_characters_and_allow_an_empty_body() {
    byte[] pae = Pae.encode("t/é", new byte[0]);

    assertThat(pae).isEqualTo("DSSEv1 4 t/é 0 ".getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void pae_should_carry_binary_bodies_unchanged() {
    byte[] body = {0, (byte) 0xff, '\n', ' '};

    byte[] pae = Pae.encode("x", body);

    byte[] prefix = "DSSEv1 1 x 4 ".getBytes(StandardCharsets.US_ASCII);
    assertThat(pae).startsWith(prefix).endsWith(body).hasSize(prefix.length + body.length);
  }
}
