package dev.wrkr.sign;

import dev.wrkr.codec.Canonical;
import dev.wrkr.codec.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import tools.jackson.databind.node.ObjectNode;

/** Edits of signed envelopes, the way an attacker or a careless tool would change them. */
final class Envelopes {
  private Envelopes() {}

  /** The envelope after {@code edit} of its JSON tree, written back canonically. */
  static byte[] edit(byte[] envelope, Consumer<ObjectNode> edit) {
    ObjectNode tree = (ObjectNode) Json.parse(envelope);
    edit.accept(tree);
    return (Canonical.canonicalString(tree) + "\n").getBytes(StandardCharsets.UTF_8);
  }

  /** The envelope with its decoded payload replaced by {@code change} of it, signature kept. */
  static byte[] editPayload(byte[] envelope, UnaryOperator<byte[]> change) {
    return edit(envelope, tree -> tree.put("payload", reencode(tree.get("payload").stringValue(), change)));
  }

  /** The envelope with the decoded bytes of its first signature replaced by {@code change} of them. */
  static byte[] editSig(byte[] envelope, UnaryOperator<byte[]> change) {
    return edit(envelope, tree -> {
      ObjectNode first = (ObjectNode) tree.get("signatures").get(0);
      first.put("sig", reencode(first.get("sig").stringValue(), change));
    });
  }

  static String payloadText(byte[] envelope) {
    return new String(Base64.getDecoder().decode(Json.parse(envelope).get("payload").stringValue()),
        StandardCharsets.UTF_8);
  }

  private static String reencode(String base64, UnaryOperator<byte[]> change) {
    return Base64.getEncoder().encodeToString(change.apply(Base64.getDecoder().decode(base64)));
  }
}
