package dev.wrkr.sign;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import dev.wrkr.failure.WrkrException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A DSSE envelope as wrkr writes and reads it: {@code {"payload":…,"payloadType":…,"signatures":
 * [{"keyid":…,"sig":…}]}} in RFC 8785 canonical JSON plus a newline, payload and signatures in
 * standard padded base64. Reading is strict: exactly these fields, every key id in wrkr's form,
 * base64 in its one canonical spelling (so that no edit of the text leaves the meaning unchanged).
 */
record Envelope(String payloadType, byte[] payload, List<Entry> signatures) {
  /** Envelopes larger than this are refused before parsing. */
  static final int MAX_BYTES = 64 * 1024;
  /** More signatures than this are refused (each costs a verification). */
  static final int MAX_SIGNATURES = 16;

  private static final Set<String> FIELDS = Set.of("payloadType", "payload", "signatures");
  private static final Set<String> SIGNATURE_FIELDS = Set.of("keyid", "sig");

  /** One signature and the key id it claims. */
  record Entry(KeyId keyId, byte[] sig) {}

  Envelope {
    signatures = List.copyOf(signatures);
  }

  /** The canonical JSON bytes with a trailing newline; equal envelopes give equal bytes. */
  byte[] toBytes() {
    ObjectNode tree = Json.wire().createObjectNode();
    tree.put("payloadType", payloadType);
    tree.put("payload", Base64.getEncoder().encodeToString(payload));
    ArrayNode list = tree.putArray("signatures");
    for (Entry entry : signatures) {
      list.addObject().put("keyid", entry.keyId().value()).put("sig", Base64.getEncoder().encodeToString(entry.sig()));
    }
    return (Canonical.canonicalString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /**
   * Reads an envelope.
   *
   * @throws SignatureInvalidException MALFORMED_ENVELOPE when it is too large, not strict JSON, or
   *     not of the shape above
   */
  static Envelope parse(byte[] bytes) {
    if (bytes.length > MAX_BYTES) {
      throw new SignatureInvalidException(SignatureInvalidException.Reason.MALFORMED_ENVELOPE,
          "not a jobpack signature envelope: it is larger than " + MAX_BYTES + " bytes",
          SignatureInvalidException.facts("limit", MAX_BYTES, "size", bytes.length));
    }
    JsonNode tree;
    try {
      tree = Json.parse(bytes);
    } catch (WrkrException e) {
      throw SignatureInvalidException.malformed(e.getMessage());
    }
    requireFields(tree, FIELDS, "the envelope");
    JsonNode list = tree.get("signatures");
    if (!list.isArray() || list.isEmpty()) {
      throw SignatureInvalidException.malformed("signatures must be a non-empty array");
    }
    if (list.size() > MAX_SIGNATURES) {
      throw SignatureInvalidException.malformed("more than " + MAX_SIGNATURES + " signatures");
    }
    List<Entry> entries = new ArrayList<>();
    for (JsonNode signature : list.values()) {
      requireFields(signature, SIGNATURE_FIELDS, "each signature");
      entries.add(new Entry(keyId(string(signature, "keyid")), base64(signature, "sig")));
    }
    return new Envelope(string(tree, "payloadType"), base64(tree, "payload"), entries);
  }

  private static void requireFields(JsonNode node, Set<String> fields, String what) {
    if (!node.isObject() || !Set.copyOf(node.propertyNames()).equals(fields)) {
      throw SignatureInvalidException.malformed(
          what + " must be an object with exactly the fields " + fields.stream().sorted().toList());
    }
  }

  private static String string(JsonNode node, String field) {
    JsonNode value = node.get(field);
    if (!value.isString()) {
      throw SignatureInvalidException.malformed(field + " must be a string");
    }
    return value.stringValue();
  }

  private static KeyId keyId(String value) {
    try {
      return new KeyId(value);
    } catch (IllegalArgumentException e) {
      throw SignatureInvalidException.malformed("keyid " + e.getMessage().replace("a key id is", "must be"));
    }
  }

  private static byte[] base64(JsonNode node, String field) {
    String text = string(node, field);
    byte[] decoded;
    try {
      decoded = Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw SignatureInvalidException.malformed(field + " is not valid base64");
    }
    // The JDK decoder accepts missing padding and stray low bits; only the canonical spelling is ours.
    if (!Base64.getEncoder().encodeToString(decoded).equals(text)) {
      throw SignatureInvalidException.malformed(field + " is not standard padded base64");
    }
    return decoded;
  }
}
