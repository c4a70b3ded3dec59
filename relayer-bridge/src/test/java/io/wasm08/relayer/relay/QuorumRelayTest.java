package io.wasm08.relayer.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.wasm08.core.client.Height;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.relayer.quorum.ExecutionResult;
import io.wasm08.relayer.quorum.Quorum;
import io.wasm08.relayer.quorum.QuorumThreshold;
import io.wasm08.relayer.quorum.RemoteUpdateExecutor;
import io.wasm08.relayer.quorum.StoreWrite;
import io.wasm08.relayer.quorum.UpdateExecutor;
import io.wasm08.relayer.quorum.UpdateExecutorService;
import io.wasm08.relayer.quorum.UpdateRequest;
import io.wasm08.relayer.quorum.WasmUpdateExecutor;
import io.wasm08.relayer.testchain.TestChain;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The quorum before submission, on the real ICS-07 contract: the Chicory compiler, the interpreter
 * and another relayer process (over the {@code wasm08.relayer.v1} gRPC service, which first gets
 * the code) agree bit for bit on result, gas and writes, and the update is submitted — the agreed
 * writes hold the very consensus state the destination then stores. An executor that disagrees is
 * outvoted at 2/3 of three (and counted), but with only two executors it halts the client with an
 * alert and nothing is submitted.
 */
class QuorumRelayTest {
  static WasmUpdateExecutor compiler;
  static WasmUpdateExecutor interpreter;
  static WasmUpdateExecutor seeder;
  static Server peer;
  static RelayFixture codeSource; // the executors fetch code from whichever fixture runs
  RelayFixture f;

  @BeforeAll
  static void executors() throws IOException {
    compiler = WasmUpdateExecutor.chicory(ExecutionMode.COMPILER, c -> RelayFixture.ics07Code());
    interpreter =
        WasmUpdateExecutor.chicory(ExecutionMode.INTERPRETER, c -> RelayFixture.ics07Code());
    seeder = WasmUpdateExecutor.chicory(ExecutionMode.INTERPRETER, c -> RelayFixture.ics07Code());
    peer =
        NettyServerBuilder.forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .maxInboundMessageSize(64 * 1024 * 1024)
            .addService(
                new UpdateExecutorService(
                    codes -> WasmUpdateExecutor.chicory(ExecutionMode.COMPILER, codes)))
            .build()
            .start();
  }

  @AfterAll
  static void close() {
    peer.shutdownNow();
    compiler.close();
    interpreter.close();
    seeder.close();
  }

  @BeforeEach
  void setUp() {
    f = new RelayFixture();
  }

  @AfterEach
  void tearDown() {
    f.close();
  }

  /** Runs the real executor, then reports one more unit of gas: a subtle divergence. */
  record Tampered(UpdateExecutor inner) implements UpdateExecutor {
    @Override
    public String id() {
      return "tampered";
    }

    @Override
    public ExecutionResult execute(UpdateRequest request) {
      ExecutionResult r = inner.execute(request);
      return new ExecutionResult(r.success(), r.result(), r.gasUsed() + 1, r.writes());
    }
  }

  /** Records every verdict-relevant result, to compare with what the destination stored. */
  record Recording(UpdateExecutor inner, List<ExecutionResult> seen) implements UpdateExecutor {
    @Override
    public String id() {
      return inner.id();
    }

    @Override
    public ExecutionResult execute(UpdateRequest request) {
      ExecutionResult r = inner.execute(request);
      seen.add(r);
      return r;
    }
  }

  ClientRelay relay(String clientId, TestChain chain, List<UpdateExecutor> executors) {
    Quorum quorum = new Quorum(executors, QuorumThreshold.TWO_THIRDS, Duration.ofMinutes(2));
    return f.relay(
        clientId,
        new SourceChain("a", RelayFixture.provider(f.serve(chain), "a"), List.of()),
        f.submitter(),
        Optional.of(new ClientRelay.QuorumStep(quorum, seeder)));
  }

  @Test
  void compilerInterpreterAndARemoteRelayerAgreeAndTheUpdateIsSubmitted() {
    TestChain chain = f.chain("source-1", 4, 3);
    String clientId = f.createClient(chain);
    chain.produceBlocks(4);
    List<ExecutionResult> seen = new CopyOnWriteArrayList<>();
    RemoteUpdateExecutor remote =
        RemoteUpdateExecutor.connect("127.0.0.1:" + peer.getPort(), c -> RelayFixture.ics07Code());
    try {
      ClientRelay relay =
          relay(
              clientId,
              chain,
              List.of(
                  new Recording(compiler, seen),
                  new Recording(interpreter, seen),
                  new Recording(remote, seen)));
      relay.step();
      assertThat(relay.status().lastFailure()).isEmpty();
    } finally {
      remote.close();
    }
    Height h = Height.of(1, chain.height());
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(h);
    assertThat(seen).hasSize(3);
    assertThat(seen).allSatisfy(r -> assertThat(r.digest()).isEqualTo(seen.get(0).digest()));
    ExecutionResult agreed = seen.get(0);
    assertThat(agreed.success()).isTrue();
    assertThat(agreed.gasUsed()).isPositive();
    assertThat(agreed.result().toUtf8())
        .contains("update_client")
        .contains("consensus_heights=" + h);
    // the agreed writes predicted what the destination stored
    var key = ClientKeys.fullConsensusStateKey(clientId, h);
    StoreWrite write =
        agreed.writes().stream().filter(w -> w.key().equals(key)).findFirst().orElseThrow();
    assertThat(write.value())
        .isEqualTo(
            f.destination
                .clientKeeper()
                .clientStore(f.destination.ctx(new io.wasm08.store.InfiniteGasMeter()), clientId)
                .get(ClientKeys.consensusStateKey(h)));
    assertThat(f.metrics.count("relayer_quorum", "client", clientId, "outcome", "agreed"))
        .isEqualTo(1);
  }

  @Test
  void aDisagreeingExecutorIsOutvotedAtTwoThirdsOfThree() {
    TestChain chain = f.chain("source-1", 4, 3);
    String clientId = f.createClient(chain);
    chain.produceBlocks(2);
    ClientRelay relay =
        relay(clientId, chain, List.of(compiler, interpreter, new Tampered(compiler)));
    relay.step();
    assertThat(relay.status().lastFailure()).isEmpty();
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(Height.of(1, chain.height()));
    assertThat(
            f.metrics.count("relayer_quorum_dissent", "client", clientId, "executor", "tampered"))
        .isEqualTo(1);
  }

  @Test
  void aDisagreeingExecutorWithoutAMajorityHaltsTheClientAndNothingIsSubmitted() {
    TestChain chain = f.chain("source-1", 4, 3);
    String clientId = f.createClient(chain);
    Height before = f.destination.clientHeight(clientId);
    chain.produceBlocks(2);
    ClientRelay relay = relay(clientId, chain, List.of(compiler, new Tampered(compiler)));
    relay.step();
    assertThat(relay.status().state()).isEqualTo("halted");
    assertThat(relay.status().lastFailureReason()).contains("quorum_disagreement");
    assertThat(relay.status().lastFailure().orElseThrow())
        .contains("NO QUORUM (1 of 2, 2 required)");
    assertThat(f.destination.delivered()).isEmpty();
    assertThat(f.destination.clientHeight(clientId)).isEqualTo(before);
    assertThat(f.metrics.count("relayer_quorum", "client", clientId, "outcome", "disagreement"))
        .isEqualTo(1);
    assertThat(f.metrics.count("relayer_halts", "client", clientId)).isEqualTo(1);
    // halted: later polls do nothing until an operator restarts it
    chain.produceBlocks(2);
    relay.step();
    assertThat(f.destination.delivered()).isEmpty();
  }
}
