package io.wasm08.wasm.lightclients;

import static io.wasm08.wasm.lightclients.RealContracts.ETH;
import static io.wasm08.wasm.lightclients.RealContracts.gasOf;
import static io.wasm08.wasm.lightclients.RealContracts.gzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.events.Event;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.querier.BlsCustomQuerier;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
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
  static final ObjectMapper JSON = new ObjectMapper();
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
    JsonNode steps = read(fixture).get("steps");
    JsonNode initial = steps.get(0).get("data");
    List<Bytes> txMsgs =
        anys(Bytes.fromHex(steps.get(1).get("data").get("relayer_tx_body").asText()));
    try (ChicoryWasmEngine engine = RealContracts.newEngine(mode)) {
      WasmTestChain chain = new WasmTestChain(engine);
      BlsCustomQuerier bls =
          new BlsCustomQuerier(
              DefaultCosmWasmCrypto.INSTANCE, BlsCustomQuerier.BlsQueryCosts.COSMWASM);
      chain.keeper().withQueryPlugins((ctx, request) -> bls.query(ctx.gasMeter(), request), null);
      Bytes checksum = chain.storeCode(gzipped(ETH));
      assertThat(checksum).isEqualTo(CHECKSUM);

      List<UnknownFieldSet> updates = new ArrayList<>();
      UnknownFieldSet recvPacket = null;
      for (Bytes any : txMsgs) {
        UnknownFieldSet parsed = parse(any);
        String typeUrl = string(parsed, 1);
        UnknownFieldSet value = parse(Bytes.wrapOwned(first(parsed, 2).toByteArray()));
        if (typeUrl.equals("/ibc.core.client.v1.MsgUpdateClient")) {
          updates.add(value);
        } else if (typeUrl.equals("/ibc.core.channel.v2.MsgRecvPacket")) {
          recvPacket = value;
        }
      }
      List<Bytes> headers = new ArrayList<>();
      for (UnknownFieldSet update : updates) {
        UnknownFieldSet clientMessageAny = parse(Bytes.wrapOwned(first(update, 2).toByteArray()));
        assertThat(string(clientMessageAny, 1))
            .isEqualTo("/ibc.lightclients.wasm.v1.ClientMessage");
        headers.add(
            WasmClientMessage.unmarshal(Bytes.wrapOwned(first(clientMessageAny, 2).toByteArray()))
                .data());
      }

      chain.blockTime = Instant.ofEpochSecond(executionTimestamp(headers.get(0)) + 1000);
      WasmClientState cs =
          new WasmClientState(compact(initial.get("client_state")), checksum, Height.of(0, 72));
      WasmConsensusState cons = new WasmConsensusState(compact(initial.get("consensus_state")));
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
                          new WasmClientMessage(tamperSignature(headers.get(0)))));
      boolean untouched =
          tamperedHeader instanceof Wasm08Exception && chain.snapshot().equals(beforeTamper);

      List<Height> heights = new ArrayList<>();
      List<Long> gas = new ArrayList<>();
      for (int i = 0; i < headers.size(); i++) {
        long time = executionTimestamp(headers.get(i)) + 1000;
        assertThat(time).isEqualTo(expectedBlockTimes.get(i));
        chain.blockTime = Instant.ofEpochSecond(time);
        WasmClientMessage header = new WasmClientMessage(headers.get(i));
        List<Event>[] events = new List[1];
        gas.add(
            gasOf(
                chain,
                ctx -> {
                  chain.clientKeeper().updateClient(ctx, clientId, header);
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
      }

      // the packet commitment of the MsgRecvPacket, proven against the last consensus state
      UnknownFieldSet packet = parse(Bytes.wrapOwned(first(recvPacket, 1).toByteArray()));
      Bytes path = commitmentPath(packet);
      Bytes commitment = packetCommitment(packet);
      Bytes proof = Bytes.wrapOwned(first(recvPacket, 2).toByteArray());
      UnknownFieldSet proofHeightMsg = parse(Bytes.wrapOwned(first(recvPacket, 3).toByteArray()));
      Height proofHeight = Height.of(0, proofHeightMsg.getField(2).getVarintList().get(0));
      long membershipGas =
          gasOf(
              chain,
              ctx ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          ctx,
                          clientId,
                          proofHeight,
                          0,
                          0,
                          proof,
                          MerklePath.of(path),
                          commitment));

      Map<String, Bytes> beforeProof = chain.snapshot();
      Throwable tamperedProof =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          chain.ctx(),
                          clientId,
                          proofHeight,
                          0,
                          0,
                          tamperProof(proof),
                          MerklePath.of(path),
                          commitment));
      untouched &= chain.snapshot().equals(beforeProof);
      Throwable wrongValue =
          catchThrowable(
              () ->
                  chain
                      .clientKeeper()
                      .verifyMembership(
                          chain.ctx(),
                          clientId,
                          proofHeight,
                          0,
                          0,
                          proof,
                          MerklePath.of(path),
                          sha256(commitment)));
      untouched &= wrongValue instanceof Wasm08Exception && chain.snapshot().equals(beforeProof);

      return new Observed(
          heights,
          gas,
          path.toHex(),
          commitment.toHex(),
          membershipGas,
          tamperedProof.getMessage(),
          tamperedHeader.getMessage(),
          untouched);
    }
  }

  // ---- fixture decoding ------------------------------------------------------------------------

  static JsonNode read(String fixture) {
    try {
      return JSON.readTree(SharedFixtures.get().bytes("fixtures/light-clients/eureka/" + fixture));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bytes compact(JsonNode node) {
    try {
      return Bytes.wrapOwned(JSON.writeValueAsBytes(node));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code header.consensus_update.attested_header.execution.timestamp} (seconds). */
  static long executionTimestamp(Bytes headerJson) {
    try {
      return JSON.readTree(headerJson.toByteArray())
          .at("/consensus_update/attested_header/execution/timestamp")
          .asLong();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flips the last hex digit of the sync-committee signature. */
  static Bytes tamperSignature(Bytes headerJson) {
    String json = headerJson.toUtf8();
    int at = json.indexOf("\"sync_committee_signature\":\"0x");
    int end = json.indexOf('"', at + 30);
    char last = json.charAt(end - 1);
    return Bytes.ofUtf8(
        json.substring(0, end - 1) + (last == '0' ? '1' : '0') + json.substring(end));
  }

  /** Changes one hex digit inside the storage proof's first node. */
  static Bytes tamperProof(Bytes proofJson) {
    String json = proofJson.toUtf8();
    int at = json.indexOf("0x", json.indexOf("proof")) + 10;
    char c = json.charAt(at);
    return Bytes.ofUtf8(json.substring(0, at) + (c == 'a' ? 'b' : 'a') + json.substring(at + 1));
  }

  /** IBC v2 {@code PacketCommitmentKey}: {@code source_client ‖ 0x01 ‖ u64be(sequence)}. */
  static Bytes commitmentPath(UnknownFieldSet packet) {
    long sequence = packet.getField(1).getVarintList().get(0);
    return Bytes.ofUtf8(string(packet, 2)).concat(Bytes.of((byte) 1)).concat(u64be(sequence));
  }

  /** IBC v2 {@code CommitPacket} (04-channel/v2/types/commitment.go). */
  static Bytes packetCommitment(UnknownFieldSet packet) {
    ByteArrayOutputStream payloads = new ByteArrayOutputStream();
    for (ByteString p : packet.getField(5).getLengthDelimitedList()) {
      UnknownFieldSet payload = parse(Bytes.wrapOwned(p.toByteArray()));
      ByteArrayOutputStream fields = new ByteArrayOutputStream();
      for (int f = 1; f <= 5; f++) {
        fields.writeBytes(sha256(Bytes.wrapOwned(first(payload, f).toByteArray())).toByteArray());
      }
      payloads.writeBytes(sha256(Bytes.wrapOwned(fields.toByteArray())).toByteArray());
    }
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    all.write(2);
    all.writeBytes(sha256(Bytes.ofUtf8(string(packet, 3))).toByteArray());
    all.writeBytes(sha256(u64be(packet.getField(4).getVarintList().get(0))).toByteArray());
    all.writeBytes(sha256(Bytes.wrapOwned(payloads.toByteArray())).toByteArray());
    return sha256(Bytes.wrapOwned(all.toByteArray()));
  }

  static Bytes u64be(long v) {
    return Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(v).array());
  }

  static Bytes sha256(Bytes b) {
    try {
      return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(b.toByteArray()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code cosmos.tx.v1beta1.TxBody.messages} (field 1, repeated Any). */
  static List<Bytes> anys(Bytes txBody) {
    return parse(txBody).getField(1).getLengthDelimitedList().stream()
        .map(b -> Bytes.wrapOwned(b.toByteArray()))
        .toList();
  }

  static UnknownFieldSet parse(Bytes b) {
    try {
      return UnknownFieldSet.parseFrom(b.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static ByteString first(UnknownFieldSet set, int field) {
    List<ByteString> list = set.getField(field).getLengthDelimitedList();
    return list.isEmpty() ? ByteString.EMPTY : list.get(0);
  }

  static String string(UnknownFieldSet set, int field) {
    return first(set, field).toStringUtf8();
  }
}
