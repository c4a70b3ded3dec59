package io.wasm08.wasm.types;

import ibc.lightclients.wasm.v1.Contract;
import ibc.lightclients.wasm.v1.GenesisState;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;

/** {@code types/genesis.go}: the default (no contracts) and {@code Validate}. */
public final class WasmGenesis {
  private WasmGenesis() {}

  public static GenesisState defaultGenesis() {
    return GenesisState.getDefaultInstance();
  }

  /** Every contract's code must pass {@code ValidateWasmCode}. */
  public static void validate(GenesisState genesis) {
    for (Contract contract : genesis.getContractsList()) {
      try {
        WasmValidation.validateWasmCode(Bytes.of(contract.getCodeBytes().toByteArray()));
      } catch (IbcException e) {
        throw e.wrap("wasm bytecode validation failed");
      }
    }
  }
}
