package dev.wrkr.codec;

import java.time.Instant;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ValueSerializer;
import tools.jackson.databind.module.SimpleModule;

/** Jackson bindings that make {@link Instant} read and write through {@link Timestamps}. */
final class GoTimeModule {
  private GoTimeModule() {}

  static SimpleModule create() {
    return new SimpleModule("wrkr-go-time")
        .addSerializer(Instant.class, new InstantWriter())
        .addDeserializer(Instant.class, new InstantReader());
  }

  private static final class InstantWriter extends ValueSerializer<Instant> {
    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializationContext ctxt) {
      gen.writeString(Timestamps.format(value));
    }
  }

  private static final class InstantReader extends ValueDeserializer<Instant> {
    @Override
    public Instant deserialize(JsonParser p, DeserializationContext ctxt) {
      if (p.currentToken() != JsonToken.VALUE_STRING) {
        return (Instant) ctxt.handleUnexpectedToken(Instant.class, p);
      }
      String text = p.getString();
      try {
        return Timestamps.parse(text);
      } catch (JsonFormatException e) {
        return (Instant) ctxt.handleWeirdStringValue(Instant.class, text, e.getMessage());
      }
    }
  }
}
