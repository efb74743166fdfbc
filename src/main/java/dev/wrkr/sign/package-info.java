/**
 * Jobpack signing: Ed25519 keys on disk and detached DSSE signature envelopes.
 *
 * <p><b>Key files</b> ({@link SigningKeys}). {@code <prefix>.key} holds two PEM blocks: the private
 * key as PKCS#8 ({@code PRIVATE KEY}), then its public key as X.509 SubjectPublicKeyInfo ({@code
 * PUBLIC KEY}). The JDK cannot derive an Ed25519 public key from a private one, and signing needs the
 * public key (its {@link KeyId} names the signature), so the key file carries both; loading checks
 * that they belong together. {@code <prefix>.pub} holds the {@code PUBLIC KEY} block alone. A trusted
 * keys file holds one or more {@code PUBLIC KEY} blocks, with blank lines and {@code #} comment lines
 * between them. Private key files are created with mode 0600 and refused when group or others have
 * any permission.
 *
 * <p><b>Signatures</b> ({@link JobpackSignature}). A DSSE envelope ({@code
 * jobpack_<job_id>.sig.json}, beside the jobpack) whose payload is the RFC 8785 canonical JSON of
 * {@code {"schema_id":"wrkr.jobpack_signature_statement","schema_version":"v1","job_id":…,
 * "manifest_sha256":…}}, signed over DSSE's pre-authentication encoding. Verification failures are
 * {@link SignatureInvalidException}s with a stable {@code reason}.
 *
 * <p>No key material appears in messages, exception details or {@code toString()}: only key ids.
 */
package dev.wrkr.sign;
