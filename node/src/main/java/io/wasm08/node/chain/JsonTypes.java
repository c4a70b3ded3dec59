package io.wasm08.node.chain;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.util.JsonFormat;
import io.grpc.ServerServiceDefinition;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.node.app.NodeApp;
import io.wasm08.node.grpc.StrictServices;
import java.util.HashSet;
import java.util.Set;

/**
 * The types protobuf JSON must know to print and read {@code Any}s: every message of the served
 * services' files and their imports, every registered Msg and public key, and what modules declare.
 */
final class JsonTypes {
  private JsonTypes() {}

  static JsonFormat.TypeRegistry registry(Iterable<ServerServiceDefinition> services, NodeApp app) {
    JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
    Set<String> seen = new HashSet<>();
    for (ServerServiceDefinition s : services) {
      StrictServices.protoDescriptor(s.getServiceDescriptor())
          .ifPresent(d -> addFile(b, d.getFile(), seen));
    }
    addFile(b, cosmos.tx.v1beta1.TxOuterClass.getDescriptor(), seen);
    for (var iface : java.util.List.of(SdkInterfaces.MSG, SdkInterfaces.PUB_KEY)) {
      for (String url : app.anyCodec().typeUrls(iface)) {
        app.anyCodec().descriptor(url).ifPresent(d -> addFile(b, d.getFile(), seen));
      }
    }
    app.modules().forEach(m -> m.jsonTypes().forEach(d -> addFile(b, d.getFile(), seen)));
    return b.build();
  }

  private static void addFile(
      JsonFormat.TypeRegistry.Builder b, FileDescriptor f, Set<String> seen) {
    if (!seen.add(f.getName())) {
      return;
    }
    for (Descriptor d : f.getMessageTypes()) {
      b.add(d);
    }
    f.getDependencies().forEach(dep -> addFile(b, dep, seen));
  }
}
