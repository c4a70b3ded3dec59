package io.wasm08.wasm.lightclients;

import static io.wasm08.wasm.lightclients.RealContracts.ETH;
import static io.wasm08.wasm.lightclients.RealContracts.gasOf;
import static io.wasm08.wasm.lightclients.RealContracts.gzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.events.Event;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.fixtures.EurekaEthFixture;
import io.wasm08.wasm.querier.BlsCustomQuerier;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The eureka Ethereum light client ({@code cw_ics08_wasm_eth}, G5) with both shared fixtures,
 * reproducing upstream's {@code test_ics20_transfer_from_ethereum_to_cosmos_flow} and {@code
 * test_update_with_period_change} through the whole stack: instantiate from {@code initial_state},
 * every {@code MsgUpdateClient} of the {@code receive_packets} step verified and applied at the
 * expected heights (sync-committee signatures checked through the metered BLS custom query), the
 * packet commitment proven with {@code verify_membership}; a tampered proof or header fails and
 * writes nothing. Both engines, identical results and gas (light-clients-and-rpc.md §1.4, eureka
 * README).
 */
class EthLightClientTest {
  static final Bytes CHECKSUM =
      Bytes.fromHex("3e60f74c6f1f43318803d469a5ed99b2cc2f027b8088474f4b7d0124e483c352");

  static Stream<Arguments> fixtures() {
    return Stream.of(
        arguments(
            "Test_ICS20TransferERC20TokenfromEthereumToCosmosAndBack.json",
            List.of(Height.of(0, 128)),
            List.of(1_761_903_515L),
            "636f736d6f736875622d31010000000000000001",
            "4002c4d491533e9827baa923558453bda8ef7916726eb8fdc1aee969cbd668ca",
            Height.of(0, 128)),
        arguments(
            "Test_MultiPeriodClientUpdateToCosmos.json",
            List.of(Height.of(0, 128), Height.of(0, 192), Height.of(0, 216)),
            List.of(1_761_907_151L, 1_761_907_279L, 1_761_907_327L),
            "636f736d6f736875622d31010000000000000001",
            "0945256860c277ac13d25b34bc3ffd25fdf52d3fd9385bbd276909c765cd60cd",
            Height.of(0, 216)));
  }

  record Observed(
      List<Height> updateHeights,
      List<Long> updateGas,
      String commitmentPath,
      String commitment,
      long membershipGas,
      String tamperedProofError,
      String tamperedHeaderError,
      boolean failuresWroteNothing) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void receivePacketsStep(
      String fixture,
      List<Height> expectedHeights,
      List<Long> expectedBlockTimes,
      String expectedPath,
      String expectedCommitment,
      Height proofHeight) {
    Observed o = RealContracts.onBothEngines(mode -> scenario(mode, fixture, expectedBlockTimes));
    assertThat(o.updateHeights()).isEqualTo(expectedHeights);
    assertThat(o.commitmentPath()).isEqualTo(expectedPath);
    assertThat(o.commitment()).isEqualTo(expectedCommitment);
    assertThat(o.tamperedProofError()).endsWith(": wasm contract call failed");
    assertThat(o.tamperedHeaderError()).isNotEmpty();
    assertThat(o.failuresWroteNothing()).isTrue();
    System.out.printf(
        "eth LC %s gas: updates %s, membership %d%n", fixture, o.updateGas(), o.membershipGas());
  }

  static Observed scenario(ExecutionMode mode, String fixture, List<Long> expectedBlockTimes) {
    EurekaEthFixture eth =
        EurekaEthFixture.parse(
            Bytes.wrapOwned(
                SharedFixtures.get().bytes("fixtures/light-clients/eureka/" + fixture)));
    EurekaEthFixture.Step receive = eth.steps().get(0);
    try (ChicoryWasmEngine engine = RealContracts.newEngine(mode)) {
      WasmTestChain chain = new WasmTestChain(engine);
      BlsCustomQuerier bls =
          new BlsCustomQuerier(
              DefaultCosmWasmCrypto.INSTANCE, BlsCustomQuerier.BlsQueryCosts.COSMWASM);
      chain.keeper().withQueryPlugins((ctx, request) -> bls.query(ctx.gasMeter(), request), null);
      Bytes checksum = chain.storeCode(gzipped(ETH));
      assertThat(checksum).isEqualTo(CHECKSUM);
      List<EurekaEthFixture.Update> updates = receive.updates();

      chain.blockTime = Instant.ofEpochSecond(updates.get(0).blockTimeSeconds());
      WasmClientState cs = new WasmClientState(eth.clientState(), checksum, eth.latestHeight());
      WasmConsensusState cons = new WasmConsensusState(eth.consensusState());
      String clientId =
          chain.clientKeeper().createClient(chain.ctx(), "08-wasm", cs.marshal(), cons.marshal());

      // a header with one signature byte changed is rejected, and nothing is written
      Map<String, Bytes> beforeTamper = chain.snapshot();
      Throwable tamperedHeader =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .updateClient(
                          chain.ctx(),
                          clientId,
                          new WasmClientMessage(
                              EurekaEthFixture.tamperSignature(updates.get(0).header()))));
      boolean untouched =
          tamperedHeader instanceof Wasm08Exception && chain.snapshot().equals(beforeTamper);

      List<Height> heights = new ArrayList<>();
      List<Long> gas = new ArrayList<>();
      for (int i = 0; i < updates.size(); i++) {
        EurekaEthFixture.Update update = updates.get(i);
        assertThat(update.blockTimeSeconds()).isEqualTo(expectedBlockTimes.get(i));
        chain.blockTime = Instant.ofEpochSecond(update.blockTimeSeconds());
        List<Event>[] events = new List[1];
        gas.add(
            gasOf(
                chain,
                ctx -> {
                  chain.clientKeeper().updateClient(ctx, clientId, update.clientMessage());
                  events[0] = ctx.eventManager().events();
                }));
        String consensusHeight =
            events[0].stream()
                .filter(e -> e.type().equals("update_client"))
                .findFirst()
                .orElseThrow()
                .attribute("consensus_height")
                .orElseThrow();
        heights.add(Height.parse(consensusHeight));
        assertThat(heights.get(i)).isEqualTo(update.expectedHeight());
      }

      // the packet commitment of the MsgRecvPacket, proven against the last consensus state
      EurekaEthFixture.Membership recv = receive.proofs().get(0);
      assertThat(recv.what()).startsWith("packet commitment");
      MerklePath path = MerklePath.of(recv.path());
      long membershipGas =
          gasOf(
              chain,
              ctx ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          ctx,
                          clientId,
                          recv.proofHeight(),
                          0,
                          0,
                          recv.proof(),
                          path,
                          recv.value()));

      Map<String, Bytes> beforeProof = chain.snapshot();
      Throwable tamperedProof =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          chain.ctx(),
                          clientId,
                          recv.proofHeight(),
                          0,
                          0,
                          EurekaEthFixture.tamperProof(recv.proof()),
                          path,
                          recv.value()));
      untouched &= chain.snapshot().equals(beforeProof);
      Throwable wrongValue =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          chain.ctx(),
                          clientId,
                          recv.proofHeight(),
                          0,
                          0,
                          recv.proof(),
                          path,
                          sha256(recv.value())));
      untouched &= wrongValue instanceof Wasm08Exception && chain.snapshot().equals(beforeProof);

      return new Observed(
          heights,
          gas,
          recv.path().toHex(),
          recv.value().toHex(),
          membershipGas,
          tamperedProof.getMessage(),
          tamperedHeader.getMessage(),
          untouched);
    }
  }

  static Bytes sha256(Bytes b) {
    try {
      return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
