package dev.wrkr.sign;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * DSSE's pre-authentication encoding, the bytes actually signed: {@code "DSSEv1" SP LEN(type) SP
 * type SP LEN(body) SP body}, where LEN is the byte count in ASCII decimal without leading zeros.
 * Binding the payload type into the signed bytes stops a signature being replayed as another kind
 * of document.
 */
final class Pae {
  private Pae() {}

  static byte[] encode(String payloadType, byte[] payload) {
    byte[] type = payloadType.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(type.length + payload.length + 32);
    out.writeBytes(("DSSEv1 " + type.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(type);
    out.writeBytes((" " + payload.length + " ").getBytes(StandardCharsets.US_ASCII));
    out.writeBytes(payload);
    return out.toByteArray();
  }
}
