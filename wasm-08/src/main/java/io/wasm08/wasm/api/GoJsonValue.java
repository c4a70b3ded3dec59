package io.wasm08.wasm.api;

import java.util.List;

/**
 * A JSON value as Go's {@code encoding/json} sees it after scanning: strings already unquoted
 * (invalid UTF-8 replaced by U+FFFD, as Go does), numbers kept as their literal text, object
 * members in input order (duplicates kept; the decoder applies them in order). Every value knows
 * its span in the input, so a {@code json.RawMessage} can be cut out byte for byte.
 */
public sealed interface GoJsonValue {
  int start();

  int end();

  /** The kind word Go prints in {@code UnmarshalTypeError} ("string", "number", …). */
  String kind();

  record JObject(List<Member> members, int start, int end) implements GoJsonValue {
    public JObject {
      members = List.copyOf(members);
    }

    @Override
    public String kind() {
      return "object";
    }
  }

  record Member(String key, GoJsonValue value) {}

  record JArray(List<GoJsonValue> elements, int start, int end) implements GoJsonValue {
    public JArray {
      elements = List.copyOf(elements);
    }

    @Override
    public String kind() {
      return "array";
    }
  }

  record JString(String value, int start, int end) implements GoJsonValue {
    @Override
    public String kind() {
      return "string";
    }
  }

  record JNumber(String literal, int start, int end) implements GoJsonValue {
    @Override
    public String kind() {
      return "number";
    }
  }

  record JBool(boolean value, int start, int end) implements GoJsonValue {
    @Override
    public String kind() {
      return "bool";
    }
  }

  record JNull(int start, int end) implements GoJsonValue {
    @Override
    public String kind() {
      return "null";
    }
  }
}
