package io.wasm08.relayer.relay;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.crypto.HdKeys;
import io.wasm08.core.crypto.HdPath;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.relayer.chain.GrpcDestination;
import io.wasm08.relayer.chain.TestDestinationChain;
import io.wasm08.relayer.chain.TxSubmitter;
import io.wasm08.relayer.ibc.TendermintClientState;
import io.wasm08.relayer.ibc.TendermintConsensusState;
import io.wasm08.relayer.light.LightBlockProvider;
import io.wasm08.relayer.light.TrustThreshold;
import io.wasm08.relayer.rpc.CometRpcClient;
import io.wasm08.relayer.rpc.RetryPolicy;
import io.wasm08.relayer.rpc.RpcClientConfig;
import io.wasm08.relayer.rpc.RpcLightBlockProvider;
import io.wasm08.relayer.testchain.TestBlock;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.relayer.testchain.TestChainRpcServer;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.net.http.HttpClient;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Relay test wiring: the real ICS-07 contract ({@code ics07_tendermint_cw}, from the shared
 * fixtures) on a {@link TestDestinationChain}, source {@link TestChain}s served over loopback RPC,
 * the relayer's signer, and a clock that stays a few seconds after the newest source block (so
 * trusting period and clock drift hold on both the relayer and the contract).
 */
final class RelayFixture implements AutoCloseable {
  static final String ICS07 = "fixtures/light-clients/ibc-go/ics07_tendermint_cw.wasm.gz";
  static final String MNEMONIC =
      "abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about";
  static final Secp256k1PrivateKey KEY = HdKeys.fromMnemonic(MNEMONIC, "", HdPath.cosmos(0));

  static Bytes ics07Code() {
    return Bytes.wrapOwned(SharedFixtures.get().bytes(ICS07));
  }

  final List<TestChain> chains = new java.util.concurrent.CopyOnWriteArrayList<>();
  final List<TestChainRpcServer> servers = new ArrayList<>();
  final ChicoryWasmEngine engine =
      ChicoryWasmEngine.builder().executionMode(ExecutionMode.COMPILER).build();
  final InstantSource clock =
      () ->
          chains.stream()
              .map(c -> c.latest().header().time())
              .max(java.time.Instant::compareTo)
              .orElse(TestChain.DEFAULT_GENESIS_TIME)
              .plusSeconds(3);
  final TestDestinationChain destination = new TestDestinationChain(engine, clock);
  final GrpcDestination dest = destination.connect();
  final RelayerMetrics metrics = new RelayerMetrics();
  final Bytes checksum;

  RelayFixture() {
    checksum = destination.storeCode(ics07Code());
  }

  TestChain chain(String chainId, int validators, int blocks) {
    TestChain chain = TestChain.withValidators(chainId, validators, 10);
    chain.produceBlocks(blocks);
    chains.add(chain);
    return chain;
  }

  TestChainRpcServer serve(TestChain chain) {
    TestChainRpcServer server = TestChainRpcServer.start(chain);
    servers.add(server);
    return server;
  }

  static LightBlockProvider provider(TestChainRpcServer server, String id) {
    return new RpcLightBlockProvider(
        new CometRpcClient(
            RpcClientConfig.of(server.uri()).withRetry(RetryPolicy.NONE),
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
            d -> {}),
        id);
  }

  /** An 08-wasm ICS-07 client of {@code chain} at its current tip. */
  String createClient(TestChain chain) {
    TestBlock tip = chain.latest();
    Height height = Height.of(Height.parseChainId(chain.chainId()), tip.height());
    TendermintClientState cs =
        TendermintClientState.forSdkChain(
            chain.chainId(),
            TrustThreshold.ONE_THIRD,
            Duration.ofDays(14),
            Duration.ofDays(21),
            Duration.ofSeconds(10),
            height);
    TendermintConsensusState cons = TendermintConsensusState.of(tip.lightBlock("genesis"));
    return destination.createClient(checksum, cs.toAny(), cons.toAny(), height);
  }

  TxSubmitter submitter() {
    return new TxSubmitter(
        dest,
        KEY,
        TxSubmitter.Fees.FREE,
        "",
        Duration.ofSeconds(20),
        Duration.ofMillis(5),
        d -> Thread.sleep(d));
  }

  ClientRelay relay(
      String clientId,
      SourceChain source,
      TxSubmitter submitter,
      Optional<ClientRelay.QuorumStep> q) {
    return new ClientRelay(clientId, source, dest, submitter, q, metrics, clock);
  }

  @Override
  public void close() {
    servers.forEach(TestChainRpcServer::close);
    dest.close();
    destination.close();
    engine.close();
  }
}
