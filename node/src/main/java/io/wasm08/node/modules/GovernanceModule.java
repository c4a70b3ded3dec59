package io.wasm08.node.modules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.BindableService;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.gov.GovConfig;
import io.wasm08.gov.GovGenesis;
import io.wasm08.gov.GovHooks;
import io.wasm08.gov.GovModule;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.bank.ModuleAccount;
import io.wasm08.node.app.ModuleEnv;
import io.wasm08.node.app.NodeModule;
import io.wasm08.node.auth.AuthKeeper;
import io.wasm08.node.tx.FeeHandler;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import wasm08.gov.v1.ElectorateOuterClass.Electorate;

/**
 * {@code governance} as a node module: x/gov v1 with its minimal bank and electorate (stores {@code
 * gov} and {@code bank}; genesis sections {@code bank}, {@code gov}, {@code electorate}), the
 * EndBlocker (tallies and executes proposals through the node's router), the gov and bank Query
 * services, and fee payment into the {@code fee_collector} module account.
 */
public final class GovernanceModule implements NodeModule {
  private final String denom;
  private GovModule gov;

  public GovernanceModule(String denom) {
    this.denom = denom;
  }

  public GovModule gov() {
    return gov;
  }

  @Override
  public String name() {
    return "gov";
  }

  @Override
  public List<String> storeKeys() {
    return GovModule.STORE_KEYS;
  }

  @Override
  public void registerTypes(AnyCodec.Builder codec) {
    GovModule.registerTypes(codec);
  }

  @Override
  public void init(ModuleEnv env) {
    String prefix = env.addressCodec().bech32Prefix();
    gov =
        GovModule.create(
            prefix,
            GovConfig.DEFAULT,
            env.anyCodec(),
            env.router(),
            List.of(ModuleAccount.of(AuthKeeper.FEE_COLLECTOR)),
            Wasm08Modules.govAuthority(env.addressCodec()),
            GovHooks.NONE);
  }

  @Override
  public List<MsgRoute<?>> msgRoutes() {
    return gov.routes();
  }

  @Override
  public void validateBasic(Message msg) {
    // Gov's and the bank's Msgs validate in their handlers (SDK v0.50 has no ValidateBasic on
    // them).
  }

  @Override
  public List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return gov.queryServices(queryContext);
  }

  @Override
  public List<Descriptor> jsonTypes() {
    return List.of(
        cosmos.gov.v1.Gov.Proposal.getDescriptor(),
        cosmos.bank.v1beta1.Genesis.GenesisState.getDescriptor(),
        Electorate.getDescriptor());
  }

  static final JsonFormat.TypeRegistry TYPES = JsonFormat.TypeRegistry.getEmptyTypeRegistry();

  @Override
  public Map<String, JsonNode> defaultGenesis() {
    return Map.of(
        "bank",
            ProtoJson.toJson(
                cosmos.bank.v1beta1.Genesis.GenesisState.newBuilder()
                    .setParams(
                        cosmos.bank.v1beta1.Bank.Params.newBuilder().setDefaultSendEnabled(true))
                    .build(),
                TYPES),
        "gov", ProtoJson.toJson(GovGenesis.defaultGenesis(denom), TYPES),
        "electorate", ProtoJson.toJson(Electorate.getDefaultInstance(), TYPES));
  }

  @Override
  public void initGenesis(BlockContext ctx, ObjectNode appState) {
    Map<String, JsonNode> defaults = defaultGenesis();
    JsonNode bank = Optional.ofNullable(appState.get("bank")).orElse(defaults.get("bank"));
    JsonNode govState = Optional.ofNullable(appState.get("gov")).orElse(defaults.get("gov"));
    JsonNode electorate =
        Optional.ofNullable(appState.get("electorate")).orElse(defaults.get("electorate"));
    gov.initGenesis(
        ctx,
        new GovModule.Genesis(
            ProtoJson.merge(
                    "bank", bank, cosmos.bank.v1beta1.Genesis.GenesisState.newBuilder(), TYPES)
                .build(),
            ProtoJson.merge("gov", govState, cosmos.gov.v1.Genesis.GenesisState.newBuilder(), TYPES)
                .build(),
            ProtoJson.merge("electorate", electorate, Electorate.newBuilder(), TYPES).build()));
  }

  @Override
  public void endBlock(BlockContext ctx) {
    gov.endBlock(ctx);
  }

  /**
   * Fees move from the payer to {@code fee_collector} through the bank (insufficient funds fail).
   */
  public FeeHandler fees() {
    return (ctx, payer, fee) -> {
      Coins coins = Coins.fromProto(fee);
      gov.bank()
          .sendCoinsFromAccountToModule(ctx.blockContext(), payer, AuthKeeper.FEE_COLLECTOR, coins);
    };
  }
}
