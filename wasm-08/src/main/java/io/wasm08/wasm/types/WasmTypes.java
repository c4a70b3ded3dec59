package io.wasm08.wasm.types;

import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.errors.IbcException;

/**
 * Module names, store keys, event names ({@code types/keys.go}, {@code events.go}) and the codec
 * registration of the six 08-wasm type URLs ({@code types/codec.go RegisterInterfaces}).
 */
public final class WasmTypes {
  private WasmTypes() {}

  /** {@code ModuleName} = {@code StoreKey} = {@code Wasm}. */
  public static final String MODULE_NAME = "08-wasm";

  public static final String STORE_KEY = MODULE_NAME;

  public static final String EVENT_TYPE_STORE_WASM_CODE = "store_wasm_code";
  public static final String EVENT_TYPE_MIGRATE_CONTRACT = "migrate_contract";
  public static final String ATTRIBUTE_KEY_WASM_CHECKSUM = "wasm_checksum";
  public static final String ATTRIBUTE_KEY_CLIENT_ID = "client_id";
  public static final String ATTRIBUTE_KEY_NEW_CHECKSUM = "new_checksum";
  public static final String ATTRIBUTE_VALUE_CATEGORY = MODULE_NAME;

  /**
   * Registers the wasm ClientState, ConsensusState and ClientMessage against the 02-client
   * interfaces (decoded into {@link WasmClientState} etc.) and the three Msgs against {@code
   * sdk.Msg}.
   */
  public static AnyCodec.Builder registerInterfaces(AnyCodec.Builder builder) {
    return builder
        .register(
            ClientInterfaces.CLIENT_STATE,
            WasmClientState.TYPE_URL,
            value -> unmarshal(() -> WasmClientState.unmarshal(bytes(value))))
        .describe(ibc.lightclients.wasm.v1.ClientState.getDescriptor())
        .register(
            ClientInterfaces.CONSENSUS_STATE,
            WasmConsensusState.TYPE_URL,
            value -> unmarshal(() -> WasmConsensusState.unmarshal(bytes(value))))
        .describe(ibc.lightclients.wasm.v1.ConsensusState.getDescriptor())
        .register(
            ClientInterfaces.CLIENT_MESSAGE,
            WasmClientMessage.TYPE_URL,
            value -> unmarshal(() -> WasmClientMessage.unmarshal(bytes(value))))
        .describe(ibc.lightclients.wasm.v1.ClientMessage.getDescriptor())
        .registerMessage(SdkInterfaces.MSG, MsgStoreCode.getDefaultInstance())
        .registerMessage(SdkInterfaces.MSG, MsgMigrateContract.getDefaultInstance())
        .registerMessage(SdkInterfaces.MSG, MsgRemoveChecksum.getDefaultInstance());
  }

  private static io.wasm08.common.Bytes bytes(com.google.protobuf.ByteString value) {
    return io.wasm08.common.Bytes.wrapOwned(value.toByteArray());
  }

  /**
   * The Any codec reports undecodable values through protobuf's checked exception; gogo's texts
   * travel in its message.
   */
  private static <T> T unmarshal(java.util.function.Supplier<T> decode)
      throws com.google.protobuf.InvalidProtocolBufferException {
    try {
      return decode.get();
    } catch (IbcException e) {
      throw new com.google.protobuf.InvalidProtocolBufferException(e.getMessage());
    }
  }
}
