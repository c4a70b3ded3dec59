package io.wasm08.wasm.types;

import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;

/**
 * {@code ValidateBasic} of the three 08-wasm Msgs ({@code types/msgs.go}). The signer must be a
 * bech32 account address with the chain's prefix (the SDK reads it from global config; we take it
 * as an argument).
 */
public final class WasmMsgs {
  private WasmMsgs() {}

  public static final String MSG_STORE_CODE = "/ibc.lightclients.wasm.v1.MsgStoreCode";
  public static final String MSG_REMOVE_CHECKSUM = "/ibc.lightclients.wasm.v1.MsgRemoveChecksum";
  public static final String MSG_MIGRATE_CONTRACT = "/ibc.lightclients.wasm.v1.MsgMigrateContract";

  /** The code as sent (possibly gzip) must be 1 byte to 3 MiB; then the signer. */
  public static void validateBasic(MsgStoreCode msg, String bech32Prefix) {
    WasmValidation.validateWasmCodeLength(msg.getWasmByteCode().size());
    validateSigner(msg.getSigner(), bech32Prefix);
  }

  public static void validateBasic(MsgRemoveChecksum msg, String bech32Prefix) {
    validateSigner(msg.getSigner(), bech32Prefix);
    WasmValidation.validateWasmChecksum(Bytes.of(msg.getChecksum().toByteArray()));
  }

  public static void validateBasic(MsgMigrateContract msg, String bech32Prefix) {
    validateSigner(msg.getSigner(), bech32Prefix);
    WasmValidation.validateWasmChecksum(Bytes.of(msg.getChecksum().toByteArray()));
    WasmValidation.validateClientId(msg.getClientId());
    if (msg.getMsg().isEmpty()) {
      throw IbcErrorCode.INVALID_REQUEST.wrap("migrate message cannot be empty");
    }
  }

  private static void validateSigner(String signer, String bech32Prefix) {
    try {
      AccAddress.fromBech32(signer, bech32Prefix);
    } catch (IbcException e) {
      throw IbcErrorCode.INVALID_ADDRESS.wrapf(
          "string could not be parsed as address: %s", e.getMessage());
    }
  }
}
