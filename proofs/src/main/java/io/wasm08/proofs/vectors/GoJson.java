package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.EnumDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;

/**
 * Reads the upstream test tables the way Go's encoding/json fills gogoproto structs: keys match
 * field names case-insensitively, {@code []byte} is padded base64, enums are numbers, {@code null}
 * leaves a field unset. Anything else is a {@link VectorErrorCode#BAD_VECTOR_FILE}.
 */
public final class GoJson {
  private GoJson() {}

  private static final ObjectMapper MAPPER = new ObjectMapper();

  /** The JSON document in {@code file}. */
  public static JsonNode read(Path file) {
    try {
      JsonNode json = MAPPER.readTree(Files.readAllBytes(file));
      if (json == null || json.isMissingNode()) {
        throw VectorErrorCode.BAD_VECTOR_FILE.wrap(file + ": empty file");
      }
      return json;
    } catch (JacksonException e) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(
          file + ": not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap("cannot read " + file + ": " + e);
    }
  }

  /** The member of {@code object} named {@code name}, matched case-insensitively, or null. */
  public static JsonNode field(JsonNode object, String name) {
    for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equalsIgnoreCase(name)) {
        return e.getValue().isNull() ? null : e.getValue();
      }
    }
    return null;
  }

  /** A {@code []byte} member (padded base64); missing or null is empty, as in Go. */
  public static ByteString bytes(JsonNode object, String name) {
    JsonNode node = field(object, name);
    return node == null ? ByteString.EMPTY : base64(node, name);
  }

  /** A boolean member; missing is false, as in Go. */
  public static boolean bool(JsonNode object, String name) {
    JsonNode node = field(object, name);
    return node != null && node.asBoolean();
  }

  /** Builds a proto message from a JSON object, or returns null for a missing/null object. */
  @SuppressWarnings("unchecked")
  public static <T extends Message> T message(JsonNode node, T prototype) {
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
              .orElseThrow(
                  () ->
                      VectorErrorCode.BAD_VECTOR_FILE.wrap(
                          "unknown field \""
                              + e.getKey()
                              + "\" in "
                              + b.getDescriptorForType().getName()));
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
      case BYTE_STRING -> base64(v, fd.getName());
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
      default ->
          throw VectorErrorCode.BAD_VECTOR_FILE.wrap("unsupported field type " + fd.getFullName());
    };
  }

  private static ByteString base64(JsonNode node, String name) {
    try {
      return ByteString.copyFrom(Base64.getDecoder().decode(node.asText()));
    } catch (IllegalArgumentException e) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(name + " is not base64: " + e.getMessage());
    }
  }
}
