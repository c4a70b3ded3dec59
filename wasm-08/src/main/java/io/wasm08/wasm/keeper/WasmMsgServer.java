package io.wasm08.wasm.keeper;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgMigrateContractResponse;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgRemoveChecksumResponse;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import ibc.lightclients.wasm.v1.MsgStoreCodeResponse;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.Authority;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmMsgs;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.VmException;
import java.util.List;
import java.util.Objects;

/**
 * The {@code ibc.lightclients.wasm.v1.Msg} service ({@code keeper/msg_server.go}): StoreCode,
 * RemoveChecksum and MigrateContract, each authority-gated (the consensus-params authority takes
 * precedence over the keeper's). The methods are the handlers (ibc-go's tests call them directly);
 * {@link #routes()} puts {@code ValidateBasic} in front as the SDK router does. Each handler is
 * atomic: a failure writes nothing and emits nothing.
 */
public final class WasmMsgServer {
  private final WasmKeeper keeper;
  private final String bech32Prefix;

  public WasmMsgServer(WasmKeeper keeper, String bech32Prefix) {
    this.keeper = Objects.requireNonNull(keeper, "keeper");
    this.bech32Prefix = Objects.requireNonNull(bech32Prefix, "bech32Prefix");
  }

  public List<MsgRoute<?>> routes() {
    return List.of(
        MsgRoute.of(
            MsgStoreCode.getDefaultInstance(),
            (ctx, m) -> {
              WasmMsgs.validateBasic(m, bech32Prefix);
              return storeCode(ctx, m);
            }),
        MsgRoute.of(
            MsgRemoveChecksum.getDefaultInstance(),
            (ctx, m) -> {
              WasmMsgs.validateBasic(m, bech32Prefix);
              return removeChecksum(ctx, m);
            }),
        MsgRoute.of(
            MsgMigrateContract.getDefaultInstance(),
            (ctx, m) -> {
              WasmMsgs.validateBasic(m, bech32Prefix);
              return migrateContract(ctx, m);
            }));
  }

  /** {@code StoreCode}: events {@code store_wasm_code{wasm_checksum}} and {@code message}. */
  public MsgStoreCodeResponse storeCode(BlockContext ctx, MsgStoreCode msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, keeper.authority(), msg.getSigner());
          Bytes checksum;
          try {
            checksum =
                keeper.storeWasmCode(
                    c, Bytes.wrapOwned(msg.getWasmByteCode().toByteArray()), keeper.meteredStore());
          } catch (IbcException e) {
            throw Panics.isPanic(e) ? e : IbcException.wrap(e, "failed to store wasm bytecode");
          }
          c.eventManager()
              .emit(
                  Event.of(
                      WasmTypes.EVENT_TYPE_STORE_WASM_CODE,
                      WasmTypes.ATTRIBUTE_KEY_WASM_CHECKSUM,
                      checksum.toHex()));
          c.eventManager().emit(Event.message(WasmTypes.ATTRIBUTE_VALUE_CATEGORY));
          return MsgStoreCodeResponse.newBuilder()
              .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
              .build();
        });
  }

  /** {@code RemoveChecksum}: off the allow-list, unpinned; no events. */
  public MsgRemoveChecksumResponse removeChecksum(BlockContext ctx, MsgRemoveChecksum msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, keeper.authority(), msg.getSigner());
          Bytes checksum = Bytes.wrapOwned(msg.getChecksum().toByteArray());
          if (!keeper.hasChecksum(c, checksum)) {
            throw WasmErrorCode.WASM_CHECKSUM_NOT_FOUND.error();
          }
          keeper.removeChecksumKey(c, checksum);
          try {
            keeper.vm().unpin(new Checksum(checksum));
          } catch (VmException | IllegalArgumentException e) {
            throw IbcException.plain(e.getMessage())
                .wrapf(
                    "failed to unpin contract with checksum (%s) from vm cache", checksum.toHex());
          }
          return MsgRemoveChecksumResponse.getDefaultInstance();
        });
  }

  /** {@code MigrateContract}: events come from the keeper ({@code migrate_contract}). */
  public MsgMigrateContractResponse migrateContract(BlockContext ctx, MsgMigrateContract msg) {
    return ctx.atomically(
        c -> {
          Authority.validate(c, keeper.authority(), msg.getSigner());
          try {
            keeper.migrateContractCode(
                c,
                msg.getClientId(),
                Bytes.wrapOwned(msg.getChecksum().toByteArray()),
                Bytes.wrapOwned(msg.getMsg().toByteArray()));
          } catch (Wasm08Exception e) {
            throw Panics.isPanic(e) ? e : IbcException.wrap(e, "failed to migrate contract");
          }
          return MsgMigrateContractResponse.getDefaultInstance();
        });
  }
}
