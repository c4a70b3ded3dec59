package io.wasm08.node.cli;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.List;

/** Light-client and governance proto files known to the CLI. */
final class ExtraTypes {
  private ExtraTypes() {}

  static final List<FileDescriptor> FILES =
      List.of(
          cosmos.gov.v1.QueryOuterClass.getDescriptor(),
          cosmos.gov.v1.Tx.getDescriptor(),
          cosmos.bank.v1beta1.Tx.getDescriptor(),
          ibc.lightclients.wasm.v1.QueryProto.getDescriptor(),
          ibc.lightclients.wasm.v1.TxProto.getDescriptor(),
          ibc.lightclients.wasm.v1.WasmProto.getDescriptor());
}
