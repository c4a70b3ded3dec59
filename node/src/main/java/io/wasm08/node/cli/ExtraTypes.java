package io.wasm08.node.cli;

import com.google.protobuf.Descriptors.FileDescriptor;
import java.util.List;

/** Light-client and governance proto files known to the CLI (grows as modules are wired). */
final class ExtraTypes {
  private ExtraTypes() {}

  static final List<FileDescriptor> FILES = List.of();
}
