package io.wasm08.wasm.solomachine;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgCreateClientResponse;
import ibc.core.client.v1.Tx.MsgRecoverClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import ibc.lightclients.wasm.v1.MsgStoreCodeResponse;
import io.wasm08.client.msg.ClientMsgServer;
import io.wasm08.client.msg.ClientMsgs;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.wasm.testing.DescriptorGasMeter;
import io.wasm08.wasm.testing.RecordingWasmEngine;
import io.wasm08.wasm.testing.RecordingWasmEngine.Recorded;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.vm.WasmEngine;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * A {@link WasmTestChain} with the solo-machine contract's messages as a node would deliver them:
 * each Msg packed in an {@code Any} and dispatched by type URL to the 08-wasm or 02-client route
 * (its {@code ValidateBasic}, then the handler), on a fresh metered context, with the SDK gas the
 * tx consumed and the contract calls (and their VM gas) the engine saw.
 */
final class SoloMachineChain {
  /** Any account: a relayer submits client messages; only the authority is checked. */
  static final String RELAYER = AccAddress.module("relayer").toBech32(WasmTestChain.PREFIX);

  /** A block gas limit no flow step comes near. */
  static final long GAS_LIMIT = 1_000_000_000_000L;

  /** What one delivered operation did: its result or error, gas, contract calls and events. */
  record Measured<T>(
      T value,
      Wasm08Exception error,
      long sdkGas,
      Map<String, Long> gasByDescriptor,
      List<Recorded> calls,
      List<Event> events) {
    /** Fails the test with the error when there is one. */
    Measured<T> ok() {
      if (error != null) {
        throw new AssertionError("unexpected error: " + error.getMessage(), error);
      }
      return this;
    }

    T orThrow() {
      if (error != null) {
        throw error;
      }
      return value;
    }

    long vmGas() {
      return calls.stream().mapToLong(Recorded::vmGas).sum();
    }
  }

  private final RecordingWasmEngine engine;
  private final WasmTestChain chain;
  private final Map<String, MsgRoute<?>> routes = new HashMap<>();

  SoloMachineChain(WasmEngine realEngine) {
    this.engine = new RecordingWasmEngine(realEngine);
    this.chain = new WasmTestChain(engine);
    ClientMsgServer clientMsgServer =
        new ClientMsgServer(
            chain.clientKeeper(),
            new ClientMsgs(chain.anyCodec(), WasmTestChain.PREFIX),
            WasmTestChain.AUTHORITY,
            WasmTestChain.PREFIX);
    for (MsgRoute<?> route : chain.msgServer().routes()) {
      routes.put(route.typeUrl(), route);
    }
    for (MsgRoute<?> route : clientMsgServer.routes()) {
      routes.put(route.typeUrl(), route);
    }
  }

  WasmTestChain chain() {
    return chain;
  }

  /** Runs {@code operation} on a fresh metered context; a project error is an outcome. */
  <T> Measured<T> measure(Function<BlockContext, T> operation) {
    engine.drain();
    DescriptorGasMeter meter = new DescriptorGasMeter(GAS_LIMIT);
    BlockContext ctx = chain.ctx(meter);
    T value = null;
    Wasm08Exception error = null;
    try {
      value = operation.apply(ctx);
    } catch (Wasm08Exception e) {
      error = e;
    }
    return new Measured<>(
        value,
        error,
        meter.gasConsumed(),
        meter.byDescriptor(),
        engine.drain(),
        ctx.eventManager().events());
  }

  /** The node's Msg service router: the route of the Msg's type URL, ValidateBasic included. */
  Measured<Message> deliver(Message msg) {
    return measure(ctx -> handle(ctx, msg));
  }

  /** Dispatches {@code msg} on {@code ctx} through its route. */
  Message handle(BlockContext ctx, Message msg) {
    MsgRoute<?> route = routes.get(AnyCodec.typeUrl(msg));
    if (route == null) {
      throw new IllegalArgumentException("no route for " + AnyCodec.typeUrl(msg));
    }
    return route.handle(ctx, AnyCodec.pack(msg));
  }

  // ---------------------------------------------------------------- the messages

  static MsgStoreCode storeCode(Bytes wasm) {
    return MsgStoreCode.newBuilder()
        .setSigner(WasmTestChain.AUTHORITY)
        .setWasmByteCode(ByteString.copyFrom(wasm.toByteArray()))
        .build();
  }

  static Bytes checksumOf(Measured<Message> storeCode) {
    return Bytes.wrapOwned(
        ((MsgStoreCodeResponse) storeCode.orThrow()).getChecksum().toByteArray());
  }

  static WasmClientState wasmClientState(SoloMachineClientState cs, Bytes checksum) {
    return new WasmClientState(cs.toData(), checksum, Height.of(0, cs.latestHeight()));
  }

  static MsgCreateClient createClient(SoloMachineClientState cs, Bytes checksum) {
    return MsgCreateClient.newBuilder()
        .setClientState(AnyCodec.pack(wasmClientState(cs, checksum).toProto()))
        .setConsensusState(
            AnyCodec.pack(new WasmConsensusState(cs.consensusState().toData()).toProto()))
        .setSigner(RELAYER)
        .build();
  }

  static String clientIdOf(Measured<Message> createClient) {
    return ((MsgCreateClientResponse) createClient.orThrow()).getClientId();
  }

  static MsgUpdateClient updateClient(String clientId, Bytes clientMessageData) {
    return MsgUpdateClient.newBuilder()
        .setClientId(clientId)
        .setClientMessage(AnyCodec.pack(new WasmClientMessage(clientMessageData).toProto()))
        .setSigner(RELAYER)
        .build();
  }

  static MsgRecoverClient recoverClient(String subject, String substitute) {
    return MsgRecoverClient.newBuilder()
        .setSubjectClientId(subject)
        .setSubstituteClientId(substitute)
        .setSigner(WasmTestChain.AUTHORITY)
        .build();
  }

  /** An upgrade to {@code upgraded} (higher than the client), with placeholder proofs. */
  static MsgUpgradeClient upgradeClient(
      String clientId, SoloMachineClientState upgraded, Bytes checksum) {
    return MsgUpgradeClient.newBuilder()
        .setClientId(clientId)
        .setClientState(AnyCodec.pack(wasmClientState(upgraded, checksum).toProto()))
        .setConsensusState(
            AnyCodec.pack(new WasmConsensusState(upgraded.consensusState().toData()).toProto()))
        .setProofUpgradeClient(ByteString.copyFromUtf8("upgrade client proof"))
        .setProofUpgradeConsensusState(ByteString.copyFromUtf8("upgrade consensus state proof"))
        .setSigner(RELAYER)
        .build();
  }

  static MsgMigrateContract migrateContract(String clientId, Bytes checksum) {
    return MsgMigrateContract.newBuilder()
        .setSigner(WasmTestChain.AUTHORITY)
        .setClientId(clientId)
        .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
        .setMsg(ByteString.copyFromUtf8("{}"))
        .build();
  }
}
