package io.wasm08.wasm.testing;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.events.EventManager;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.store.GasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.api.GoJsonDecoder;
import io.wasm08.wasm.api.GoJsonDecoder.Field;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.keeper.WasmMsgServer;
import io.wasm08.wasm.keeper.WasmQueryServer;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.WasmEngine;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chain for 08-wasm tests — the counterpart of ibc-go's wasm simapp: in-memory {@code ibc} and
 * {@code 08-wasm} stores, the 02-client keeper with the 08-wasm module routed, the 08-wasm keeper
 * over a given engine (a {@link FakeWasmEngine} or the real one), its Msg and Query servers. Every
 * {@link #ctx()} is a fresh context over the same stores.
 */
public final class WasmTestChain {
  public static final String CHAIN_ID = "testchain-1";
  public static final String PREFIX = "cosmos";

  /** {@code authtypes.NewModuleAddress(govtypes.ModuleName)}. */
  public static final String AUTHORITY = AccAddress.module("gov").toBech32(PREFIX);

  final KvStore ibcStore;
  final KvStore wasmStore;
  final AnyCodec codec = codec();
  final ClientKeeper clientKeeper = new ClientKeeper(UpgradeKeeper.NONE);
  final WasmEngine engine;
  final WasmKeeper keeper;
  final WasmLightClientModule module;
  final WasmMsgServer msgServer;
  final WasmQueryServer queryServer;
  public long blockHeight = 12;
  public Instant blockTime = Instant.ofEpochSecond(1_700_000_000L);
  public String consensusAuthority;

  public WasmTestChain(WasmEngine engine) {
    this(engine, WasmConfig.defaults(), QueryRouter.EMPTY);
  }

  public WasmTestChain(WasmEngine engine, WasmConfig config, QueryRouter router) {
    this(engine, config, router, new MemKvStore(), new MemKvStore());
  }

  /** Over given {@code ibc} and {@code 08-wasm} stores (e.g. IAVL stores of a multistore). */
  public WasmTestChain(
      WasmEngine engine,
      WasmConfig config,
      QueryRouter router,
      KvStore ibcStore,
      KvStore wasmStore) {
    this.ibcStore = ibcStore;
    this.wasmStore = wasmStore;
    this.engine = engine;
    this.keeper = new WasmKeeper(codec, clientKeeper, AUTHORITY, engine, router, config);
    this.module = new WasmLightClientModule(keeper, clientKeeper.storeProvider());
    clientKeeper.addRoute(WasmTypes.MODULE_NAME, module);
    this.msgServer = new WasmMsgServer(keeper, PREFIX);
    this.queryServer = new WasmQueryServer(keeper);
    if (!ibcStore.has(ClientKeys.nextClientSequenceKey())) {
      // a fresh chain: 02-client's default genesis (an existing store keeps its state)
      clientKeeper.setParams(ctx(), ClientParams.DEFAULT);
      clientKeeper.setNextClientSequence(ctx(), 0);
    }
  }

  /** Builds a chain over an engine, config and router (how tests choose the stores). */
  @FunctionalInterface
  public interface StoresFactory {
    WasmTestChain create(WasmEngine engine, WasmConfig config, QueryRouter router);
  }

  /** The codec of the test app: 08-wasm's types plus a (mock) Tendermint client state. */
  public static AnyCodec codec() {
    return WasmTypes.registerInterfaces(AnyCodec.builder())
        .register(
            ClientInterfaces.CLIENT_STATE,
            MockTendermint.CLIENT_STATE_TYPE_URL,
            value -> MockTendermint.decodeClientState(Bytes.wrapOwned(value.toByteArray())))
        .build();
  }

  public BlockContext ctx() {
    return ctx(new InfiniteGasMeter());
  }

  public BlockContext ctx(GasMeter gasMeter) {
    return BlockContext.builder()
        .block(new BlockInfo(blockHeight, blockTime, CHAIN_ID))
        .stores(
            StoreSets.of(Map.of(ClientKeeper.STORE_KEY, ibcStore, WasmTypes.STORE_KEY, wasmStore)))
        .gasMeter(gasMeter)
        .eventManager(new EventManager())
        .consensusAuthority(consensusAuthority)
        .build();
  }

  /** {@code storeWasmCode}: MsgStoreCode from the gov authority; returns the checksum. */
  public Bytes storeCode(Bytes code) {
    return Bytes.wrapOwned(
        msgServer
            .storeCode(
                ctx(),
                MsgStoreCode.newBuilder()
                    .setSigner(AUTHORITY)
                    .setWasmByteCode(ByteString.copyFrom(code.toByteArray()))
                    .build())
            .getChecksum()
            .toByteArray());
  }

  /**
   * {@code WasmEndpoint.CreateClient}: {@code ClientState{Any(tm cs @1-5), checksum, 0-1}} and
   * {@code ConsensusState{Any(tm cons)}} through the client keeper; returns the client id.
   */
  public String createClient(Bytes checksum) {
    WasmClientState cs =
        new WasmClientState(
            MockTendermint.clientStateAny(Height.of(1, 5)), checksum, Height.of(0, 1));
    WasmConsensusState cons = new WasmConsensusState(MockTendermint.consensusStateAny());
    return clientKeeper.createClient(ctx(), WasmTypes.MODULE_NAME, cs.marshal(), cons.marshal());
  }

  /**
   * ibc-go's default mock {@code InstantiateFn}: decodes the payload, takes the latest height from
   * the inner Tendermint state, stores the wasm client state and consensus state.
   */
  public static FakeWasmEngine.InstantiateFn defaultInstantiate() {
    return (checksum, env, info, msg, ctx) -> {
      Bytes[] fields = instantiatePayload(msg);
      Height latest = MockTendermint.latestHeightOfAny(fields[0]);
      WasmClientState cs = new WasmClientState(fields[0], fields[2], latest);
      FakeWasmEngine.set(
          ctx,
          ClientKeys.clientStateKey(),
          Bytes.wrapOwned(AnyCodec.pack(cs.toProto()).toByteArray()));
      FakeWasmEngine.set(
          ctx,
          ClientKeys.consensusStateKey(latest),
          Bytes.wrapOwned(
              AnyCodec.pack(new WasmConsensusState(fields[1]).toProto()).toByteArray()));
      return FakeWasmEngine.contractOkEmpty(ctx);
    };
  }

  /** {@code InstantiateMessage} → [client_state, consensus_state, checksum]. */
  public static Bytes[] instantiatePayload(Bytes msg) {
    return GoJsonDecoder.unmarshal(
        msg,
        d ->
            v -> {
              Bytes[] out = {null, null, null};
              d.struct(
                  v,
                  "types.InstantiateMessage",
                  List.of(
                      new Field("client_state", x -> out[0] = d.bytes(x, out[0])),
                      new Field("consensus_state", x -> out[1] = d.bytes(x, out[1])),
                      new Field("checksum", x -> out[2] = d.bytes(x, out[2]))));
              return out;
            });
  }

  /**
   * {@code CreateMockClientStateBz(cdc, checksum)}: Any(wasm cs{Any(tm cs @1-10), checksum, 1-10}).
   */
  public static Bytes mockClientStateBz(Bytes checksum) {
    WasmClientState cs =
        new WasmClientState(
            MockTendermint.clientStateAny(Height.of(1, 10)), checksum, Height.of(1, 10));
    return Bytes.wrapOwned(AnyCodec.pack(cs.toProto()).toByteArray());
  }

  /** Writes into a call's store: the Any of a wasm client state. */
  public static void setClientState(CallContext ctx, WasmClientState cs) {
    FakeWasmEngine.set(
        ctx,
        ClientKeys.clientStateKey(),
        Bytes.wrapOwned(AnyCodec.pack(cs.toProto()).toByteArray()));
  }

  public KvStore clientStore(String clientId) {
    return clientKeeper.clientStore(ctx(), clientId);
  }

  /** Every key/value of both stores, for "nothing changed" checks. */
  public Map<String, Bytes> snapshot() {
    Map<String, Bytes> all = new TreeMap<>();
    for (var entry : Map.of("ibc/", ibcStore, "08-wasm/", wasmStore).entrySet()) {
      try (KvIterator it = entry.getValue().iterator(null, null)) {
        for (; it.valid(); it.next()) {
          all.put(entry.getKey() + it.key().toHex(), it.value());
        }
      }
    }
    return all;
  }

  public ClientKeeper clientKeeper() {
    return clientKeeper;
  }

  public WasmKeeper keeper() {
    return keeper;
  }

  public WasmLightClientModule module() {
    return module;
  }

  public WasmMsgServer msgServer() {
    return msgServer;
  }

  public WasmQueryServer queryServer() {
    return queryServer;
  }

  public AnyCodec anyCodec() {
    return codec;
  }

  public KvStore ibcStore() {
    return ibcStore;
  }

  public KvStore wasmStore() {
    return wasmStore;
  }

  public WasmEngine engine() {
    return engine;
  }
}
