package io.wasm08.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the upstream test tables the way Go's encoding/json fills gogoproto structs: keys match
 * field names case-insensitively, {@code []byte} is padded base64, enums are numbers, {@code null}
 * leaves a field unset.
 */
final class GoJson {
  private GoJson() {}

  static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode read(Path file) {
    try {
      return MAPPER.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The member of {@code object} named {@code name}, matched case-insensitively, or null. */
  static JsonNode field(JsonNode object, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().isNull() ? null : e.getValue();
      }
    }
    return null;
  }

  static ByteString bytes(JsonNode object, String name) {
    JsonNode node = field(object, name);
    return node == null
        ? ByteString.EMPTY
        : ByteString.copyFrom(Base64.getDecoder().decode(node.asText()));
  }

  /** Builds a proto message from a JSON object, or returns null for a missing/null object. */
  @SuppressWarnings("unchecked")
  static <T extends Message> T message(JsonNode node, T prototype) {
    if (node == null || node.isNull()) {
      return null;
    }
    Message.Builder b = prototype.newBuilderForType();
    merge(node, b);
    return (T) b.build();
  }

  private static void merge(JsonNode node, Message.Builder b) {
    for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getValue().isNull()) {
        continue;
      }
      FieldDescriptor fd =
          b.getDescriptorForType().getFields().stream()
              .filter(f -> f.getName().equalsIgnoreCase(e.getKey()))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown field " + e.getKey()));
      if (fd.isRepeated()) {
        for (JsonNode item : e.getValue()) {
          b.addRepeatedField(fd, value(fd, item, b));
        }
      } else {
        b.setField(fd, value(fd, e.getValue(), b));
      }
    }
  }

  private static Object value(FieldDescriptor fd, JsonNode v, Message.Builder parent) {
    return switch (fd.getJavaType()) {
      case BYTE_STRING -> ByteString.copyFrom(Base64.getDecoder().decode(v.asText()));
      case INT -> v.asInt();
      case LONG -> v.asLong();
      case BOOLEAN -> v.asBoolean();
      case STRING -> v.asText();
      case ENUM -> {
        EnumDescriptor ed = fd.getEnumType();
        yield ed.findValueByNumberCreatingIfUnknown(v.asInt());
      }
      case MESSAGE -> {
        Message.Builder child = parent.newBuilderForField(fd);
        merge(v, child);
        yield child.build();
      }
      default -> throw new IllegalArgumentException("unsupported field type " + fd);
    };
  }
}
