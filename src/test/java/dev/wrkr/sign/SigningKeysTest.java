package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.codec.Digests;
import dev.wrkr.failure.ReasonCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SigningKeysTest {
  @TempDir Path dir;

  @Test
  void generate_should_create_an_owner_only_key_file_and_a_world_readable_public_file() {
    SigningKeys.generate(dir.resolve("release"));

    Path key = dir.resolve("release.key");
    Path pub = dir.resolve("release.pub");
    assertThat(KeyFiles.mode(key)).isEqualTo("rw-------");
    assertThat(KeyFiles.mode(pub)).isEqualTo("rw-r--r--");
    assertThat(KeyFiles.read(key))
        .startsWith("-----BEGIN PRIVATE KEY-----\n")
        .contains("-----END PRIVATE KEY-----\n-----BEGIN PUBLIC KEY-----\n")
        .endsWith("-----END PUBLIC KEY-----\n");
    assertThat(KeyFiles.read(pub)).startsWith("-----BEGIN PUBLIC KEY-----\n").endsWith("-----END PUBLIC KEY-----\n")
        .doesNotContain("PRIVATE");
    assertThat(KeyFiles.read(key)).endsWith(KeyFiles.read(pub));
  }

  @Test
  void key_id_should_be_the_first_16_hex_of_the_sha256_of_the_public_key_der() {
    KeyId id = SigningKeys.generate(dir.resolve("k"));

    byte[] der = Base64.getDecoder().decode(KeyFiles.base64Body(KeyFiles.read(dir.resolve("k.pub"))));
    assertThat(id.value()).matches("ed25519:[0-9a-f]{16}").isEqualTo("ed25519:" + Digests.sha256Hex(der).substring(0, 16));
    assertThat(SigningKeys.loadSigningKey(dir.resolve("k.key")).keyId()).isEqualTo(id);
    assertThat(SigningKeys.loadTrustedKeys(dir.resolve("k.pub")).keyIds()).containsExactly(id);
  }

  @Test
  void generate_should_refuse_to_overwrite_an_existing_private_key() {
    Path key = KeyFiles.write(dir.resolve("k.key"), "precious\n");

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.generate(dir.resolve("k")));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_UNSAFE_OPERATION);
    assertThat(refused.getMessage()).contains("k.key", "already exists", "--force");
    assertThat(KeyFiles.read(key)).isEqualTo("precious\n");
    assertThat(dir.resolve("k.pub")).doesNotExist();
  }

  @Test
  void generate_should_refuse_to_overwrite_an_existing_public_key_without_writing_the_private_one() {
    KeyFiles.write(dir.resolve("k.pub"), "mine\n", "rw-r--r--");

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.generate(dir.resolve("k")));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_UNSAFE_OPERATION);
    assertThat(dir.resolve("k.key")).doesNotExist();
    assertThat(KeyFiles.read(dir.resolve("k.pub"))).isEqualTo("mine\n");
  }

  @Test
  void generate_with_force_should_replace_both_files_atomically_and_tighten_the_key_mode() throws Exception {
    KeyId first = SigningKeys.generate(dir.resolve("k"));
    Files.setPosixFilePermissions(dir.resolve("k.key"), PosixFilePermissions.fromString("rw-r--r--"));

    KeyId second = SigningKeys.generate(dir.resolve("k"), true);

    assertThat(second).isNotEqualTo(first);
    assertThat(KeyFiles.mode(dir.resolve("k.key"))).isEqualTo("rw-------");
    assertThat(SigningKeys.loadSigningKey(dir.resolve("k.key")).keyId()).isEqualTo(second);
    assertThat(SigningKeys.loadTrustedKeys(dir.resolve("k.pub")).keyIds()).containsExactly(second);
    try (Stream<Path> files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("k.key", "k.pub");
    }
  }

  @Test
  void generate_should_say_which_file_it_cannot_write() {
    KeyFileException failed =
        catchThrowableOfType(KeyFileException.class, () -> SigningKeys.generate(dir.resolve("missing/k")));

    assertThat(failed.code()).isEqualTo(ReasonCode.E_GENERIC_FAILURE);
    assertThat(failed.getMessage()).contains("k.key", "directory");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rw-r-----", "rw----r--", "rw--w----", "rw-----w-", "rw------x", "rwxrwxrwx"})
  void loading_should_refuse_a_private_key_that_group_or_others_may_access(String mode) throws Exception {
    SigningKeys.generate(dir.resolve("k"));
    Path key = dir.resolve("k.key");
    Files.setPosixFilePermissions(key, PosixFilePermissions.fromString(mode));

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(key));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_UNSAFE_OPERATION);
    assertThat(refused.getMessage()).contains("chmod 600 " + key, "group or others");
    assertThat(refused.details()).containsEntry("file", key.toString());
  }

  @Test
  void loading_should_accept_a_read_only_owner_key() throws Exception {
    KeyId id = SigningKeys.generate(dir.resolve("k"));
    Files.setPosixFilePermissions(dir.resolve("k.key"), PosixFilePermissions.fromString("r--------"));

    assertThat(SigningKeys.loadSigningKey(dir.resolve("k.key")).keyId()).isEqualTo(id);
  }

  @Test
  void to_string_and_messages_should_never_show_key_material() {
    SigningKeys.generate(dir.resolve("k"));
    String keyText = KeyFiles.read(dir.resolve("k.key"));
    SigningKey key = SigningKeys.loadSigningKey(dir.resolve("k.key"));
    TrustedKeys trusted = SigningKeys.loadTrustedKeys(dir.resolve("k.pub"));

    String privateBody = KeyFiles.base64Body(keyText.substring(0, keyText.indexOf("-----BEGIN PUBLIC")));
    String publicBody = KeyFiles.base64Body(KeyFiles.read(dir.resolve("k.pub")));
    for (String shown : new String[] {key.toString(), trusted.toString()}) {
      assertThat(shown).contains(key.keyId().value());
      for (String body : new String[] {privateBody, publicBody}) {
        for (int i = 0; i + 8 <= body.length(); i += 4) {
          assertThat(shown).doesNotContain(body.substring(i, i + 8));
        }
      }
    }
    assertThat(key.toString()).isEqualTo("SigningKey[" + key.keyId() + "]");
  }

  @Test
  void a_key_file_with_another_keys_public_block_should_be_refused() {
    SigningKey other = SigningKey.generate();
    SigningKeys.generate(dir.resolve("k"));
    String text = KeyFiles.read(dir.resolve("k.key"));
    String mixed = text.substring(0, text.indexOf("-----BEGIN PUBLIC")) + KeyFiles.publicPem(other);
    Path key = KeyFiles.write(dir.resolve("mixed.key"), mixed);

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(key));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(refused.getMessage()).contains("not the public half");
    assertThat(refused.getMessage()).doesNotContain(KeyFiles.base64Body(KeyFiles.publicPem(other)).substring(0, 16));
  }

  @Test
  void a_key_file_without_its_public_block_should_say_how_to_add_it() {
    SigningKeys.generate(dir.resolve("k"));
    String text = KeyFiles.read(dir.resolve("k.key"));
    Path key = KeyFiles.write(dir.resolve("bare.key"), text.substring(0, text.indexOf("-----BEGIN PUBLIC")));

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(key));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(refused.getMessage()).contains("no PUBLIC KEY block", "openssl pkey -in " + key + " -pubout >> " + key);
  }

  @Test
  void a_public_key_file_given_as_a_signing_key_should_be_refused() {
    SigningKeys.generate(dir.resolve("k"));
    Path pub = dir.resolve("k.pub");
    KeyFiles.write(pub, KeyFiles.read(pub));

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(pub));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(refused.getMessage()).contains("no PRIVATE KEY block");
  }

  @Test
  void a_trusted_keys_file_should_hold_several_keys_between_comments_and_blank_lines() {
    SigningKey a = SigningKey.generate();
    SigningKey b = SigningKey.generate();
    SigningKey c = SigningKey.generate();
    String text = "# release signers\n\n" + KeyFiles.publicPem(a) + "\n# ci, rotated 2026-01\r\n"
        + KeyFiles.publicPem(b).replace("\n", "\r\n") + "   \n#\n" + KeyFiles.publicPem(c) + KeyFiles.publicPem(a);
    Path file = KeyFiles.write(dir.resolve("trusted.pem"), text, "rw-r--r--");

    TrustedKeys trusted = SigningKeys.loadTrustedKeys(file);

    assertThat(trusted.keyIds()).containsExactlyInAnyOrder(a.keyId(), b.keyId(), c.keyId()).isSorted();
    assertThat(trusted.find(b.keyId())).contains(b.publicKey());
  }

  @Test
  void the_public_key_of_a_private_key_file_should_load_as_a_trusted_key() {
    KeyId id = SigningKeys.generate(dir.resolve("k"));

    assertThat(SigningKeys.loadTrustedKeys(dir.resolve("k.key")).keyIds()).containsExactly(id);
  }

  @Test
  void a_trusted_keys_file_without_keys_should_be_refused() {
    Path file = KeyFiles.write(dir.resolve("trusted.pem"), "# nobody yet\n\n", "rw-r--r--");

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadTrustedKeys(file));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(refused.getMessage()).contains("holds no PUBLIC KEY block");
  }
}
