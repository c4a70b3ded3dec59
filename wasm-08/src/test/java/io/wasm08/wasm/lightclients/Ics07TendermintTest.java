package io.wasm08.wasm.lightclients;

import static io.wasm08.wasm.lightclients.RealContracts.ICS07;
import static io.wasm08.wasm.lightclients.RealContracts.gasOf;
import static io.wasm08.wasm.lightclients.RealContracts.gzipped;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.UnknownFieldSet;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.testing.SharedFixtures;
import io.wasm08.wasm.api.ContractDialect;
import io.wasm08.wasm.testing.MockTendermint;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * ComposableFi's ICS-07 Tendermint contract ({@code ics07_tendermint_cw}, G3: membership under
 * {@code "path"} with string keys, which this host speaks per checksum) with the real {@code
 * simd-2} fixtures of solidity-ibc-eureka: create from the real client and consensus states (2-20),
 * update with the real header (trusted 20 → 38) an hour after the trusted time, prove the real
 * membership of {@code clients/07-tendermint-0/clientState} at 2-38; and the upstream negatives —
 * corrupted commit signature, trusting period expired, header beyond the clock drift, unknown
 * trusted height, tampered value — each failing without writing (light-clients-and-rpc.md §1.1,
 * §1.5).
 */
class Ics07TendermintTest {
  static final ObjectMapper JSON = new ObjectMapper();
  static final String TM = "fixtures/light-clients/eureka/tendermint-lc-fixtures/";
  static final String CLIENT_STATE_URL = "/ibc.lightclients.tendermint.v1.ClientState";
  static final String CONSENSUS_STATE_URL = "/ibc.lightclients.tendermint.v1.ConsensusState";
  static final String HEADER_URL = "/ibc.lightclients.tendermint.v1.Header";

  /** The trusted consensus state's time, 2025-09-15T09:32:23.781007263Z. */
  static final Instant TRUSTED_TIME = Instant.ofEpochSecond(1_757_928_743L, 781_007_263L);

  /** The header's time, 2025-09-15T09:33:05.479434713Z. */
  static final Instant HEADER_TIME = Instant.ofEpochSecond(1_757_928_785L, 479_434_713L);

  record Observed(
      String dialect,
      String status,
      long createGas,
      List<Height> heights,
      long updateGas,
      Bytes consensusStateAt38,
      long membershipGas,
      String corruptedSignature,
      String expired,
      String expiredVerify,
      String clockDrift,
      String unknownTrustedHeight,
      String tamperedValue,
      boolean failuresWroteNothing) {}

  @Test
  void realSimdFixturesOnBothEngines() {
    Observed o = RealContracts.onBothEngines(Ics07TendermintTest::scenario);
    assertThat(o.dialect()).isEqualTo("G3");
    assertThat(o.status()).isEqualTo("Active");
    assertThat(o.heights()).containsExactly(Height.of(2, 38));
    // the stored consensus state at 2-38 carries the root and next validators hash upstream lists
    assertThat(o.consensusStateAt38().toHex())
        .contains("96a3affd2ab51baf446352f374866cd99925e08d047c92df04e57e10cdd7a01a")
        .contains("ebf7d584287b9b91c0d328de6094de5f5f94a54f7ef39ab8211db6e17d433d5d");
    assertThat(o.corruptedSignature()).contains("verification failed: failed to verify signature");
    assertThat(o.expired())
        .isEqualTo(
            "cannot update client (08-wasm-0) with status Expired: client state is not active");
    assertThat(o.expiredVerify())
        .contains("not withing trusting period")
        .endsWith(": wasm contract call failed");
    assertThat(o.clockDrift())
        .contains("header from the future")
        .endsWith(": wasm contract call failed");
    assertThat(o.unknownTrustedHeight())
        .contains("consensus state not found at: 08-wasm-0 at height 2-19");
    assertThat(o.tamperedValue())
        .contains("ics23 commitment error")
        .endsWith(": wasm contract call failed");
    assertThat(o.failuresWroteNothing()).isTrue();
    System.out.printf(
        "ics07 G3 gas: create %d, update %d, membership %d%n",
        o.createGas(), o.updateGas(), o.membershipGas());
  }

  static Observed scenario(ExecutionMode mode) {
    JsonNode update = read("update_client_happy_path.json");
    JsonNode membership = read("verify_membership_key_0.json");
    Bytes header = hex(update.at("/update_client_message/client_message_hex"));
    try (ChicoryWasmEngine engine = RealContracts.newEngine(mode)) {
      WasmTestChain chain = new WasmTestChain(engine);
      chain.blockHeight = 100;
      chain.blockTime = TRUSTED_TIME.plusSeconds(3600);
      Bytes checksum = chain.storeCode(gzipped(ICS07));
      String dialect = chain.keeper().dialect(checksum).name();
      WasmClientState cs =
          new WasmClientState(
              MockTendermint.any(CLIENT_STATE_URL, hex(update.get("client_state_hex"))),
              checksum,
              Height.of(2, 20));
      WasmConsensusState cons =
          new WasmConsensusState(
              MockTendermint.any(CONSENSUS_STATE_URL, hex(update.get("consensus_state_hex"))));
      String[] id = new String[1];
      long createGas =
          gasOf(
              chain,
              ctx ->
                  id[0] =
                      chain
                          .clientKeeper()
                          .createClient(ctx, "08-wasm", cs.marshal(), cons.marshal()));
      String clientId = id[0];
      String status = chain.module().status(chain.ctx(), clientId).toString();
      Map<String, Bytes> before = chain.snapshot();

      // negatives first, on the untouched client
      String corrupted = failure(chain, clientId, corruptFirstSignature(header));
      String unknownTrusted = failure(chain, clientId, withTrustedHeight(header, 19));
      Instant now = chain.blockTime;
      chain.blockTime = HEADER_TIME.minusSeconds(30); // header 30 s in the future, drift is 15 s
      String clockDrift = failure(chain, clientId, header);
      chain.blockTime = TRUSTED_TIME.plusSeconds(1_209_600 + 3600); // trusting period 14 days
      String expired = failure(chain, clientId, header);
      String expiredVerify =
          message(
              catchThrowable(
                  () ->
                      chain
                          .module()
                          .verifyClientMessage(
                              chain.ctx(),
                              clientId,
                              new WasmClientMessage(MockTendermint.any(HEADER_URL, header)))));
      chain.blockTime = now;
      boolean untouched = chain.snapshot().equals(before);

      WasmClientMessage message = new WasmClientMessage(MockTendermint.any(HEADER_URL, header));
      List<Event>[] events = new List[1];
      long updateGas =
          gasOf(
              chain,
              ctx -> {
                chain.clientKeeper().updateClient(ctx, clientId, message);
                events[0] = ctx.eventManager().events();
              });
      List<Height> heights =
          events[0].stream()
              .filter(e -> e.type().equals("update_client"))
              .map(e -> Height.parse(e.attribute("consensus_height").orElseThrow()))
              .toList();
      Bytes consensus38 =
          chain.clientStore(clientId).get(ClientKeys.consensusStateKey(Height.of(2, 38)));

      JsonNode msg = membership.get("membership_msg");
      MerklePath path =
          MerklePath.ofUtf8(msg.get("path").get(0).asText(), msg.get("path").get(1).asText());
      Bytes proof = hex(msg.get("proof"));
      Bytes value = hex(msg.get("value"));
      // the proof was queried at 37 and verifies against the app hash of header 38
      Height proofHeight = Height.of(2, 38);
      long membershipGas =
          gasOf(
              chain,
              ctx ->
                  chain
                      .clientKeeper()
                      .verifyMembership(ctx, clientId, proofHeight, 0, 0, proof, path, value));
      Map<String, Bytes> beforeTamper = chain.snapshot();
      String tampered =
          message(
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
                              path,
                              value.concat(Bytes.of((byte) 0xFF)))));
      untouched &= chain.snapshot().equals(beforeTamper);
      return new Observed(
          dialect,
          status,
          createGas,
          heights,
          updateGas,
          consensus38,
          membershipGas,
          corrupted,
          expired,
          expiredVerify,
          clockDrift,
          unknownTrusted,
          tampered,
          untouched);
    }
  }

  /** An update with {@code header} fails (with a project error) and writes nothing. */
  static String failure(WasmTestChain chain, String clientId, Bytes header) {
    Map<String, Bytes> before = chain.snapshot();
    Throwable t =
        catchThrowable(
            () ->
                chain
                    .clientKeeper()
                    .updateClient(
                        chain.ctx(),
                        clientId,
                        new WasmClientMessage(MockTendermint.any(HEADER_URL, header))));
    assertThat(t).isInstanceOf(Wasm08Exception.class);
    assertThat(chain.snapshot()).isEqualTo(before);
    return t.getMessage();
  }

  static String message(Throwable t) {
    assertThat(t).isInstanceOf(Wasm08Exception.class);
    return t.getMessage();
  }

  /** {@code Header.signed_header.commit.signatures[0].signature} with its last byte flipped. */
  static Bytes corruptFirstSignature(Bytes header) {
    UnknownFieldSet h = parse(header);
    UnknownFieldSet signed = parse(first(h, 1));
    UnknownFieldSet commit = parse(first(signed, 2));
    List<ByteString> sigs = commit.getField(4).getLengthDelimitedList();
    UnknownFieldSet sig0 = parse(sigs.get(0));
    byte[] sig = first(sig0, 4).toByteArray();
    sig[sig.length - 1] ^= 1;
    UnknownFieldSet newSig0 = replace(sig0, 4, List.of(ByteString.copyFrom(sig)));
    List<ByteString> newSigs = new java.util.ArrayList<>(sigs);
    newSigs.set(0, newSig0.toByteString());
    UnknownFieldSet newCommit = replace(commit, 4, newSigs);
    UnknownFieldSet newSigned = replace(signed, 2, List.of(newCommit.toByteString()));
    return Bytes.wrapOwned(replace(h, 1, List.of(newSigned.toByteString())).toByteArray());
  }

  /** {@code Header.trusted_height} set to {@code 2-height}. */
  static Bytes withTrustedHeight(Bytes header, long height) {
    UnknownFieldSet h = parse(header);
    ByteString trusted = Height.of(2, height).toProto().toByteString();
    return Bytes.wrapOwned(replace(h, 3, List.of(trusted)).toByteArray());
  }

  static UnknownFieldSet replace(UnknownFieldSet set, int field, List<ByteString> values) {
    UnknownFieldSet.Field.Builder f = UnknownFieldSet.Field.newBuilder();
    values.forEach(f::addLengthDelimited);
    return UnknownFieldSet.newBuilder(set).clearField(field).addField(field, f.build()).build();
  }

  static UnknownFieldSet parse(Bytes b) {
    return parse(ByteString.copyFrom(b.toByteArray()));
  }

  static UnknownFieldSet parse(ByteString b) {
    try {
      return UnknownFieldSet.parseFrom(b);
    } catch (InvalidProtocolBufferException e) {
      throw new AssertionError(e);
    }
  }

  static ByteString first(UnknownFieldSet set, int field) {
    return set.getField(field).getLengthDelimitedList().get(0);
  }

  static JsonNode read(String name) {
    try {
      return JSON.readTree(SharedFixtures.get().bytes(TM + name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Bytes hex(JsonNode node) {
    return Bytes.fromHex(node.asText());
  }

  static {
    // silence unused-import warnings of helpers only some variants use
    assert ContractDialect.G3 != null
        && ClientErrorCode.CLIENT_NOT_ACTIVE != null
        && WasmErrorCode.VM_ERROR != null;
  }
}
