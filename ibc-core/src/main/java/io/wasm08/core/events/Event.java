package io.wasm08.core.events;

import java.util.List;
import java.util.Objects;

/** {@code sdk.Event}: a type and its attributes, in emission order. */
public record Event(String type, List<EventAttribute> attributes) {
  /** {@code sdk.EventTypeMessage}. */
  public static final String TYPE_MESSAGE = "message";

  /** {@code sdk.AttributeKeyModule}. */
  public static final String ATTRIBUTE_KEY_MODULE = "module";

  public Event {
    Objects.requireNonNull(type, "type");
    attributes = List.copyOf(attributes);
  }

  /** An event from alternating keys and values: {@code of("t", "k1", "v1", "k2", "v2")}. */
  public static Event of(String type, String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("keys and values must come in pairs");
    }
    EventAttribute[] attributes = new EventAttribute[keysAndValues.length / 2];
    for (int i = 0; i < attributes.length; i++) {
      attributes[i] = new EventAttribute(keysAndValues[2 * i], keysAndValues[2 * i + 1]);
    }
    return new Event(type, List.of(attributes));
  }

  /** {@code message{module=<module>}}, which the SDK modules emit after each handler event. */
  public static Event message(String module) {
    return of(TYPE_MESSAGE, ATTRIBUTE_KEY_MODULE, module);
  }

  /** The value of the first attribute named {@code key}, if any. */
  public java.util.Optional<String> attribute(String key) {
    return attributes.stream()
        .filter(a -> a.key().equals(key))
        .map(EventAttribute::value)
        .findFirst();
  }
}
