package io.wasm08.node.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import ibc.core.client.v1.Genesis.GenesisState;
import ibc.core.client.v1.Tx;
import io.grpc.BindableService;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.LightClientModule;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.client.genesis.ClientGenesis;
import io.wasm08.client.msg.ClientMsgServer;
import io.wasm08.client.msg.ClientMsgs;
import io.wasm08.client.query.ClientQueryServer;
import io.wasm08.client.query.ClientQueryService;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.node.app.ModuleEnv;
import io.wasm08.node.app.NodeModule;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * ICS-02 ({@code client-02}) as a node module: the {@code "ibc"} store, the ibc.core.client.v1 Msgs
 * (authority-gated ones checked against {@code authority}, normally the gov module account), the
 * Query service and genesis. Light-client modules are added with {@link #addLightClient}.
 */
public final class IbcClientModule implements NodeModule {
  private final ClientKeeper keeper;
  private final String authority;
  private final List<Descriptor> stateTypes = new ArrayList<>();
  private final List<java.util.function.Consumer<AnyCodec.Builder>> typeRegistrations =
      new ArrayList<>();
  private ClientMsgs msgs;
  private ClientMsgServer server;
  private ClientGenesis genesis;
  private String bech32Prefix;

  public IbcClientModule(String authority) {
    this.keeper = new ClientKeeper(UpgradeKeeper.NONE);
    this.authority = authority;
  }

  public ClientKeeper keeper() {
    return keeper;
  }

  /** Routes {@code clientType} (e.g. {@code 08-wasm}) to a light-client module. */
  public IbcClientModule addLightClient(String clientType, LightClientModule module) {
    keeper.addRoute(clientType, module);
    return this;
  }

  /** Registers a light client's state and message types in the node's Any registry. */
  public IbcClientModule registerLightClientTypes(
      java.util.function.Consumer<AnyCodec.Builder> registration) {
    typeRegistrations.add(registration);
    return this;
  }

  /** Client/consensus state and header types that appear in Anys (for JSON). */
  public IbcClientModule describe(Descriptor... types) {
    stateTypes.addAll(List.of(types));
    return this;
  }

  @Override
  public String name() {
    return "ibc";
  }

  @Override
  public List<String> storeKeys() {
    return List.of(ClientKeeper.STORE_KEY);
  }

  static final List<Message> MSGS =
      List.of(
          Tx.MsgCreateClient.getDefaultInstance(),
          Tx.MsgUpdateClient.getDefaultInstance(),
          Tx.MsgUpgradeClient.getDefaultInstance(),
          Tx.MsgRecoverClient.getDefaultInstance(),
          Tx.MsgIBCSoftwareUpgrade.getDefaultInstance(),
          Tx.MsgUpdateParams.getDefaultInstance(),
          Tx.MsgDeleteClientCreator.getDefaultInstance());

  @Override
  public void registerTypes(AnyCodec.Builder codec) {
    MSGS.forEach(m -> codec.registerMessage(SdkInterfaces.MSG, m));
    typeRegistrations.forEach(r -> r.accept(codec));
  }

  @Override
  public void init(ModuleEnv env) {
    bech32Prefix = env.addressCodec().bech32Prefix();
    msgs = new ClientMsgs(env.anyCodec(), bech32Prefix);
    server = new ClientMsgServer(keeper, msgs, authority, bech32Prefix);
    genesis = new ClientGenesis(keeper, env.anyCodec());
  }

  @Override
  public List<MsgRoute<?>> msgRoutes() {
    return server.routes();
  }

  @Override
  public void validateBasic(Message msg) {
    msgs.validateBasic(msg);
  }

  @Override
  public List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return List.of(
        new ClientQueryService(new ClientQueryServer(keeper, bech32Prefix), queryContext));
  }

  @Override
  public List<Descriptor> jsonTypes() {
    return stateTypes;
  }

  JsonFormat.TypeRegistry types() {
    JsonFormat.TypeRegistry.Builder b = JsonFormat.TypeRegistry.newBuilder();
    stateTypes.forEach(b::add);
    return b.build();
  }

  @Override
  public java.util.Map<String, JsonNode> defaultGenesis() {
    return java.util.Map.of(name(), ProtoJson.toJson(ClientGenesis.defaultGenesis(), types()));
  }

  @Override
  public void initGenesis(
      BlockContext ctx, com.fasterxml.jackson.databind.node.ObjectNode appState) {
    GenesisState state =
        Optional.ofNullable(appState.get(name()))
            .map(j -> ProtoJson.merge("ibc", j, GenesisState.newBuilder(), types()).build())
            .orElse(ClientGenesis.defaultGenesis());
    genesis.validate(state);
    genesis.initGenesis(ctx, state);
  }
}
