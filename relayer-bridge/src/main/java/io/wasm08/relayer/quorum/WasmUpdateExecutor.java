package io.wasm08.relayer.quorum;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventAttribute;
import io.wasm08.core.events.EventManager;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.keeper.WasmMsgServer;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Replays an update locally on the 08-wasm light-client module, the way the destination will run
 * it: a fresh IBC store holding only the client's snapshot, the 02-client keeper's {@code
 * UpdateClient} (status, verify, misbehaviour check, update) with the contract run by this
 * executor's engine. Gas is the SDK gas of the whole flow; the writes are those reaching the IBC
 * store, in order. Code comes from {@code codeSource} by checksum, is checked against it, and is
 * compiled once per executor.
 */
public final class WasmUpdateExecutor implements UpdateExecutor {
  /** A generous limit: the dry run measures gas, the real tx gets its own limit. */
  static final long GAS_LIMIT = 1_000_000_000_000L;

  private static final String PREFIX = "cosmos";
  private static final String AUTHORITY = AccAddress.module("gov").toBech32(PREFIX);

  private final String id;
  private final WasmEngine engine;
  private final Function<Bytes, Bytes> codeSource;
  private final ClientKeeper clientKeeper = new ClientKeeper(UpgradeKeeper.NONE);
  private final WasmKeeper keeper;
  private final WasmMsgServer msgServer;
  private final KvStore wasmStore = new MemKvStore();
  private final Set<Bytes> stored = new HashSet<>();

  public WasmUpdateExecutor(String id, WasmEngine engine, Function<Bytes, Bytes> codeSource) {
    this.id = Objects.requireNonNull(id, "id");
    this.engine = Objects.requireNonNull(engine, "engine");
    this.codeSource = Objects.requireNonNull(codeSource, "codeSource");
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    this.keeper =
        new WasmKeeper(
            codec, clientKeeper, AUTHORITY, engine, QueryRouter.EMPTY, WasmConfig.defaults());
    clientKeeper.addRoute(
        WasmTypes.MODULE_NAME, new WasmLightClientModule(keeper, clientKeeper.storeProvider()));
    this.msgServer = new WasmMsgServer(keeper, PREFIX);
  }

  /** An executor on a Chicory engine of its own in {@code mode}. */
  public static WasmUpdateExecutor chicory(ExecutionMode mode, Function<Bytes, Bytes> codeSource) {
    return new WasmUpdateExecutor(
        "local-" + mode.name().toLowerCase(java.util.Locale.ROOT),
        ChicoryWasmEngine.builder().executionMode(mode).build(),
        codeSource);
  }

  @Override
  public String id() {
    return id;
  }

  @Override
  public synchronized ExecutionResult execute(UpdateRequest request) {
    ensureCode(request.checksum(), request.block());
    KvStore ibc = new MemKvStore();
    BlockContext setup = context(ibc, request.block(), new InfiniteGasMeter(), new EventManager());
    clientKeeper.setParams(setup, ClientParams.DEFAULT);
    KvStore clientStore = clientKeeper.clientStore(setup, request.clientId());
    for (KvPair kv : request.clientStore()) {
      clientStore.set(kv.key(), kv.value());
    }
    RecordingKvStore recorder = new RecordingKvStore(ibc);
    BasicGasMeter gas = new BasicGasMeter(GAS_LIMIT);
    EventManager events = new EventManager();
    BlockContext ctx = context(recorder, request.block(), gas, events);
    try {
      // one tx: all messages on one branch, written only if every one succeeds
      ctx.atomically(
          c -> {
            for (Bytes m : request.clientMessages()) {
              clientKeeper.updateClient(c, request.clientId(), WasmClientMessage.unmarshal(m));
            }
            return null;
          });
    } catch (Wasm08Exception e) {
      return ExecutionResult.failure(
          e.codespace() + "/" + e.code() + ": " + e.getMessage(), gas.gasConsumed());
    }
    return new ExecutionResult(true, encode(events.events()), gas.gasConsumed(), recorder.writes());
  }

  /**
   * A snapshot of a client's store as the destination holds it after creation, rebuilt from the
   * destination's client state and the consensus state at its latest height: the contract's own
   * instantiate writes its metadata, then both states are set to the destination's exact bytes
   * ({@code Any}s, as 02-client stores them). What an update reads from a Tendermint-style client
   * (the client state and the trusted consensus state) is then exactly the destination's.
   */
  public synchronized List<KvPair> seed(
      String clientId,
      com.google.protobuf.Any clientState,
      com.google.protobuf.Any consensusState,
      io.wasm08.core.client.Height height,
      BlockInfo block) {
    io.wasm08.wasm.types.WasmClientState cs =
        io.wasm08.wasm.types.WasmClientState.unmarshal(
            Bytes.wrapOwned(clientState.getValue().toByteArray()));
    ensureCode(cs.checksum(), block);
    KvStore ibc = new MemKvStore();
    BlockContext ctx = context(ibc, block, new InfiniteGasMeter(), new EventManager());
    clientKeeper.setParams(ctx, ClientParams.DEFAULT);
    try {
      keeper
          .clientKeeper()
          .router()
          .getRoute(WasmTypes.MODULE_NAME)
          .orElseThrow()
          .initialize(
              ctx,
              clientId,
              cs.marshal(),
              Bytes.wrapOwned(consensusState.getValue().toByteArray()));
    } catch (Wasm08Exception e) {
      throw RelayerErrorCode.EXECUTOR_FAILED.wrap(
          id + ": cannot rebuild the store of " + clientId + ": " + e.getMessage(), e);
    }
    KvStore clientStore = clientKeeper.clientStore(ctx, clientId);
    clientStore.set(
        io.wasm08.core.host.ClientKeys.clientStateKey(),
        Bytes.wrapOwned(clientState.toByteArray()));
    clientStore.set(
        io.wasm08.core.host.ClientKeys.consensusStateKey(height),
        Bytes.wrapOwned(consensusState.toByteArray()));
    List<KvPair> pairs = new java.util.ArrayList<>();
    try (io.wasm08.store.KvIterator it = clientStore.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        pairs.add(new KvPair(it.key(), it.value()));
      }
    }
    return pairs;
  }

  private BlockContext context(
      KvStore ibc, BlockInfo block, io.wasm08.store.GasMeter meter, EventManager events) {
    return BlockContext.builder()
        .block(block)
        .stores(StoreSets.of(Map.of(ClientKeeper.STORE_KEY, ibc, WasmTypes.STORE_KEY, wasmStore)))
        .gasMeter(meter)
        .eventManager(events)
        .build();
  }

  private void ensureCode(Bytes checksum, BlockInfo block) {
    if (stored.contains(checksum)) {
      return;
    }
    Bytes code = codeSource.apply(checksum);
    BlockContext ctx = context(new MemKvStore(), block, new InfiniteGasMeter(), new EventManager());
    Bytes got;
    try {
      got =
          Bytes.wrapOwned(
              msgServer
                  .storeCode(
                      ctx,
                      MsgStoreCode.newBuilder()
                          .setSigner(AUTHORITY)
                          .setWasmByteCode(ByteString.copyFrom(code.asReadOnlyByteBuffer()))
                          .build())
                  .getChecksum()
                  .toByteArray());
    } catch (Wasm08Exception e) {
      throw RelayerErrorCode.EXECUTOR_FAILED.wrap(
          id + ": cannot load code " + checksum.toHex() + ": " + e.getMessage(), e);
    }
    if (!got.equals(checksum)) {
      throw RelayerErrorCode.EXECUTOR_FAILED.wrap(
          id + ": the code fetched for " + checksum.toHex() + " hashes to " + got.toHex());
    }
    stored.add(checksum);
  }

  /**
   * The emitted events, one line per event: {@code type key=value …} (the update's observable
   * result).
   */
  static Bytes encode(List<Event> events) {
    StringBuilder sb = new StringBuilder();
    for (Event e : events) {
      sb.append(e.type());
      for (EventAttribute a : e.attributes()) {
        sb.append(' ').append(a.key()).append('=').append(a.value());
      }
      sb.append('\n');
    }
    return Bytes.ofUtf8(sb.toString());
  }

  @Override
  public void close() {
    engine.close();
  }
}
