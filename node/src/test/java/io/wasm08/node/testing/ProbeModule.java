package io.wasm08.node.testing;

import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.node.app.NodeModule;
import io.wasm08.store.KvStore;
import java.util.ArrayList;
import java.util.List;
import wasm08.testing.node.v1.ProbeProto.MsgProbe;
import wasm08.testing.node.v1.ProbeProto.MsgProbeResponse;

/**
 * A test module with one Msg: writes {@code key=value} into the {@code "probe"} store, burns gas,
 * or fails after writing (so tests can see that failed messages leave nothing), and counts its
 * begin/end-block hooks.
 */
public final class ProbeModule implements NodeModule {
  public static final String STORE = "probe";
  public final List<Long> beginBlocks = new ArrayList<>();
  public final List<Long> endBlocks = new ArrayList<>();

  @Override
  public String name() {
    return "probe";
  }

  @Override
  public List<String> storeKeys() {
    return List.of(STORE);
  }

  @Override
  public void registerTypes(AnyCodec.Builder codec) {
    codec.registerMessage(SdkInterfaces.MSG, MsgProbe.getDefaultInstance());
  }

  @Override
  public List<MsgRoute<?>> msgRoutes() {
    return List.of(MsgRoute.of(MsgProbe.getDefaultInstance(), ProbeModule::handle));
  }

  @Override
  public void validateBasic(com.google.protobuf.Message msg) {
    if (msg instanceof MsgProbe p && p.getKey().isEmpty()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("probe key must not be empty");
    }
  }

  private static MsgProbeResponse handle(BlockContext ctx, MsgProbe msg) {
    KvStore store = ctx.kvStore(STORE);
    Bytes key = Bytes.ofUtf8(msg.getKey());
    Bytes previous = store.get(key);
    store.set(key, Bytes.ofUtf8(msg.getValue()));
    if (msg.getBurnGas() > 0) {
      ctx.gasMeter().consumeGas(msg.getBurnGas(), "probe burn");
    }
    ctx.eventManager().emit(Event.of("probe", "key", msg.getKey()));
    if (msg.getFail()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("probe asked to fail");
    }
    return MsgProbeResponse.newBuilder()
        .setPrevious(previous == null ? "" : previous.toUtf8())
        .build();
  }

  @Override
  public void beginBlock(BlockContext ctx) {
    beginBlocks.add(ctx.block().height());
  }

  @Override
  public void endBlock(BlockContext ctx) {
    endBlocks.add(ctx.block().height());
  }

  /** The committed value of {@code key}, if any. */
  public static String read(BlockContext ctx, String key) {
    Bytes v = ctx.stores().kvStore(STORE).get(Bytes.ofUtf8(key));
    return v == null ? null : v.toUtf8();
  }
}
