package io.wasm08.wasm.keeper;

import com.google.protobuf.Message;
import io.wasm08.wasm.types.WasmClientState;

/**
 * How Go's {@code %T} prints the client-state types ibc-go's errors name, e.g. {@code
 * *types.ClientState} (08-wasm) or {@code *tendermint.ClientState}: the Go package is the proto
 * package's last non-version segment, as ibc-go's package layout has it.
 */
final class GoTypeNames {
  private GoTypeNames() {}

  static final String WASM_CLIENT_STATE = "*types.ClientState";

  static String of(Object value) {
    if (value == null) {
      return "<nil>";
    }
    if (value instanceof WasmClientState) {
      return WASM_CLIENT_STATE;
    }
    if (value instanceof Message m) {
      return pointer(m.getDescriptorForType().getFullName());
    }
    return "*" + value.getClass().getSimpleName();
  }

  /** {@code ibc.lightclients.tendermint.v1.ClientState} → {@code *tendermint.ClientState}. */
  static String pointer(String protoFullName) {
    String[] parts = protoFullName.split("\\.");
    String name = parts[parts.length - 1];
    String pkg = parts.length >= 2 ? parts[parts.length - 2] : "";
    if (pkg.matches("v[0-9]+(beta[0-9]+)?") && parts.length >= 3) {
      pkg = parts[parts.length - 3];
    }
    return "*" + pkg + "." + name;
  }
}
