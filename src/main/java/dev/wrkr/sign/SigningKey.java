package dev.wrkr.sign;

import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Objects;

/**
 * An Ed25519 private key with its public key and {@link KeyId}, ready to sign jobpacks. Load one with
 * {@link SigningKeys#loadSigningKey}.
 *
 * <p>{@link #toString()} shows the key id only; the private key never leaves this object except to
 * the JDK's {@code Signature}.
 */
public final class SigningKey {
  private final PrivateKey privateKey;
  private final PublicKey publicKey;
  private final KeyId keyId;

  private SigningKey(PrivateKey privateKey, PublicKey publicKey) {
    this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
    this.publicKey = Objects.requireNonNull(publicKey, "publicKey");
    this.keyId = KeyId.of(publicKey);
  }

  /** A fresh random key, held in memory only. */
  public static SigningKey generate() {
    return of(Ed25519.generate());
  }

  /** Wraps a key pair whose halves are known to belong together. */
  static SigningKey of(KeyPair pair) {
    return new SigningKey(pair.getPrivate(), pair.getPublic());
  }

  /** The id of the public key, written beside each signature made with this key. */
  public KeyId keyId() {
    return keyId;
  }

  /** The public half, for a {@link TrustedKeys} set or a {@code .pub} file. */
  public PublicKey publicKey() {
    return publicKey;
  }

  /** The private key's PKCS#8 DER bytes, for writing the key file only. */
  byte[] privateKeyDer() {
    return privateKey.getEncoded();
  }

  /** The Ed25519 signature of {@code message} (deterministic: same key and message, same bytes). */
  byte[] sign(byte[] message) {
    return Ed25519.sign(privateKey, message);
  }

  @Override
  public String toString() {
    return "SigningKey[" + keyId + "]";
  }
}
