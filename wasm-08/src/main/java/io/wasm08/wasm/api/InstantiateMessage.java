package io.wasm08.wasm.api;

import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.util.Objects;

/**
 * The instantiate message: {@code {"client_state":<data>,"consensus_state":<data>,"checksum":…}} in
 * the current API (built from the states of {@code MsgCreateClient}); G1 sent the wrapped states
 * without a checksum.
 */
public record InstantiateMessage(WasmClientState clientState, WasmConsensusState consensusState) {
  public InstantiateMessage {
    Objects.requireNonNull(clientState, "clientState");
    Objects.requireNonNull(consensusState, "consensusState");
  }
}
