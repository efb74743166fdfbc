package dev.wrkr.sign;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Ed25519 key files: generating a key pair, loading a signing key and loading trusted public keys.
 * The file formats are described in the {@linkplain dev.wrkr.sign package comment}.
 */
public final class SigningKeys {
  /** Suffix of the private key file (PKCS#8 {@code PRIVATE KEY} block, then {@code PUBLIC KEY}). */
  public static final String PRIVATE_SUFFIX = ".key";
  /** Suffix of the public key file (one {@code PUBLIC KEY} block). */
  public static final String PUBLIC_SUFFIX = ".pub";
  /** Largest private or public key file read. */
  static final int MAX_KEY_FILE_BYTES = 64 * 1024;
  /** Largest trusted keys file read (room for a few thousand keys). */
  static final int MAX_TRUSTED_FILE_BYTES = 1024 * 1024;

  private static final Set<PosixFilePermission> NOT_OWNER =
      EnumSet.complementOf(
          EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_EXECUTE));

  private SigningKeys() {}

  /** {@link #generate(Path, boolean)} without overwriting. */
  public static KeyId generate(Path prefix) {
    return generate(prefix, false);
  }

  /**
   * Generates a key pair and writes {@code <prefix>.key} (mode 0600 from the moment it exists) and
   * {@code <prefix>.pub} (mode 0644). Modes apply on POSIX file systems.
   *
   * @param force replace existing files (each atomically) instead of refusing
   * @return the id of the new key
   * @throws KeyFileException E_UNSAFE_OPERATION when a file exists and {@code force} is false;
   *     E_GENERIC_FAILURE when a file cannot be written
   */
  public static KeyId generate(Path prefix, boolean force) {
    Path keyFile = withSuffix(prefix, PRIVATE_SUFFIX);
    Path pubFile = withSuffix(prefix, PUBLIC_SUFFIX);
    if (!force) {
      for (Path file : List.of(keyFile, pubFile)) {
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
          throw KeyFileException.unsafe(file, "already exists; refusing to overwrite a key"
              + " (choose another name, or force replacing it with --force)");
        }
      }
    }
    SigningKey key = SigningKey.generate();
    String publicPem = Pem.encode(Pem.PUBLIC_KEY, key.publicKey().getEncoded());
    String privatePem = Pem.encode(Pem.PRIVATE_KEY, key.privateKeyDer()) + publicPem;
    KeyFileWriter.write(keyFile, privatePem.getBytes(StandardCharsets.US_ASCII), KeyFileWriter.PRIVATE, force);
    KeyFileWriter.write(pubFile, publicPem.getBytes(StandardCharsets.US_ASCII), KeyFileWriter.PUBLIC, force);
    return key.keyId();
  }

  /**
   * Loads a signing key from a {@code .key} file: one {@code PRIVATE KEY} block and the matching
   * {@code PUBLIC KEY} block, in any order.
   *
   * @throws KeyFileException E_UNSAFE_OPERATION when group or others have any permission on the
   *     file (POSIX file systems); E_INVALID_INPUT_SCHEMA when it is missing, unreadable, not PEM,
   *     not Ed25519, lacks its public key or holds a public key of another private key
   */
  public static SigningKey loadSigningKey(Path keyFile) {
    refuseShared(keyFile);
    List<Pem.Block> blocks = Pem.parse(readAscii(keyFile, MAX_KEY_FILE_BYTES), keyFile);
    for (Pem.Block block : blocks) {
      if (!block.label().equals(Pem.PRIVATE_KEY) && !block.label().equals(Pem.PUBLIC_KEY)) {
        throw KeyFileException.invalid(keyFile, block.line(), "unexpected " + block.label()
            + " block (encrypted keys are not supported)");
      }
    }
    Pem.Block privateBlock = single(blocks, Pem.PRIVATE_KEY, keyFile,
        " (is this a private key file? a public key ends in " + PUBLIC_SUFFIX + ")");
    Pem.Block publicBlock = single(blocks, Pem.PUBLIC_KEY, keyFile,
        " after its private key; wrkr writes both. Add it with: openssl pkey -in " + keyFile
            + " -pubout >> " + keyFile);
    PrivateKey privateKey;
    try {
      privateKey = Ed25519.privateKey(privateBlock.der());
    } catch (InvalidKeySpecException e) {
      throw KeyFileException.invalid(keyFile, privateBlock.line(), "the PRIVATE KEY block is not an Ed25519 key");
    }
    PublicKey publicKey = publicKey(publicBlock, keyFile);
    if (!Ed25519.belongTogether(privateKey, publicKey)) {
      throw KeyFileException.invalid(keyFile, publicBlock.line(),
          "the PUBLIC KEY block is not the public half of the PRIVATE KEY block");
    }
    return SigningKey.of(new KeyPair(publicKey, privateKey));
  }

  /**
   * Loads every {@code PUBLIC KEY} block of a file as trusted keys: a trusted keys file, a {@code
   * .pub} file, or a {@code .key} file (whose private block is skipped without being decoded).
   *
   * @throws KeyFileException E_INVALID_INPUT_SCHEMA when the file is missing, unreadable, not PEM,
   *     holds no public key, a block with another label, or a public key that is not Ed25519
   */
  public static TrustedKeys loadTrustedKeys(Path file) {
    List<PublicKey> keys = new ArrayList<>();
    for (Pem.Block block : Pem.parse(readAscii(file, MAX_TRUSTED_FILE_BYTES), file)) {
      switch (block.label()) {
        case Pem.PUBLIC_KEY -> keys.add(publicKey(block, file));
        case Pem.PRIVATE_KEY -> { }
        default -> throw KeyFileException.invalid(file, block.line(), "unexpected " + block.label()
            + " block (trusted keys are PUBLIC KEY blocks)");
      }
    }
    if (keys.isEmpty()) {
      throw KeyFileException.invalid(file, "holds no PUBLIC KEY block");
    }
    return TrustedKeys.of(keys);
  }

  private static PublicKey publicKey(Pem.Block block, Path file) {
    try {
      return Ed25519.publicKey(block.der());
    } catch (InvalidKeySpecException e) {
      throw KeyFileException.invalid(file, block.line(), "the PUBLIC KEY block is not an Ed25519 key");
    }
  }

  private static Pem.Block single(List<Pem.Block> blocks, String label, Path file, String hintWhenMissing) {
    List<Pem.Block> found = blocks.stream().filter(b -> b.label().equals(label)).toList();
    if (found.isEmpty()) {
      throw KeyFileException.invalid(file, "holds no " + label + " block" + hintWhenMissing);
    }
    if (found.size() > 1) {
      throw KeyFileException.invalid(file, found.get(1).line(), "a second " + label + " block (a key file holds one key)");
    }
    return found.get(0);
  }

  /** Refuses a private key file that group or others may read, write or execute. */
  private static void refuseShared(Path keyFile) {
    if (!KeyFileWriter.isPosix(keyFile)) {
      return;
    }
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(keyFile);
    } catch (NoSuchFileException e) {
      throw KeyFileException.invalid(keyFile, "does not exist");
    } catch (IOException e) {
      throw KeyFileException.invalid(keyFile, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (permissions.stream().anyMatch(NOT_OWNER::contains)) {
      throw KeyFileException.unsafe(keyFile, "group or others may access this private key (mode "
          + KeyFileWriter.octal(permissions) + "); restrict it with: chmod 600 " + keyFile);
    }
  }

  private static String readAscii(Path file, int limit) {
    byte[] bytes;
    try (InputStream in = Files.newInputStream(file)) {
      bytes = in.readNBytes(limit + 1);
    } catch (NoSuchFileException e) {
      throw KeyFileException.invalid(file, "does not exist");
    } catch (IOException e) {
      throw KeyFileException.invalid(file, "cannot be read (" + e.getClass().getSimpleName() + ")");
    }
    if (bytes.length > limit) {
      throw KeyFileException.invalid(file, "is larger than " + limit + " bytes; it is not a key file");
    }
    for (byte b : bytes) {
      if (b < 0) {
        throw KeyFileException.invalid(file, "is not ASCII text; key files are PEM");
      }
    }
    return new String(bytes, StandardCharsets.US_ASCII);
  }

  private static Path withSuffix(Path prefix, String suffix) {
    Path name = prefix.getFileName();
    if (name == null) {
      throw new IllegalArgumentException("a key prefix needs a file name, e.g. keys/release");
    }
    return prefix.resolveSibling(name + suffix);
  }
}
