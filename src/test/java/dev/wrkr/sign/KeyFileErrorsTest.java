package dev.wrkr.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.wrkr.failure.ReasonCode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Key files that are not usable PEM keys: each refused as invalid input, naming file and line. */
class KeyFileErrorsTest {
  private static final String PUBLIC = KeyFiles.publicPem(SigningKey.generate());

  @TempDir Path dir;

  static Stream<Arguments> brokenPem() {
    return Stream.of(
        Arguments.of("text before a block", "hello\n" + PUBLIC, 1, "text outside a PEM block"),
        Arguments.of("text after a block", PUBLIC + "trailing words\n", 4, "text outside a PEM block"),
        Arguments.of("no END line", PUBLIC.substring(0, PUBLIC.indexOf("-----END")), 1, "has no END line"),
        Arguments.of("END of another label", PUBLIC.replace("END PUBLIC KEY", "END PRIVATE KEY"), 3,
            "ends with another label"),
        Arguments.of("not base64 characters", PUBLIC.replaceFirst("\n[A-Za-z0-9]", "\n!"), 2, "not base64"),
        Arguments.of("bad base64 length", "-----BEGIN PUBLIC KEY-----\nQ\n-----END PUBLIC KEY-----\n", 1,
            "not valid base64"),
        Arguments.of("an empty block", "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----\n", 1, "is empty"),
        Arguments.of("base64 that is no key", "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n", 1,
            "not an Ed25519 key"),
        Arguments.of("an Ed448 key", Pem.encode(Pem.PUBLIC_KEY, keyPair("Ed448").getPublic().getEncoded()), 1,
            "not an Ed25519 key"),
        Arguments.of("an EC key", Pem.encode(Pem.PUBLIC_KEY, keyPair("EC").getPublic().getEncoded()), 1,
            "not an Ed25519 key"),
        Arguments.of("an encrypted key", "#x\n" + PUBLIC.replace("PUBLIC KEY", "ENCRYPTED PRIVATE KEY"), 2,
            "unexpected ENCRYPTED PRIVATE KEY block"),
        Arguments.of("a certificate", PUBLIC.replace("PUBLIC KEY", "CERTIFICATE"), 1, "unexpected CERTIFICATE"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("brokenPem")
  void a_broken_trusted_keys_file_should_be_refused_with_its_line(String what, String text, int line, String problem) {
    Path file = KeyFiles.write(dir.resolve("trusted.pem"), text, "rw-r--r--");

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadTrustedKeys(file));

    assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
    assertThat(refused.getMessage()).contains(file.toString(), "line " + line + ":", problem);
    assertThat(refused.details()).containsEntry("file", file.toString()).containsEntry("line", line);
    assertThat(refused.getMessage()).doesNotContain(KeyFiles.base64Body(PUBLIC).substring(8, 24));
  }

  @Test
  void an_ed448_private_key_should_be_refused() {
    KeyPair ed448 = keyPair("Ed448");
    String text = Pem.encode(Pem.PRIVATE_KEY, ed448.getPrivate().getEncoded()) + PUBLIC;
    Path file = KeyFiles.write(dir.resolve("k.key"), text);

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(file));

    assertThat(refused.getMessage()).contains("line 1:", "the PRIVATE KEY block is not an Ed25519 key");
  }

  @Test
  void a_key_file_with_two_private_keys_should_be_refused() {
    SigningKeys.generate(dir.resolve("k"));
    String text = KeyFiles.read(dir.resolve("k.key"));
    Path file = KeyFiles.write(dir.resolve("two.key"), text.substring(0, text.indexOf("-----BEGIN PUBLIC")) + text);

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(file));

    assertThat(refused.getMessage()).contains("a second PRIVATE KEY block");
  }

  @Test
  void a_missing_file_should_be_refused_as_invalid_input() {
    Path missing = dir.resolve("nothing.key");

    KeyFileException noKey = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(missing));
    KeyFileException noTrust = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadTrustedKeys(missing));

    for (KeyFileException refused : new KeyFileException[] {noKey, noTrust}) {
      assertThat(refused.code()).isEqualTo(ReasonCode.E_INVALID_INPUT_SCHEMA);
      assertThat(refused.getMessage()).contains(missing.toString(), "does not exist");
    }
  }

  @Test
  void a_file_that_is_not_ascii_should_be_refused() throws Exception {
    Path file = dir.resolve("trusted.pem");
    Files.write(file, ("# clé\n" + PUBLIC).getBytes(StandardCharsets.UTF_8));

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadTrustedKeys(file));

    assertThat(refused.getMessage()).contains("not ASCII");
  }

  @Test
  void a_huge_file_should_be_refused_without_reading_it_all() throws Exception {
    Path file = dir.resolve("huge.key");
    Files.write(file, new byte[SigningKeys.MAX_KEY_FILE_BYTES + 1]);
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

    KeyFileException refused = catchThrowableOfType(KeyFileException.class, () -> SigningKeys.loadSigningKey(file));

    assertThat(refused.getMessage()).contains("larger than " + SigningKeys.MAX_KEY_FILE_BYTES + " bytes");
  }

  private static KeyPair keyPair(String algorithm) {
    try {
      return KeyPairGenerator.getInstance(algorithm).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
