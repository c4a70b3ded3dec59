package io.wasm08.client;

import com.google.protobuf.Any;
import ibc.core.client.v1.Tx.MsgCreateClient;
import io.wasm08.client.genesis.ClientGenesis;
import io.wasm08.client.msg.ClientMsgServer;
import io.wasm08.client.msg.ClientMsgs;
import io.wasm08.client.query.ClientQueryServer;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreSets;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.events.EventManager;
import io.wasm08.store.GasMeter;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.KvIterator;
import io.wasm08.store.MemKvStore;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * A chain for keeper tests: an in-memory IBC store with 02-client genesis applied, the keeper with
 * a {@link FakeLightClient} routed as {@code 07-tendermint}, and the Msg/Query servers. Every
 * {@link #ctx()} is a fresh context over the same store with its own event manager.
 */
public final class TestChain {
  public static final String CHAIN_ID = "testchain-1";
  public static final String PREFIX = "cosmos";
  public static final String AUTHORITY = AccAddress.module("gov").toBech32(PREFIX);
  public static final String RELAYER =
      AccAddress.of(Bytes.fromHex("00112233445566778899aabbccddeeff00112233")).toBech32(PREFIX);
  public static final long TIMESTAMP = 1_700_000_000_000_000_000L;

  final MemKvStore ibcStore = new MemKvStore();
  final AnyCodec codec = FakeTypes.codec();
  final FakeUpgradeKeeper upgradeKeeper = new FakeUpgradeKeeper();
  final ClientKeeper keeper = new ClientKeeper(upgradeKeeper);
  final FakeLightClient fake = new FakeLightClient(keeper.storeProvider());
  final ClientMsgs msgs = new ClientMsgs(codec, PREFIX);
  final ClientMsgServer msgServer = new ClientMsgServer(keeper, msgs, AUTHORITY, PREFIX);
  final ClientQueryServer queryServer = new ClientQueryServer(keeper, PREFIX);
  final ClientGenesis genesis = new ClientGenesis(keeper, codec);
  long blockHeight = 12;
  Instant blockTime = Instant.ofEpochSecond(1_700_000_100L);
  String consensusAuthority;

  public TestChain() {
    keeper.addRoute(FakeTypes.CLIENT_TYPE, fake);
    genesis.initGenesis(ctx(), ClientGenesis.defaultGenesis());
  }

  public BlockContext ctx() {
    return ctx(new InfiniteGasMeter());
  }

  public BlockContext ctx(GasMeter gasMeter) {
    return BlockContext.builder()
        .block(new BlockInfo(blockHeight, blockTime, CHAIN_ID))
        .stores(StoreSets.of(Map.of(ClientKeeper.STORE_KEY, ibcStore)))
        .gasMeter(gasMeter)
        .eventManager(new EventManager())
        .consensusAuthority(consensusAuthority)
        .build();
  }

  /** A fake client state and consensus state as the Anys a MsgCreateClient carries. */
  public static Any clientStateAny(Height latest) {
    return AnyCodec.pack(FakeTypes.clientState(CHAIN_ID, latest));
  }

  public static Any consensusStateAny(String root) {
    return AnyCodec.pack(FakeTypes.consensusState(TIMESTAMP, root));
  }

  /** Creates a fake client at {@code latest} through the keeper; returns its id. */
  public String createClient(Height latest) {
    return keeper.createClient(
        ctx(),
        FakeTypes.CLIENT_TYPE,
        Bytes.of(FakeTypes.clientState(CHAIN_ID, latest).toByteArray()),
        Bytes.of(FakeTypes.consensusState(TIMESTAMP, "root").toByteArray()));
  }

  public MsgCreateClient msgCreateClient(Height latest) {
    return MsgCreateClient.newBuilder()
        .setClientState(clientStateAny(latest))
        .setConsensusState(consensusStateAny("root"))
        .setSigner(RELAYER)
        .build();
  }

  /** Every key/value of the IBC store, for before/after comparisons. */
  public Map<Bytes, Bytes> snapshot() {
    Map<Bytes, Bytes> all = new TreeMap<>();
    try (KvIterator it = ibcStore.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        all.put(it.key(), it.value());
      }
    }
    return all;
  }

  public ClientKeeper keeper() {
    return keeper;
  }

  public ClientMsgServer msgServer() {
    return msgServer;
  }

  public ClientQueryServer queryServer() {
    return queryServer;
  }

  public ClientGenesis genesis() {
    return genesis;
  }

  public ClientMsgs msgs() {
    return msgs;
  }

  public FakeLightClient fake() {
    return fake;
  }

  public FakeUpgradeKeeper upgradeKeeper() {
    return upgradeKeeper;
  }

  public AnyCodec codec() {
    return codec;
  }

  public MemKvStore ibcStore() {
    return ibcStore;
  }

  /** Sets the consensus-params authority of the contexts handed out from now on. */
  public void setConsensusAuthority(String authority) {
    consensusAuthority = authority;
  }

  /**
   * ibc-go's recovery setup: subject 07-tendermint-0 frozen at 1-5, substitute 07-tendermint-1
   * updated twice to 1-7.
   */
  public static TestChain recoverySetup() {
    TestChain chain = new TestChain();
    chain.createClient(Height.of(1, 5));
    chain.createClient(Height.of(1, 5));
    chain.keeper.updateClient(
        chain.ctx(), "07-tendermint-1", FakeTypes.header(Height.of(1, 6), 3L, "r6"));
    chain.keeper.updateClient(
        chain.ctx(), "07-tendermint-1", FakeTypes.header(Height.of(1, 7), 4L, "r7"));
    ClientKeeperTest.setFakeClient(chain, "07-tendermint-0", b -> b.setFrozen(true));
    return chain;
  }
}
