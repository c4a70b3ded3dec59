package io.wasm08.core.events;

import java.util.Objects;

/** {@code sdk.Attribute}: a key and a string value. */
public record EventAttribute(String key, String value) {
  public EventAttribute {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
  }

  public static EventAttribute of(String key, String value) {
    return new EventAttribute(key, value);
  }
}
