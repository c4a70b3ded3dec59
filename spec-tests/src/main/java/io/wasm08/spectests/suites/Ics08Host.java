package io.wasm08.spectests.suites;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.events.EventManager;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.GasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.keeper.WasmMsgServer;
import io.wasm08.wasm.querier.BlsCustomQuerier;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The chain the 08-wasm suites run contracts on: in-memory {@code ibc} and {@code 08-wasm} stores,
 * the 02-client keeper with 08-wasm routed, the 08-wasm keeper with ibc-go's defaults over a real
 * engine, and the BLS12-381 custom querier ibc-go's wasm simapp wires for the Ethereum client.
 * Every call runs on a fresh context with its own gas meter, so the suites can report the SDK gas
 * of each call.
 */
final class Ics08Host {
  static final String CHAIN_ID = "conformance-1";

  /** The gov module account, {@code authtypes.NewModuleAddress("gov")}: MsgStoreCode's signer. */
  static final String AUTHORITY = AccAddress.module("gov").toBech32("cosmos");

  /** A generous gas limit for one measured call (SDK gas). */
  static final long GAS_LIMIT = 1_000_000_000_000L;

  private final KvStore ibcStore = new MemKvStore();
  private final KvStore wasmStore = new MemKvStore();
  private final ClientKeeper clientKeeper = new ClientKeeper(UpgradeKeeper.NONE);
  private final WasmKeeper keeper;
  private final WasmLightClientModule module;
  private final WasmMsgServer msgServer;
  long blockHeight = 100;
  Instant blockTime = Instant.ofEpochSecond(1_700_000_000L);

  Ics08Host(WasmEngine engine, WasmConfig config) {
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    keeper = new WasmKeeper(codec, clientKeeper, AUTHORITY, engine, QueryRouter.EMPTY, config);
    BlsCustomQuerier bls =
        new BlsCustomQuerier(
            DefaultCosmWasmCrypto.INSTANCE, BlsCustomQuerier.BlsQueryCosts.COSMWASM);
    keeper.withQueryPlugins((ctx, request) -> bls.query(ctx.gasMeter(), request), null);
    module = new WasmLightClientModule(keeper, clientKeeper.storeProvider());
    clientKeeper.addRoute(WasmTypes.MODULE_NAME, module);
    msgServer = new WasmMsgServer(keeper, "cosmos");
    BlockContext genesis = ctx(new BasicGasMeter(GAS_LIMIT));
    clientKeeper.setParams(genesis, ClientParams.DEFAULT);
    clientKeeper.setNextClientSequence(genesis, 0);
  }

  BlockContext ctx(GasMeter gasMeter) {
    return BlockContext.builder()
        .block(new BlockInfo(blockHeight, blockTime, CHAIN_ID))
        .stores(
            StoreSets.of(Map.of(ClientKeeper.STORE_KEY, ibcStore, WasmTypes.STORE_KEY, wasmStore)))
        .gasMeter(gasMeter)
        .eventManager(new EventManager())
        .build();
  }

  /** A call's result and the SDK gas it consumed. */
  record Metered<T>(T value, long gas) {}

  /** Runs {@code call} as one transaction would: on a branch, written only when it returns. */
  <T> Metered<T> run(long gasLimit, Function<BlockContext, T> call) {
    BasicGasMeter meter = new BasicGasMeter(gasLimit);
    T value = ctx(meter).atomically(call);
    return new Metered<>(value, meter.gasConsumed());
  }

  <T> Metered<T> run(Function<BlockContext, T> call) {
    return run(GAS_LIMIT, call);
  }

  /** {@code MsgStoreCode} from the gov authority; the checksum. */
  Metered<Bytes> storeCode(Bytes code) {
    MsgStoreCode msg =
        MsgStoreCode.newBuilder()
            .setSigner(AUTHORITY)
            .setWasmByteCode(ByteString.copyFrom(code.toByteArray()))
            .build();
    return run(ctx -> Bytes.wrapOwned(msgServer.storeCode(ctx, msg).getChecksum().toByteArray()));
  }

  /** {@code MsgCreateClient} of an 08-wasm client; the client id. */
  Metered<String> createClient(WasmClientState clientState, WasmConsensusState consensusState) {
    return run(
        ctx ->
            clientKeeper.createClient(
                ctx, WasmTypes.MODULE_NAME, clientState.marshal(), consensusState.marshal()));
  }

  /** {@code MsgUpdateClient}; the consensus heights of its {@code update_client} event. */
  Metered<List<Height>> updateClient(String clientId, ClientMessage message) {
    return run(
        ctx -> {
          clientKeeper.updateClient(ctx, clientId, message);
          return ctx.eventManager().events().stream()
              .filter(e -> e.type().equals("update_client"))
              .flatMap(e -> e.attribute("consensus_height").stream())
              .map(Height::parse)
              .toList();
        });
  }

  /** Every key and value of both stores, for "nothing was written" checks. */
  Map<String, Bytes> snapshot() {
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

  ClientKeeper clientKeeper() {
    return clientKeeper;
  }

  WasmKeeper keeper() {
    return keeper;
  }

  WasmLightClientModule module() {
    return module;
  }

  KvStore clientStore(String clientId) {
    return clientKeeper.clientStore(ctx(new BasicGasMeter(GAS_LIMIT)), clientId);
  }
}
