package io.wasm08.node.cli;

import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Descriptors.FileDescriptor;
import com.google.protobuf.util.JsonFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The protobuf types the CLI reads and prints inside {@code Any}s. */
final class CliTypes {
  private CliTypes() {}

  static final JsonFormat.TypeRegistry REGISTRY = build();

  private static JsonFormat.TypeRegistry build() {
    JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
    Set<String> seen = new HashSet<>();
    for (FileDescriptor f :
        List.of(
            cosmos.auth.v1beta1.QueryOuterClass.getDescriptor(),
            cosmos.tx.v1beta1.ServiceOuterClass.getDescriptor(),
            ibc.core.client.v1.QueryOuterClass.getDescriptor(),
            ibc.core.client.v1.Tx.getDescriptor(),
            ibc.core.client.v1.Genesis.getDescriptor())) {
      add(b, f, seen);
    }
    for (FileDescriptor f : ExtraTypes.FILES) {
      add(b, f, seen);
    }
    return b.build();
  }

  private static void add(JsonFormat.TypeRegistry.Builder b, FileDescriptor f, Set<String> seen) {
    if (!seen.add(f.getName())) {
      return;
    }
    for (Descriptor d : f.getMessageTypes()) {
      b.add(d);
    }
    f.getDependencies().forEach(d -> add(b, d, seen));
  }
}
