package io.wasm08.node.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import ibc.lightclients.wasm.v1.GenesisState;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.grpc.BindableService;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.node.app.ModuleEnv;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.metrics.MeteredWasmEngine;
import io.wasm08.node.metrics.NodeMetrics;
import io.wasm08.wasm.WasmLightClientModule;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.keeper.WasmKeeper;
import io.wasm08.wasm.keeper.WasmMsgServer;
import io.wasm08.wasm.keeper.WasmQueryServer;
import io.wasm08.wasm.keeper.WasmQueryService;
import io.wasm08.wasm.querier.QueryRouter;
import io.wasm08.wasm.types.WasmGenesis;
import io.wasm08.wasm.types.WasmMsgs;
import io.wasm08.wasm.types.WasmTypes;
import io.wasm08.wasm.vm.WasmEngine;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * 08-wasm as a node module: the {@code "08-wasm"} store, the Chicory engine (code under {@code
 * data/ibc_08-wasm_client_data}, metered into {@code /metrics}), the keeper with the gov module
 * account as authority, {@code 08-wasm} routed in ICS-02, the Msgs, the Query service, genesis, and
 * {@code InitializePinnedCodes} when the node starts. Stargate queries from contracts have no
 * routes (the accept list is empty, as ibc-go's default).
 */
public final class WasmNodeModule implements NodeModule {
  /**
   * ibc-go's default VM directory name ({@code DefaultWasmConfig}), here under the node's data dir.
   */
  public static final String VM_DATA_DIR = "ibc_08-wasm_client_data";

  private final IbcClientModule clients;
  private final String authority;
  private final Optional<Path> dataDir;
  private final NodeMetrics metrics;
  private WasmEngine engine;
  private WasmKeeper keeper;
  private String bech32Prefix;

  public WasmNodeModule(
      IbcClientModule clients, String authority, Optional<Path> dataDir, NodeMetrics metrics) {
    this.clients = clients;
    this.authority = authority;
    this.dataDir = dataDir;
    this.metrics = metrics;
  }

  public WasmKeeper keeper() {
    return keeper;
  }

  @Override
  public String name() {
    return WasmTypes.MODULE_NAME;
  }

  @Override
  public List<String> storeKeys() {
    return List.of(WasmTypes.STORE_KEY);
  }

  @Override
  public void registerTypes(AnyCodec.Builder codec) {
    WasmTypes.registerInterfaces(codec);
  }

  @Override
  public void init(ModuleEnv env) {
    bech32Prefix = env.addressCodec().bech32Prefix();
    ChicoryWasmEngine.Builder builder = ChicoryWasmEngine.builder();
    dataDir.ifPresent(d -> builder.baseDir(d.resolve(VM_DATA_DIR)));
    engine = new MeteredWasmEngine(builder.build(), metrics);
    keeper =
        new WasmKeeper(
            env.anyCodec(),
            clients.keeper(),
            authority,
            engine,
            QueryRouter.EMPTY,
            WasmConfig.defaults());
    clients.addLightClient(
        ClientTypes.WASM, new WasmLightClientModule(keeper, clients.keeper().storeProvider()));
  }

  @Override
  public List<MsgRoute<?>> msgRoutes() {
    return new WasmMsgServer(keeper, bech32Prefix).routes();
  }

  @Override
  public void validateBasic(Message msg) {
    switch (msg) {
      case MsgStoreCode m -> WasmMsgs.validateBasic(m, bech32Prefix);
      case MsgRemoveChecksum m -> WasmMsgs.validateBasic(m, bech32Prefix);
      case MsgMigrateContract m -> WasmMsgs.validateBasic(m, bech32Prefix);
      default -> {}
    }
  }

  @Override
  public List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return List.of(new WasmQueryService(new WasmQueryServer(keeper), queryContext));
  }

  @Override
  public List<Descriptor> jsonTypes() {
    return List.of(
        ibc.lightclients.wasm.v1.ClientState.getDescriptor(),
        ibc.lightclients.wasm.v1.ConsensusState.getDescriptor(),
        ibc.lightclients.wasm.v1.ClientMessage.getDescriptor());
  }

  @Override
  public Map<String, JsonNode> defaultGenesis() {
    return Map.of(
        name(),
        ProtoJson.toJson(
            WasmGenesis.defaultGenesis(), JsonFormat.TypeRegistry.getEmptyTypeRegistry()));
  }

  @Override
  public void initGenesis(BlockContext ctx, ObjectNode appState) {
    GenesisState state =
        Optional.ofNullable(appState.get(name()))
            .map(
                j ->
                    ProtoJson.merge(
                            name(),
                            j,
                            GenesisState.newBuilder(),
                            JsonFormat.TypeRegistry.getEmptyTypeRegistry())
                        .build())
            .orElse(WasmGenesis.defaultGenesis());
    WasmGenesis.validate(state);
    keeper.initGenesis(ctx, state);
  }

  /** {@code InitializePinnedCodes}: the VM keeps no pins across restarts. */
  @Override
  public void start(BlockContext ctx) {
    keeper.initializePinnedCodes(ctx);
  }

  @Override
  public void close() {
    if (engine != null) {
      engine.close();
    }
  }
}
