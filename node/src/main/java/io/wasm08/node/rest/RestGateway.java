package io.wasm08.node.rest;

import com.google.api.AnnotationsProto;
import com.google.api.HttpRule;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.EnumValueDescriptor;
import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ServerMethodDefinition;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.ProtoMethodDescriptorSupplier;
import io.grpc.stub.ClientCalls;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The REST/JSON mapping of the node's gRPC services, driven only by their {@code google.api.http}
 * annotations (as grpc-gateway does for a Cosmos node): the path template binds request fields, GET
 * query parameters fill the others ({@code pagination.limit=10}), a {@code body: "*"} rule reads
 * the JSON body; the call runs on the in-process channel; the answer is protobuf JSON with proto
 * field names, 64-bit integers as strings, bytes as base64 and {@code Any} as {@code {"@type": …}}.
 * Errors are {@code {"code": <gRPC code>, "message": …, "details": []}} with grpc-gateway's HTTP
 * status for the code.
 */
public final class RestGateway {
  private final Channel channel;
  private final List<Route> routes;
  private final JsonFormat.Printer printer;
  private final JsonFormat.Parser parser;

  /** One HTTP binding of one gRPC method. */
  record Route(
      String httpMethod,
      PathTemplate path,
      String body,
      ServerMethodDefinition<?, ?> method,
      Message prototype) {}

  /** An HTTP answer: status and JSON text. */
  public record Response(int status, String json) {}

  public RestGateway(
      Channel channel, List<ServerServiceDefinition> services, JsonFormat.TypeRegistry types) {
    this.channel = channel;
    this.printer =
        JsonFormat.printer()
            .usingTypeRegistry(types)
            .preservingProtoFieldNames()
            .alwaysPrintFieldsWithNoPresence();
    this.parser = JsonFormat.parser().usingTypeRegistry(types);
    List<Route> all = new ArrayList<>();
    for (ServerServiceDefinition service : services) {
      for (ServerMethodDefinition<?, ?> method : service.getMethods()) {
        routes(method).forEach(all::add);
      }
    }
    all.sort(Comparator.comparingInt((Route r) -> -r.path().specificity()));
    this.routes = List.copyOf(all);
  }

  /** The routes, as {@code "GET /path/{x}"} lines (for docs and tests). */
  public List<String> describe() {
    return routes.stream()
        .map(
            r ->
                r.httpMethod()
                    + " "
                    + r.path().text()
                    + " -> "
                    + r.method().getMethodDescriptor().getFullMethodName())
        .toList();
  }

  private static List<Route> routes(ServerMethodDefinition<?, ?> method) {
    if (!(method.getMethodDescriptor().getSchemaDescriptor()
        instanceof ProtoMethodDescriptorSupplier supplier)) {
      return List.of();
    }
    MethodDescriptor proto = supplier.getMethodDescriptor();
    if (!proto.getOptions().hasExtension(AnnotationsProto.http)) {
      return List.of();
    }
    Message prototype = prototype(method);
    HttpRule rule = proto.getOptions().getExtension(AnnotationsProto.http);
    List<Route> out = new ArrayList<>();
    addRule(out, rule, method, prototype);
    for (HttpRule extra : rule.getAdditionalBindingsList()) {
      addRule(out, extra, method, prototype);
    }
    return out;
  }

  private static void addRule(
      List<Route> out, HttpRule rule, ServerMethodDefinition<?, ?> method, Message prototype) {
    String verb;
    String path;
    switch (rule.getPatternCase()) {
      case GET -> {
        verb = "GET";
        path = rule.getGet();
      }
      case POST -> {
        verb = "POST";
        path = rule.getPost();
      }
      case PUT -> {
        verb = "PUT";
        path = rule.getPut();
      }
      case DELETE -> {
        verb = "DELETE";
        path = rule.getDelete();
      }
      case PATCH -> {
        verb = "PATCH";
        path = rule.getPatch();
      }
      default -> {
        return;
      }
    }
    out.add(new Route(verb, PathTemplate.parse(path), rule.getBody(), method, prototype));
  }

  private static Message prototype(ServerMethodDefinition<?, ?> method) {
    if (method.getMethodDescriptor().getRequestMarshaller()
            instanceof io.grpc.MethodDescriptor.PrototypeMarshaller<?> p
        && p.getMessagePrototype() instanceof Message m) {
      return m.getDefaultInstanceForType();
    }
    throw new IllegalArgumentException(
        "no request prototype for " + method.getMethodDescriptor().getFullMethodName());
  }

  /** Serves one request. {@code query} is the raw query string (may be null). */
  public Response handle(String httpMethod, String path, String query, String body) {
    boolean pathKnown = false;
    for (Route route : routes) {
      Optional<Map<String, String>> bound = route.path().match(path);
      if (bound.isEmpty()) {
        continue;
      }
      pathKnown = true;
      if (!route.httpMethod().equalsIgnoreCase(httpMethod)) {
        continue;
      }
      return call(route, bound.get(), query, body);
    }
    if (pathKnown) {
      return error(405, Status.Code.UNIMPLEMENTED.value(), "Method Not Allowed");
    }
    return error(404, Status.Code.NOT_FOUND.value(), "Not Found");
  }

  private Response call(Route route, Map<String, String> pathFields, String query, String body) {
    Message.Builder request = route.prototype().newBuilderForType();
    try {
      if (route.body().equals("*")) {
        if (body != null && !body.isBlank()) {
          parser.merge(body, request);
        }
      } else if (!route.body().isEmpty()) {
        throw new IllegalArgumentException("body field bindings are not supported");
      } else if (query != null && !query.isEmpty()) {
        for (String pair : query.split("&")) {
          if (pair.isEmpty()) {
            continue;
          }
          int eq = pair.indexOf('=');
          String key = Rest.decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = eq < 0 ? "" : Rest.decode(pair.substring(eq + 1));
          setField(request, key, value);
        }
      }
      for (Map.Entry<String, String> e : pathFields.entrySet()) {
        setField(request, e.getKey(), e.getValue());
      }
    } catch (InvalidProtocolBufferException | IllegalArgumentException e) {
      return error(400, Status.Code.INVALID_ARGUMENT.value(), e.getMessage());
    }
    Object response;
    try {
      response = invoke(route.method(), request.build());
    } catch (StatusRuntimeException e) {
      Status status = e.getStatus();
      return error(
          httpStatus(status.getCode()),
          status.getCode().value(),
          status.getDescription() == null ? status.getCode().name() : status.getDescription());
    }
    try {
      return new Response(200, printer.print((Message) response));
    } catch (InvalidProtocolBufferException e) {
      return error(500, Status.Code.INTERNAL.value(), e.getMessage());
    }
  }

  @SuppressWarnings("unchecked")
  private <Q, R> R invoke(ServerMethodDefinition<Q, R> method, Message request) {
    return ClientCalls.blockingUnaryCall(
        channel, method.getMethodDescriptor(), CallOptions.DEFAULT, (Q) request);
  }

  /** Sets a (dotted) field from its text form, as grpc-gateway's query parser does. */
  private static void setField(Message.Builder builder, String fieldPath, String value) {
    String[] names = fieldPath.split("\\.");
    Message.Builder target = builder;
    for (int i = 0; i < names.length - 1; i++) {
      FieldDescriptor f = field(target.getDescriptorForType(), names[i], fieldPath);
      if (f.getJavaType() != FieldDescriptor.JavaType.MESSAGE || f.isRepeated()) {
        throw new IllegalArgumentException("field " + fieldPath + " cannot be set from text");
      }
      target = target.getFieldBuilder(f);
    }
    FieldDescriptor f = field(target.getDescriptorForType(), names[names.length - 1], fieldPath);
    Object parsed = parseScalar(f, value, fieldPath);
    if (f.isRepeated()) {
      target.addRepeatedField(f, parsed);
    } else {
      target.setField(f, parsed);
    }
  }

  private static FieldDescriptor field(Descriptor d, String name, String path) {
    FieldDescriptor f = d.findFieldByName(name);
    if (f == null) {
      for (FieldDescriptor candidate : d.getFields()) {
        if (candidate.getJsonName().equals(name)) {
          return candidate;
        }
      }
      throw new IllegalArgumentException("unknown field " + path + " in " + d.getFullName());
    }
    return f;
  }

  private static Object parseScalar(FieldDescriptor f, String value, String path) {
    try {
      return switch (f.getJavaType()) {
        case STRING -> value;
        case BOOLEAN -> {
          if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException("invalid bool " + value + " for " + path);
          }
          yield Boolean.parseBoolean(value);
        }
        case INT -> unsigned(f) ? Integer.parseUnsignedInt(value) : Integer.parseInt(value);
        case LONG -> unsigned(f) ? Long.parseUnsignedLong(value) : Long.parseLong(value);
        case FLOAT -> Float.parseFloat(value);
        case DOUBLE -> Double.parseDouble(value);
        case BYTE_STRING -> ByteString.copyFrom(decodeBase64(value));
        case ENUM -> {
          EnumValueDescriptor byName = f.getEnumType().findValueByName(value);
          if (byName != null) {
            yield byName;
          }
          EnumValueDescriptor byNumber = f.getEnumType().findValueByNumber(Integer.parseInt(value));
          if (byNumber == null) {
            throw new IllegalArgumentException("invalid enum value " + value + " for " + path);
          }
          yield byNumber;
        }
        case MESSAGE ->
            throw new IllegalArgumentException("field " + path + " is a message, not a value");
      };
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("invalid number " + value + " for " + path);
    }
  }

  private static boolean unsigned(FieldDescriptor f) {
    return switch (f.getType()) {
      case UINT32, UINT64, FIXED32, FIXED64 -> true;
      default -> false;
    };
  }

  private static byte[] decodeBase64(String value) {
    String v = value.replace('-', '+').replace('_', '/');
    return Base64.getDecoder().decode(v + "=".repeat((4 - v.length() % 4) % 4));
  }

  /** grpc-gateway's {@code HTTPStatusFromCode}. */
  static int httpStatus(Status.Code code) {
    return switch (code) {
      case OK -> 200;
      case CANCELLED -> 499;
      case UNKNOWN, INTERNAL, DATA_LOSS -> 500;
      case INVALID_ARGUMENT, FAILED_PRECONDITION, OUT_OF_RANGE -> 400;
      case DEADLINE_EXCEEDED -> 504;
      case NOT_FOUND -> 404;
      case ALREADY_EXISTS, ABORTED -> 409;
      case PERMISSION_DENIED -> 403;
      case UNAUTHENTICATED -> 401;
      case RESOURCE_EXHAUSTED -> 429;
      case UNIMPLEMENTED -> 501;
      case UNAVAILABLE -> 503;
    };
  }

  private static Response error(int http, int grpcCode, String message) {
    com.fasterxml.jackson.databind.node.ObjectNode node =
        com.fasterxml.jackson.databind.json.JsonMapper.builder().build().createObjectNode();
    node.put("code", grpcCode);
    node.put("message", message == null ? "" : message);
    node.putArray("details");
    return new Response(http, node.toPrettyString());
  }
}
