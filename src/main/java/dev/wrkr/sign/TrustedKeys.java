package dev.wrkr.sign;

import java.security.PublicKey;
import java.security.spec.InvalidKeySpecException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The Ed25519 public keys whose signatures a verifier accepts, by {@link KeyId}. Load them with
 * {@link SigningKeys#loadTrustedKeys} or build them with {@link #of}. Immutable; {@link #toString()}
 * lists key ids only.
 */
public final class TrustedKeys {
  private final Map<KeyId, PublicKey> keys;

  private TrustedKeys(Map<KeyId, PublicKey> keys) {
    this.keys = Map.copyOf(keys);
  }

  /**
   * The set of these keys; the same key given twice counts once.
   *
   * @throws IllegalArgumentException when a key is not an Ed25519 key
   */
  public static TrustedKeys of(Collection<? extends PublicKey> keys) {
    Map<KeyId, PublicKey> byId = new TreeMap<>();
    for (PublicKey key : keys) {
      try {
        byte[] encoded = key.getEncoded();
        if (encoded == null) {
          throw new InvalidKeySpecException("no encoding");
        }
        Ed25519.publicKey(encoded);
      } catch (InvalidKeySpecException e) {
        throw new IllegalArgumentException("only Ed25519 public keys can be trusted, not " + key.getAlgorithm());
      }
      byId.put(KeyId.of(key), key);
    }
    return new TrustedKeys(byId);
  }

  /** Convenience for {@link #of(Collection)}. */
  public static TrustedKeys of(PublicKey... keys) {
    return of(List.of(keys));
  }

  /** The ids of the trusted keys, sorted. */
  public List<KeyId> keyIds() {
    return keys.keySet().stream().sorted().toList();
  }

  /** The trusted key with this id, if any. */
  public Optional<PublicKey> find(KeyId keyId) {
    return Optional.ofNullable(keys.get(keyId));
  }

  /** How many keys are trusted. */
  public int size() {
    return keys.size();
  }

  @Override
  public String toString() {
    return "TrustedKeys" + keyIds();
  }
}
