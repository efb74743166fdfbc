package dev.wrkr.sign;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;

/** The JDK's own Ed25519 (RFC 8032), and nothing else. */
final class Ed25519 {
  static final String ALGORITHM = "Ed25519";
  /** Ed25519 signatures are always 64 bytes. */
  static final int SIGNATURE_BYTES = 64;

  private Ed25519() {}

  static KeyPair generate() {
    try {
      return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    }
  }

  /** A public key from its X.509 SubjectPublicKeyInfo DER bytes. */
  static PublicKey publicKey(byte[] spki) throws InvalidKeySpecException {
    return factory().generatePublic(new X509EncodedKeySpec(spki));
  }

  /** A private key from its PKCS#8 DER bytes. */
  static PrivateKey privateKey(byte[] pkcs8) throws InvalidKeySpecException {
    return factory().generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
  }

  static byte[] sign(PrivateKey key, byte[] message) {
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initSign(key);
      signature.update(message);
      return signature.sign();
    } catch (InvalidKeyException | SignatureException e) {
      throw new IllegalStateException("the JDK refused to sign with an Ed25519 key it loaded", e);
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    }
  }

  /** Whether {@code sig} is a valid signature of {@code message} by {@code key}; never throws for bad input. */
  static boolean verify(PublicKey key, byte[] message, byte[] sig) {
    if (sig.length != SIGNATURE_BYTES) {
      return false;
    }
    try {
      Signature signature = Signature.getInstance(ALGORITHM);
      signature.initVerify(key);
      signature.update(message);
      return signature.verify(sig);
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  /** Whether {@code publicKey} is the public half of {@code privateKey}: a probe signature verifies. */
  static boolean belongTogether(PrivateKey privateKey, PublicKey publicKey) {
    byte[] probe = "wrkr key pair check".getBytes(StandardCharsets.US_ASCII);
    return verify(publicKey, probe, sign(privateKey, probe));
  }

  private static KeyFactory factory() {
    try {
      return KeyFactory.getInstance(ALGORITHM);
    } catch (NoSuchAlgorithmException e) {
      throw missing(e);
    }
  }

  private static IllegalStateException missing(NoSuchAlgorithmException e) {
    // Every JDK since 15 ships Ed25519 (JEP 339); a runtime without it is a broken installation.
    return new IllegalStateException("this Java runtime has no Ed25519 support (JDK 15 or later has it)", e);
  }
}
