package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.wasm.solomachine.SoloMachineVm.Call;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every entry point of the solo-machine contract through the Chicory engine, on the compiler and on
 * the interpreter: same results, same gas, same store; gas repeats exactly across runs; every
 * refused call is the contract's error and writes nothing. Expected answers and store contents
 * follow the contract's README (its layouts, result shapes and error texts) and the Java helpers
 * that produce the same data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoloMachineContractVmTest {
  static final SoloMachineSigner ALICE = signer(1);
  static final SoloMachineSigner BOB = signer(2);
  static final SoloMachineSigner CAROL = signer(3);
  static final long T0 = 1_700_000_000_000_000_000L;
  static final String CONNECTION_PATH = "connections/connection-0";
  static final Bytes CONNECTION_END = Bytes.ofUtf8("connection end bytes");
  static final String RECEIPT_PATH = "receipts/ports/transfer/channels/channel-0/sequences/1";

  private final Map<ExecutionMode, SoloMachineVm> vms = new EnumMap<>(ExecutionMode.class);

  @BeforeAll
  void storeCode() {
    for (ExecutionMode mode : ExecutionMode.values()) {
      vms.put(mode, new SoloMachineVm(mode));
    }
  }

  @AfterAll
  void close() {
    vms.values().forEach(SoloMachineVm::close);
  }

  static SoloMachineSigner signer(int tag) {
    return SoloMachineSigner.fromSeed(Bytes.wrapOwned(SoloMachineSignerTest.filled(tag)));
  }

  // ---------------------------------------------------------------- the whole life of a client

  record Step(String name, Call call) {}

  record Trace(
      List<Step> steps,
      SortedMap<Bytes, Bytes> subject,
      SortedMap<Bytes, Bytes> substitute,
      SoloMachineClientState finalState) {
    Call call(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow().call();
    }
  }

  /**
   * Create, update with a key rotation, membership and non-membership, misbehaviour → Frozen, an
   * upgrade attempt, recovery from a substitute, an update by the substitute's key, migrate.
   */
  static Trace lifecycle(SoloMachineVm vm) {
    List<Step> steps = new ArrayList<>();
    MemKvStore subject = new MemKvStore();
    MemKvStore substitute = new MemKvStore();
    Bytes checksum = vm.checksum().bytes();
    SoloMachineClientState cs = ALICE.initialClientState("solo", T0);
    steps.add(
        new Step(
            "instantiate",
            vm.instantiate(
                subject,
                Payloads.instantiate(cs.toData(), cs.consensusState().toData(), checksum))));
    steps.add(new Step("status", vm.query(subject, Payloads.status())));
    steps.add(new Step("timestamp_at_height", vm.query(subject, Payloads.timestampAtHeight(1))));

    SoloMachineHeader rotate = ALICE.signHeader(cs, T0 + 10, BOB.publicKey(), "solo-2");
    Bytes header = rotate.toClientMessageData();
    steps.add(
        new Step("verify_client_message", vm.query(subject, Payloads.verifyClientMessage(header))));
    steps.add(
        new Step(
            "check_for_misbehaviour", vm.query(subject, Payloads.checkForMisbehaviour(header))));
    steps.add(new Step("update_state", vm.sudo(subject, Payloads.updateState(header))));
    cs = cs.afterHeader(rotate);

    SoloMachineProof membership = BOB.signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END);
    steps.add(
        new Step(
            "verify_membership",
            vm.sudo(
                subject,
                Payloads.verifyMembership(
                    cs.latestHeight(),
                    membership.toProofBytes(),
                    CONNECTION_PATH,
                    CONNECTION_END))));
    cs = cs.afterProof(membership);
    SoloMachineProof absence = BOB.signNonMembership(cs, T0 + 30, RECEIPT_PATH);
    steps.add(
        new Step(
            "verify_non_membership",
            vm.sudo(
                subject,
                Payloads.verifyNonMembership(
                    cs.latestHeight(), absence.toProofBytes(), RECEIPT_PATH))));
    cs = cs.afterProof(absence);

    Bytes misbehaviour =
        new SoloMachineMisbehaviour(
                BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
                BOB.signHeader(cs, T0 + 41, BOB.publicKey(), "solo-2"))
            .toClientMessageData();
    steps.add(
        new Step(
            "verify_client_message (misbehaviour)",
            vm.query(subject, Payloads.verifyClientMessage(misbehaviour))));
    steps.add(
        new Step(
            "check_for_misbehaviour (misbehaviour)",
            vm.query(subject, Payloads.checkForMisbehaviour(misbehaviour))));
    steps.add(
        new Step(
            "update_state_on_misbehaviour",
            vm.sudo(subject, Payloads.updateStateOnMisbehaviour(misbehaviour))));
    cs = cs.frozen();
    steps.add(new Step("status (frozen)", vm.query(subject, Payloads.status())));
    steps.add(
        new Step(
            "verify_upgrade_and_update_state",
            vm.sudo(subject, Payloads.verifyUpgradeAndUpdateState())));

    SoloMachineClientState sub =
        new SoloMachineClientState(
            10, false, new SoloMachineConsensusState(CAROL.publicKey(), "substitute", T0 + 50));
    steps.add(
        new Step(
            "instantiate (substitute)",
            vm.instantiate(
                substitute,
                Payloads.instantiate(sub.toData(), sub.consensusState().toData(), checksum))));
    steps.add(
        new Step(
            "migrate_client_store",
            vm.sudo(new RecoveryKvStore(subject, substitute), Payloads.migrateClientStore())));
    cs = sub;
    steps.add(new Step("status (recovered)", vm.query(subject, Payloads.status())));
    SoloMachineHeader afterRecovery =
        CAROL.signHeader(cs, T0 + 60, CAROL.publicKey(), "substitute");
    steps.add(
        new Step(
            "update_state (recovered)",
            vm.sudo(subject, Payloads.updateState(afterRecovery.toClientMessageData()))));
    cs = cs.afterHeader(afterRecovery);
    steps.add(new Step("migrate", vm.migrate(subject, "{}")));
    return new Trace(
        steps, SoloMachineVm.snapshot(subject), SoloMachineVm.snapshot(substitute), cs);
  }

  @Test
  void lifecycleOnBothEnginesWithIdenticalResultsGasAndStores() {
    Trace compiled = lifecycle(vms.get(ExecutionMode.COMPILER));
    Trace interpreted = lifecycle(vms.get(ExecutionMode.INTERPRETER));
    Trace again = lifecycle(vms.get(ExecutionMode.COMPILER));

    assertThat(interpreted).as("interpreter equals compiler").isEqualTo(compiled);
    assertThat(again).as("a second run equals the first").isEqualTo(compiled);

    System.out.println("solo-machine contract, VM gas per call (internal / external):");
    for (Step step : compiled.steps()) {
      System.out.printf(
          "  %-40s %,14d  %,14d%n",
          step.name(), step.call().gasInternal(), step.call().gasExternal());
    }
  }

  @Test
  void lifecycleAnswersAsDocumented() {
    Trace t = lifecycle(vms.get(ExecutionMode.COMPILER));

    assertThat(t.call("instantiate").data()).isNull();
    assertThat(t.call("status").answer()).isEqualTo("{\"status\":\"Active\"}");
    assertThat(t.call("timestamp_at_height").answer()).isEqualTo("{\"timestamp\":" + T0 + "}");
    assertThat(t.call("verify_client_message").answer()).isEqualTo("{}");
    assertThat(t.call("check_for_misbehaviour").answer())
        .isEqualTo("{\"found_misbehaviour\":false}");
    assertThat(t.call("update_state").data())
        .isEqualTo("{\"heights\":[{\"revision_number\":0,\"revision_height\":2}]}");
    assertThat(t.call("verify_membership").data()).isEqualTo("{}");
    assertThat(t.call("verify_non_membership").data()).isEqualTo("{}");
    assertThat(t.call("verify_client_message (misbehaviour)").answer()).isEqualTo("{}");
    assertThat(t.call("check_for_misbehaviour (misbehaviour)").answer())
        .isEqualTo("{\"found_misbehaviour\":true}");
    assertThat(t.call("update_state_on_misbehaviour").data()).isEqualTo("{}");
    assertThat(t.call("status (frozen)").answer()).isEqualTo("{\"status\":\"Frozen\"}");
    assertThat(t.call("verify_upgrade_and_update_state").result())
        .isEqualTo("{\"error\":\"cannot upgrade solomachine client: not supported\"}");
    assertThat(t.call("migrate_client_store").data()).isEqualTo("{}");
    assertThat(t.call("status (recovered)").answer()).isEqualTo("{\"status\":\"Active\"}");
    assertThat(t.call("update_state (recovered)").data())
        .isEqualTo("{\"heights\":[{\"revision_number\":0,\"revision_height\":11}]}");
    assertThat(t.call("migrate").data()).isNull();

    // the subject now follows the substitute's key, one consensus state at its latest height
    MemKvStore subject = new MemKvStore();
    t.subject().forEach(subject::set);
    SoloMachineVm.StoredClientState stored = SoloMachineVm.clientState(subject);
    assertThat(stored.data()).isEqualTo(t.finalState().toData());
    assertThat(stored.checksum()).isEqualTo(vms.get(ExecutionMode.COMPILER).checksum().bytes());
    assertThat(stored.revisionNumber()).isZero();
    assertThat(stored.revisionHeight()).isEqualTo(11);
    assertThat(SoloMachineVm.consensusStateData(subject, 11))
        .isEqualTo(t.finalState().consensusState().toData());
    assertThat(t.subject().keySet())
        .extracting(Bytes::toUtf8)
        .containsExactly("clientState", "consensusStates/0-11");
    assertThat(t.substitute().keySet())
        .extracting(Bytes::toUtf8)
        .containsExactly("clientState", "consensusStates/0-10");
  }

  /**
   * MsgMigrateContract needs a second code: the same module with a custom section appended (id 0,
   * name "build", payload "2") is a different checksum and behaves identically.
   */
  static byte[] anotherBuild() {
    byte[] wasm = SoloMachineContract.wasm().toByteArray();
    byte[] section = {0, 7, 5, 'b', 'u', 'i', 'l', 'd', '2'};
    byte[] out = java.util.Arrays.copyOf(wasm, wasm.length + section.length);
    System.arraycopy(section, 0, out, wasm.length, section.length);
    return out;
  }

  @Test
  void migrateToAnotherBuildKeepsTheClient() {
    SoloMachineVm vm = vms.get(ExecutionMode.COMPILER);
    Checksum v2 = vm.storeCode(anotherBuild());
    assertThat(v2).isNotEqualTo(vm.checksum());
    MemKvStore store = new MemKvStore();
    clientAtSequence2(vm, store);
    SortedMap<Bytes, Bytes> before = SoloMachineVm.snapshot(store);

    Call migrate = vm.migrate(v2, store, "{}");

    assertThat(migrate.data()).isNull();
    assertThat(SoloMachineVm.snapshot(store)).isEqualTo(before);
    assertThat(vm.migrate(v2, store, "{\"migration\":{}}").result())
        .isEqualTo("{\"error\":\"unknown field `migration` in migrate message\"}");
    MemKvStore foreign = new MemKvStore();
    foreign.set(Bytes.ofUtf8("clientState"), Bytes.fromHex("0a032f7879")); // Any{type_url "/xy"}
    assertThat(vm.migrate(v2, foreign, "{}").result())
        .isEqualTo(
            "{\"error\":\"cannot migrate: stored clientState is invalid: not a wasm"
                + " ClientState\"}");
  }

  // ---------------------------------------------------------------- refused calls

  /** A client at sequence 2 with BOB's key and diversifier "solo-2" (one rotation from ALICE). */
  static SoloMachineClientState clientAtSequence2(SoloMachineVm vm, KvStore store) {
    SoloMachineClientState cs = ALICE.initialClientState("solo", T0);
    assertThat(
            vm.instantiate(
                    store,
                    Payloads.instantiate(
                        cs.toData(), cs.consensusState().toData(), vm.checksum().bytes()))
                .isOk())
        .isTrue();
    SoloMachineHeader rotate = ALICE.signHeader(cs, T0 + 10, BOB.publicKey(), "solo-2");
    assertThat(vm.sudo(store, Payloads.updateState(rotate.toClientMessageData())).isOk()).isTrue();
    return cs.afterHeader(rotate);
  }

  static Bytes flipped(Bytes signature) {
    byte[] bytes = signature.toByteArray();
    bytes[10] ^= 1;
    return Bytes.wrapOwned(bytes);
  }

  /** name, whether the client is frozen first, the payload for the client's state, error text. */
  static Stream<Arguments> refusals() {
    String notSignedHeader =
        "invalid signature: the header is not signed by the client's current public key";
    String notSignedProof =
        "invalid signature: the membership proof is not signed by the client's current public key";
    return Stream.of(
            headerRefusals(
                "a header by a wrong key",
                false,
                cs -> ALICE.signHeader(cs, T0 + 20, ALICE.publicKey(), "x"),
                notSignedHeader),
            headerRefusals(
                "a header with a bad signature",
                false,
                cs -> {
                  SoloMachineHeader h = BOB.signHeader(cs, T0 + 20, BOB.publicKey(), "x");
                  return new SoloMachineHeader(
                      h.sequence(),
                      h.timestamp(),
                      h.newPublicKey(),
                      h.newDiversifier(),
                      flipped(h.signature()));
                },
                notSignedHeader),
            headerRefusals(
                "a header for a stale sequence",
                false,
                cs -> BOB.signHeader(1, "solo-2", T0 + 20, BOB.publicKey(), "solo-2"),
                "stale sequence: the header is for sequence 1, the client is at sequence 2"),
            headerRefusals(
                "a header on a frozen client",
                true,
                cs -> BOB.signHeader(cs, T0 + 20, BOB.publicKey(), "solo-2"),
                "client is frozen"),
            Stream.of(
                refusal(
                    "verify_membership: a proof by a wrong key",
                    false,
                    cs ->
                        Payloads.verifyMembership(
                            2,
                            CAROL
                                .signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END)
                                .toProofBytes(),
                            CONNECTION_PATH,
                            CONNECTION_END),
                    notSignedProof),
                refusal(
                    "verify_membership: a bad signature",
                    false,
                    cs -> {
                      SoloMachineProof p =
                          BOB.signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END);
                      return Payloads.verifyMembership(
                          2,
                          new SoloMachineProof(p.timestamp(), flipped(p.signature()))
                              .toProofBytes(),
                          CONNECTION_PATH,
                          CONNECTION_END);
                    },
                    notSignedProof),
                refusal(
                    "verify_membership: another value",
                    false,
                    cs ->
                        Payloads.verifyMembership(
                            2,
                            BOB.signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END)
                                .toProofBytes(),
                            CONNECTION_PATH,
                            Bytes.ofUtf8("another value")),
                    notSignedProof),
                refusal(
                    "verify_membership: a stale sequence",
                    false,
                    cs ->
                        Payloads.verifyMembership(
                            1,
                            BOB.signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END)
                                .toProofBytes(),
                            CONNECTION_PATH,
                            CONNECTION_END),
                    "stale sequence: the proof is for sequence 1, the client is at sequence 2"),
                refusal(
                    "verify_non_membership: a frozen client",
                    true,
                    cs ->
                        Payloads.verifyNonMembership(
                            2,
                            BOB.signNonMembership(cs, T0 + 20, RECEIPT_PATH).toProofBytes(),
                            RECEIPT_PATH),
                    "client is frozen"),
                refusal(
                    "update_state_on_misbehaviour: a header by a wrong key",
                    false,
                    cs ->
                        Payloads.updateStateOnMisbehaviour(
                            new SoloMachineMisbehaviour(
                                    BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
                                    CAROL.signHeader(
                                        2, "solo-2", T0 + 41, BOB.publicKey(), "solo-2"))
                                .toClientMessageData()),
                    "invalid signature: header_2 of the misbehaviour is not signed by the client's"
                        + " current public key")))
        .flatMap(s -> s);
  }

  /** The same header refused by the query verify_client_message and by the sudo update_state. */
  static Stream<Arguments> headerRefusals(
      String name,
      boolean frozen,
      Function<SoloMachineClientState, SoloMachineHeader> header,
      String error) {
    return Stream.of(
        refusal(
            "verify_client_message: " + name,
            frozen,
            cs -> Payloads.verifyClientMessage(header.apply(cs).toClientMessageData()),
            error),
        refusal(
            "update_state: " + name,
            frozen,
            cs -> Payloads.updateState(header.apply(cs).toClientMessageData()),
            error));
  }

  static Arguments refusal(
      String name, boolean frozen, Function<SoloMachineClientState, String> payload, String error) {
    return Arguments.of(name, frozen, payload, error);
  }

  record Refused(Call call, boolean storeUnchanged) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedCallsAreContractErrorsAndWriteNothing(
      String name, boolean frozen, Function<SoloMachineClientState, String> payload, String error) {
    Map<ExecutionMode, Refused> outcomes = new EnumMap<>(ExecutionMode.class);
    for (ExecutionMode mode : ExecutionMode.values()) {
      SoloMachineVm vm = vms.get(mode);
      MemKvStore store = new MemKvStore();
      SoloMachineClientState cs = clientAtSequence2(vm, store);
      if (frozen) {
        Bytes misbehaviour =
            new SoloMachineMisbehaviour(
                    BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
                    BOB.signHeader(cs, T0 + 41, BOB.publicKey(), "solo-2"))
                .toClientMessageData();
        assertThat(vm.sudo(store, Payloads.updateStateOnMisbehaviour(misbehaviour)).isOk())
            .isTrue();
      }
      SortedMap<Bytes, Bytes> before = SoloMachineVm.snapshot(store);
      String msg = payload.apply(cs);
      Call call =
          msg.startsWith("{\"verify_client_message\"") ? vm.query(store, msg) : vm.sudo(store, msg);
      outcomes.put(mode, new Refused(call, before.equals(SoloMachineVm.snapshot(store))));
    }

    Refused compiled = outcomes.get(ExecutionMode.COMPILER);
    assertThat(compiled.call().result())
        .isEqualTo("{\"error\":\"" + error.replace("\"", "\\\"") + "\"}");
    assertThat(compiled.storeUnchanged()).as("nothing written").isTrue();
    assertThat(outcomes.get(ExecutionMode.INTERPRETER)).isEqualTo(compiled);
  }
}
