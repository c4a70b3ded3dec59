package io.wasm08.gov.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Message;
import cosmos.bank.v1beta1.Genesis.Balance;
import cosmos.bank.v1beta1.Tx.MsgSend;
import cosmos.base.v1beta1.CoinOuterClass;
import cosmos.gov.v1.Genesis.GenesisState;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Tx.MsgDeposit;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import cosmos.gov.v1.Tx.MsgSubmitProposalResponse;
import cosmos.gov.v1.Tx.MsgVote;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.context.Authority;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.GasMetering;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventManager;
import io.wasm08.core.msg.MsgRoute;
import io.wasm08.gov.GovConfig;
import io.wasm08.gov.GovGenesis;
import io.wasm08.gov.GovHooks;
import io.wasm08.gov.GovKeeper;
import io.wasm08.gov.GovModule;
import io.wasm08.gov.GovMsgServer;
import io.wasm08.gov.bank.BankKeeper;
import io.wasm08.gov.bank.BankKeys;
import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.keeper.GovKeys;
import io.wasm08.gov.types.GovParams;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.MemKvStore;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import wasm08.gov.v1.ElectorateOuterClass.Electorate;
import wasm08.gov.v1.ElectorateOuterClass.Voter;
import wasm08.testing.gov.v1.ProbeProto.MsgProbe;
import wasm08.testing.gov.v1.ProbeProto.MsgTwoSigners;

/**
 * A governance chain for tests: gov, bank and a probe store in memory, the gov Msg server, bank
 * sends and a probe Msg on a router, genesis with an electorate, and blocks whose time the test
 * advances. Messages are delivered as a tx would deliver them: through the router, atomically.
 */
public final class GovTestChain {
  public static final String PREFIX = "cosmos";
  public static final String DENOM = "stake";
  public static final String PROBE_STORE = "probe";

  /** The gov module account of the reference: sha256("gov")[:20] under "cosmos". */
  public static final String GOV = "cosmos10d07y265gmmuvt4z0w9aw880jnsr700j6zn9kn";

  public static final Instant GENESIS_TIME = Instant.parse("2026-01-01T00:00:00Z");

  public final AddressCodec addressCodec = new AddressCodec(PREFIX);
  public final AnyCodec codec;
  public final TestRouter router = new TestRouter();
  public final BankKeeper bank;
  public final GovKeeper keeper;
  public final GovMsgServer msgServer;
  public final GovModule module;
  public final Map<String, MemKvStore> stores = new TreeMap<>();
  public final InfiniteGasMeter gas = new InfiniteGasMeter();
  private BlockInfo block = new BlockInfo(1, GENESIS_TIME, "gov-test");
  private String consensusAuthority;

  /** Sets the consensus-params authority of the following blocks (null: none). */
  public void consensusAuthority(String authority) {
    this.consensusAuthority = authority;
  }

  private GovTestChain(GovHooks hooks) {
    stores.put(GovKeys.STORE_KEY, new MemKvStore());
    stores.put(BankKeys.STORE_KEY, new MemKvStore());
    stores.put(PROBE_STORE, new MemKvStore());
    AnyCodec.Builder b = GovModule.registerTypes(AnyCodec.builder());
    b.registerMessage(SdkInterfaces.MSG, MsgProbe.getDefaultInstance());
    b.registerMessage(SdkInterfaces.MSG, MsgTwoSigners.getDefaultInstance());
    codec = b.build();
    module = GovModule.create(PREFIX, GovConfig.DEFAULT, codec, router, List.of(), GOV, hooks);
    bank = module.bank();
    keeper = module.keeper();
    msgServer = module.msgServer();
    module.routes().forEach(router::register);
    router.register(
        MsgRoute.of(MsgProbe.getDefaultInstance(), GovTestChain::probe),
        GovTestChain::validateProbe);
  }

  /** The probe's ValidateBasic: a key is required. */
  private static void validateProbe(MsgProbe msg) {
    if (msg.getKey().isEmpty()) {
      throw io.wasm08.core.errors.SdkErrorCode.INVALID_REQUEST.wrap("key must not be empty");
    }
  }

  /**
   * The probe handler: authority-gated as ibc-go v11 gates its messages ({@code ValidateAuthority}:
   * the consensus-params authority, when set, takes precedence over the gov account); writes
   * key=value, then fails or "panics" when asked to.
   */
  private static Message probe(BlockContext ctx, MsgProbe msg) {
    Authority.validate(ctx, GOV, msg.getAuthority());
    ctx.kvStore(PROBE_STORE).set(Bytes.ofUtf8(msg.getKey()), Bytes.ofUtf8(msg.getValue()));
    ctx.eventManager().emit(Event.of("probe", "key", msg.getKey()));
    if (msg.getFail()) {
      throw io.wasm08.core.errors.SdkErrorCode.INVALID_REQUEST.wrap("probe asked to fail");
    }
    if (msg.getPanic()) {
      throw new IllegalStateException("probe panicked");
    }
    return msg;
  }

  /** A deterministic test account: sha256(name)[:20] in bech32. */
  public static String account(String name) {
    return AccAddress.module("test/" + name).toBech32(PREFIX);
  }

  public Bytes bytes(String bech32) {
    return addressCodec.stringToBytes(bech32);
  }

  /** Builds a chain: an electorate, balances and params (defaults with {@link #DENOM}). */
  public static Builder builder() {
    return new Builder();
  }

  public static final class Builder {
    private final Map<String, Long> electorate = new LinkedHashMap<>();
    private final Map<String, Long> balances = new LinkedHashMap<>();
    private UnaryOperator<Params.Builder> params = p -> p;
    private GovHooks hooks = GovHooks.NONE;
    private boolean genesis = true;

    /** Empty stores: the test runs genesis itself. */
    public Builder withoutGenesis() {
      this.genesis = false;
      return this;
    }

    public Builder voter(String address, long power) {
      electorate.put(address, power);
      return this;
    }

    public Builder balance(String address, long amount) {
      balances.put(address, amount);
      return this;
    }

    public Builder params(UnaryOperator<Params.Builder> change) {
      this.params = change;
      return this;
    }

    public Builder hooks(GovHooks hooks) {
      this.hooks = hooks;
      return this;
    }

    public GovTestChain build() {
      GovTestChain chain = new GovTestChain(hooks);
      if (!genesis) {
        return chain;
      }
      var bankGenesis = cosmos.bank.v1beta1.Genesis.GenesisState.newBuilder();
      bankGenesis.getParamsBuilder().setDefaultSendEnabled(true);
      balances.entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(
              e ->
                  bankGenesis.addBalances(
                      Balance.newBuilder()
                          .setAddress(e.getKey())
                          .addCoins(Coin.of(DENOM, e.getValue()).toProto())));
      GenesisState govGenesis =
          GovGenesis.defaultGenesis(DENOM).toBuilder()
              .setParams(params.apply(GovParams.defaults(DENOM).toBuilder()).build())
              .build();
      Electorate.Builder el = Electorate.newBuilder();
      electorate.forEach(
          (a, p) -> el.addVoters(Voter.newBuilder().setAddress(a).setPower(Long.toString(p))));
      chain.initGenesis(bankGenesis.build(), govGenesis, el.build());
      return chain;
    }
  }

  public void initGenesis(
      cosmos.bank.v1beta1.Genesis.GenesisState bankGenesis,
      GenesisState govGenesis,
      Electorate electorate) {
    module.initGenesis(ctx(), new GovModule.Genesis(bankGenesis, govGenesis, electorate));
  }

  // --- blocks ----------------------------------------------------------------------------------

  /**
   * A context for the current block over the chain's stores. Store access is not metered, so the
   * gas meter shows exactly what the modules charge explicitly.
   */
  public BlockContext ctx() {
    return BlockContext.builder()
        .block(block)
        .stores(StoreSets.of(stores))
        .gasMeter(gas)
        .gasMetering(GasMetering.NONE)
        .eventManager(new EventManager())
        .consensusAuthority(consensusAuthority)
        .build();
  }

  public BlockInfo block() {
    return block;
  }

  /** The next block, {@code d} later. */
  public void advance(Duration d) {
    block = new BlockInfo(block.height() + 1, block.time().plus(d), block.chainId());
  }

  /** Runs the EndBlocker; returns its events. */
  public List<Event> endBlock() {
    BlockContext ctx = ctx();
    module.endBlock(ctx);
    return ctx.eventManager().events();
  }

  /** Advances by {@code d} and runs the EndBlocker. */
  public List<Event> advanceAndEndBlock(Duration d) {
    advance(d);
    return endBlock();
  }

  /** Delivers a message as a tx does (through the router, atomically); returns its events. */
  public Delivered deliver(Message msg) {
    BlockContext ctx = ctx();
    MsgRoute<?> route =
        router
            .route(AnyCodec.typeUrl(msg))
            .orElseThrow(() -> new IllegalStateException("no route for " + AnyCodec.typeUrl(msg)));
    Message response =
        ctx.atomically(
            c -> {
              router.validateBasic(msg);
              return route.handle(c, AnyCodec.pack(msg));
            });
    return new Delivered(response, ctx.eventManager().events());
  }

  public record Delivered(Message response, List<Event> events) {}

  /**
   * Delivers {@code msg} expecting it to fail with {@code code} and {@code message}; asserts that
   * the failure changed no store and emitted nothing.
   */
  public void assertRefused(Message msg, ErrorCode code, String message) {
    Map<String, TreeMap<Bytes, Bytes>> before = snapshot();
    assertThatThrownBy(() -> deliver(msg))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(message)
        .satisfies(e -> assertThat(((Wasm08Exception) e).errorCode()).isEqualTo(code));
    assertThat(snapshot()).isEqualTo(before);
  }

  // --- message builders ------------------------------------------------------------------------

  public static CoinOuterClass.Coin coin(long amount) {
    return Coin.of(DENOM, amount).toProto();
  }

  public static MsgSubmitProposal.Builder proposal(String proposer, long deposit, Message... msgs) {
    MsgSubmitProposal.Builder b =
        MsgSubmitProposal.newBuilder()
            .setProposer(proposer)
            .setTitle("title")
            .setSummary("summary");
    if (deposit > 0) {
      b.addInitialDeposit(coin(deposit));
    }
    for (Message m : msgs) {
      b.addMessages(AnyCodec.pack(m));
    }
    return b;
  }

  /** Submits and returns the new proposal's id. */
  public long submit(MsgSubmitProposal msg) {
    return ((MsgSubmitProposalResponse) deliver(msg).response()).getProposalId();
  }

  public void vote(long id, String voter, VoteOption option) {
    deliver(MsgVote.newBuilder().setProposalId(id).setVoter(voter).setOption(option).build());
  }

  public void deposit(long id, String depositor, long amount) {
    deliver(
        MsgDeposit.newBuilder()
            .setProposalId(id)
            .setDepositor(depositor)
            .addAmount(coin(amount))
            .build());
  }

  public static MsgSend send(String from, String to, long amount) {
    return MsgSend.newBuilder()
        .setFromAddress(from)
        .setToAddress(to)
        .addAmount(coin(amount))
        .build();
  }

  public static MsgProbe probe(String key, String value, boolean fail) {
    return MsgProbe.newBuilder()
        .setAuthority(GOV)
        .setKey(key)
        .setValue(value)
        .setFail(fail)
        .build();
  }

  // --- state -----------------------------------------------------------------------------------

  public Proposal proposal(long id) {
    return keeper.store(ctx()).getProposal(id);
  }

  public boolean exists(long id) {
    return keeper.store(ctx()).proposal(id).isPresent();
  }

  public long balance(String address) {
    return bank.getBalance(ctx(), bytes(address), DENOM).amount().value().longValueExact();
  }

  public long supply() {
    return bank.getSupply(ctx(), DENOM).amount().value().longValueExact();
  }

  public Params params() {
    return keeper.getParams(ctx());
  }

  /** Every store's content, for before/after comparisons. */
  public Map<String, TreeMap<Bytes, Bytes>> snapshot() {
    Map<String, TreeMap<Bytes, Bytes>> out = new TreeMap<>();
    stores.forEach(
        (name, store) -> {
          TreeMap<Bytes, Bytes> content = new TreeMap<>();
          try (KvIterator it = store.iterator(null, null)) {
            for (; it.valid(); it.next()) {
              content.put(it.key(), it.value());
            }
          }
          out.put(name, content);
        });
    return out;
  }
}
