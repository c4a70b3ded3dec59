package io.wasm08.node.modules;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.wasm08.node.NodeErrorCode;

/** Genesis sections as protobuf JSON (proto field names, as the SDK's genesis files). */
public final class ProtoJson {
  private static final ObjectMapper JSON = new ObjectMapper();

  private ProtoJson() {}

  public static JsonNode toJson(Message m, JsonFormat.TypeRegistry types) {
    try {
      return JSON.readTree(
          JsonFormat.printer().usingTypeRegistry(types).preservingProtoFieldNames().print(m));
    } catch (InvalidProtocolBufferException | JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static <B extends Message.Builder> B merge(
      String module, JsonNode json, B builder, JsonFormat.TypeRegistry types) {
    try {
      JsonFormat.parser().usingTypeRegistry(types).merge(json.toString(), builder);
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap(module + " genesis: " + e.getMessage());
    }
    return builder;
  }
}
