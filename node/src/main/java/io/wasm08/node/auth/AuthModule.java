package io.wasm08.node.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.Auth.ModuleAccount;
import cosmos.auth.v1beta1.Genesis.GenesisState;
import io.grpc.BindableService;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.BlockContext;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.app.NodeModule;
import io.wasm08.store.KvStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * x/auth as a node module: the {@code "acc"} store, genesis accounts and params, the account Query
 * service. Genesis as upstream: accounts sorted by account number, each given a fresh number in
 * that order ({@code NewAccount}), then the module accounts the chain needs.
 */
public final class AuthModule implements NodeModule {
  static final JsonFormat.TypeRegistry TYPES =
      JsonFormat.TypeRegistry.newBuilder()
          .add(BaseAccount.getDescriptor())
          .add(ModuleAccount.getDescriptor())
          .build();

  private final AuthKeeper keeper;
  private final List<ModuleAccountSpec> moduleAccounts;

  /** A module account to create at genesis: name and permissions. */
  public record ModuleAccountSpec(String name, List<String> permissions) {}

  public AuthModule(AuthKeeper keeper, List<ModuleAccountSpec> moduleAccounts) {
    this.keeper = keeper;
    this.moduleAccounts = List.copyOf(moduleAccounts);
  }

  public AuthKeeper keeper() {
    return keeper;
  }

  @Override
  public String name() {
    return "auth";
  }

  @Override
  public List<String> storeKeys() {
    return List.of(AuthKeeper.STORE_KEY);
  }

  @Override
  public void registerTypes(AnyCodec.Builder codec) {
    codec.registerInterface(SdkInterfaces.PUB_KEY);
    codec.registerMessage(
        SdkInterfaces.PUB_KEY, cosmos.crypto.secp256k1.Keys.PubKey.getDefaultInstance());
    codec.describe(BaseAccount.getDescriptor());
    codec.describe(ModuleAccount.getDescriptor());
  }

  @Override
  public List<BindableService> queryServices(Supplier<BlockContext> queryContext) {
    return List.of(new AuthQueryService(keeper, queryContext));
  }

  /** A genesis section with these base accounts (numbers assigned in order) and default params. */
  public static JsonNode genesis(List<String> addresses) {
    GenesisState.Builder state = GenesisState.newBuilder().setParams(AuthKeeper.DEFAULT_PARAMS);
    long n = 0;
    for (String address : addresses) {
      state.addAccounts(
          AnyCodec.pack(
              BaseAccount.newBuilder().setAddress(address).setAccountNumber(n++).build()));
    }
    return toJson(state.build());
  }

  @Override
  public java.util.Map<String, JsonNode> defaultGenesis() {
    return java.util.Map.of(name(), genesis(List.of()));
  }

  @Override
  public void initGenesis(
      BlockContext ctx, com.fasterxml.jackson.databind.node.ObjectNode appState) {
    GenesisState state =
        Optional.ofNullable(appState.get(name()))
            .map(AuthModule::parse)
            .orElse(GenesisState.getDefaultInstance());
    KvStore store = ctx.stores().kvStore(AuthKeeper.STORE_KEY);
    keeper.setParams(store, state.hasParams() ? state.getParams() : AuthKeeper.DEFAULT_PARAMS);
    List<BaseAccount> accounts = new ArrayList<>();
    for (Any any : state.getAccountsList()) {
      try {
        if (any.getTypeUrl().equals(AnyCodec.typeUrl(BaseAccount.getDescriptor()))) {
          accounts.add(BaseAccount.parseFrom(any.getValue()));
        } else {
          throw NodeErrorCode.INVALID_CONFIG.wrap(
              "auth genesis: unsupported account type " + any.getTypeUrl());
        }
      } catch (InvalidProtocolBufferException e) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("auth genesis: " + e.getMessage());
      }
    }
    accounts.sort(Comparator.comparingLong(BaseAccount::getAccountNumber));
    for (BaseAccount a : accounts) {
      Bytes address = keeper.addressCodec().stringToBytes(a.getAddress());
      if (keeper.hasAccount(store, address)) {
        throw NodeErrorCode.INVALID_CONFIG.wrap(
            "auth genesis: duplicate account " + a.getAddress());
      }
      Account created = keeper.createAccount(store, address);
      if (a.getSequence() != 0) {
        keeper.setAccount(store, created.withSequence(a.getSequence()));
      }
    }
    keeper.moduleAccount(store, AuthKeeper.FEE_COLLECTOR, List.of());
    for (ModuleAccountSpec spec : moduleAccounts) {
      keeper.moduleAccount(store, spec.name(), spec.permissions());
    }
  }

  static GenesisState parse(JsonNode json) {
    GenesisState.Builder b = GenesisState.newBuilder();
    try {
      JsonFormat.parser().usingTypeRegistry(TYPES).merge(json.toString(), b);
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("auth genesis: " + e.getMessage());
    }
    return b.build();
  }

  static JsonNode toJson(com.google.protobuf.Message m) {
    try {
      return new ObjectMapper()
          .readTree(
              JsonFormat.printer().usingTypeRegistry(TYPES).preservingProtoFieldNames().print(m));
    } catch (InvalidProtocolBufferException
        | com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
