package io.wasm08.wasm.solomachine;

import static io.wasm08.wasm.solomachine.SoloMachineChain.checksumOf;
import static io.wasm08.wasm.solomachine.SoloMachineChain.clientIdOf;
import static io.wasm08.wasm.solomachine.SoloMachineChain.createClient;
import static io.wasm08.wasm.solomachine.SoloMachineChain.migrateContract;
import static io.wasm08.wasm.solomachine.SoloMachineChain.recoverClient;
import static io.wasm08.wasm.solomachine.SoloMachineChain.storeCode;
import static io.wasm08.wasm.solomachine.SoloMachineChain.updateClient;
import static io.wasm08.wasm.solomachine.SoloMachineChain.upgradeClient;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.ALICE;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.BOB;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CAROL;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CONNECTION_END;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CONNECTION_PATH;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.RECEIPT_PATH;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Message;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.events.Event;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.GasDescriptors;
import io.wasm08.store.KvStore;
import io.wasm08.wasm.solomachine.SoloMachineChain.Measured;
import io.wasm08.wasm.testing.RecordingWasmEngine.Recorded;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.io.IOException;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The full ICS-08 flow of the repository's solo-machine contract through the 08-wasm module and
 * 02-client, on the real engine in both execution modes: MsgStoreCode by the authority,
 * MsgCreateClient, MsgUpdateClient with a header that rotates the key and diversifier, membership
 * and non-membership through 02-client's VerifyMembership/VerifyNonMembership (as 03-connection
 * calls them), misbehaviour → Frozen, MsgRecoverClient from a substitute, MsgUpgradeClient (refused
 * by the contract, as 06-solomachine refuses upgrades), MsgMigrateContract to a second checksum
 * (the contract's migrate entry point) and an update on the new code. Every step's SDK gas and the
 * VM gas of each contract call are printed, equal on compiler, interpreter and a second run, and
 * equal to the table in the contract's README.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoloMachineFlowTest {
  static final String README_BEGIN = "<!-- flow-gas:begin (SoloMachineFlowTest) -->";
  static final String README_END = "<!-- flow-gas:end -->";

  private final Map<ExecutionMode, ChicoryWasmEngine> engines = new EnumMap<>(ExecutionMode.class);

  @BeforeAll
  void engines() {
    for (ExecutionMode mode : ExecutionMode.values()) {
      engines.put(mode, ChicoryWasmEngine.builder().executionMode(mode).build());
    }
  }

  @AfterAll
  void close() {
    engines.values().forEach(ChicoryWasmEngine::close);
  }

  /** One step as observed: its answer or error, SDK gas, contract calls with VM gas, events. */
  record Step(
      String name,
      String answer,
      String error,
      int errorCode,
      long sdkGas,
      Map<String, Long> gasByDescriptor,
      List<Recorded> calls,
      List<Event> events) {
    static Step of(String name, Measured<?> m) {
      return new Step(
          name,
          m.value() == null ? null : m.value().toString(),
          m.error() == null ? null : m.error().getMessage(),
          m.error() == null ? 0 : m.error().code(),
          m.sdkGas(),
          m.gasByDescriptor(),
          m.calls(),
          m.events());
    }

    long vmGas() {
      return calls.stream().mapToLong(Recorded::vmGas).sum();
    }

    /** The SDK store's gas: the KV descriptors of {@code store/types/gas.go}. */
    long kvGas() {
      return gasByDescriptor.entrySet().stream()
          .filter(e -> KV_DESCRIPTORS.contains(e.getKey()))
          .mapToLong(Map.Entry::getValue)
          .sum();
    }

    /** 08-wasm's own charges: contract setup, VM gas converted, compile cost. */
    long wasmGas() {
      return sdkGas - kvGas();
    }
  }

  static final Set<String> KV_DESCRIPTORS =
      Set.of(
          GasDescriptors.ITER_NEXT_COST_FLAT,
          GasDescriptors.VALUE_PER_BYTE,
          GasDescriptors.WRITE_PER_BYTE,
          GasDescriptors.READ_PER_BYTE,
          GasDescriptors.WRITE_COST_FLAT,
          GasDescriptors.READ_COST_FLAT,
          GasDescriptors.HAS,
          GasDescriptors.DELETE);

  /** The whole flow: its steps and both stores at the end. */
  record Flow(List<Step> steps, Map<String, Bytes> finalStores) {
    Step step(String name) {
      return steps.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
    }
  }

  static final String STORE_CODE = "MsgStoreCode";
  static final String CREATE = "MsgCreateClient";
  static final String ROTATE = "MsgUpdateClient: header rotating key and diversifier";
  static final String MEMBERSHIP = "VerifyMembership";
  static final String NON_MEMBERSHIP = "VerifyNonMembership";
  static final String TIMESTAMP = "GetClientTimestampAtHeight";
  static final String MISBEHAVIOUR = "MsgUpdateClient: misbehaviour";
  static final String STATUS_FROZEN = "GetClientStatus (Frozen)";
  static final String CREATE_SUBSTITUTE = "MsgCreateClient (substitute)";
  static final String RECOVER = "MsgRecoverClient";
  static final String UPDATE_RECOVERED = "MsgUpdateClient after recovery";
  static final String UPGRADE = "MsgUpgradeClient (refused)";
  static final String STORE_CODE_2 = "MsgStoreCode (another build)";
  static final String MIGRATE = "MsgMigrateContract";
  static final String UPDATE_MIGRATED = "MsgUpdateClient on the new code";

  /** The flow on a fresh chain over {@code engine}; asserts the state after each step. */
  static Flow flow(ChicoryWasmEngine engine) {
    SoloMachineChain sm = new SoloMachineChain(engine);
    WasmTestChain chain = sm.chain();
    List<Step> steps = new ArrayList<>();

    Measured<Message> stored = sm.deliver(storeCode(SoloMachineContract.wasm())).ok();
    steps.add(Step.of(STORE_CODE, stored));
    Bytes checksum = checksumOf(stored);
    assertThat(checksum.toHex()).isEqualTo(SoloMachineContract.recordedSha256());

    SoloMachineClientState cs = ALICE.initialClientState("solo", T0);
    Measured<Message> created = sm.deliver(createClient(cs, checksum)).ok();
    steps.add(Step.of(CREATE, created));
    String clientId = clientIdOf(created);
    assertThat(clientId).isEqualTo("08-wasm-0");
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);

    SoloMachineHeader rotate = ALICE.signHeader(cs, T0 + 10, BOB.publicKey(), "solo-2");
    steps.add(
        Step.of(ROTATE, sm.deliver(updateClient(clientId, rotate.toClientMessageData())).ok()));
    cs = cs.afterHeader(rotate);
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);

    Height membershipHeight = Height.of(0, cs.latestHeight());
    SoloMachineProof membership = BOB.signMembership(cs, T0 + 20, CONNECTION_PATH, CONNECTION_END);
    Bytes membershipProof = membership.toProofBytes();
    steps.add(
        Step.of(
            MEMBERSHIP,
            sm.measure(
                    ctx -> {
                      chain
                          .clientKeeper()
                          .verifyMembership(
                              ctx,
                              clientId,
                              membershipHeight,
                              0,
                              0,
                              membershipProof,
                              MerklePath.ofUtf8("ibc", CONNECTION_PATH),
                              CONNECTION_END);
                      return null;
                    })
                .ok()));
    cs = cs.afterProof(membership);
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);

    Height absenceHeight = Height.of(0, cs.latestHeight());
    SoloMachineProof absence = BOB.signNonMembership(cs, T0 + 30, RECEIPT_PATH);
    Bytes absenceProof = absence.toProofBytes();
    steps.add(
        Step.of(
            NON_MEMBERSHIP,
            sm.measure(
                    ctx -> {
                      chain
                          .clientKeeper()
                          .verifyNonMembership(
                              ctx,
                              clientId,
                              absenceHeight,
                              0,
                              0,
                              absenceProof,
                              MerklePath.ofUtf8("ibc", RECEIPT_PATH));
                      return null;
                    })
                .ok()));
    cs = cs.afterProof(absence);
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);

    Height latest = Height.of(0, cs.latestHeight());
    steps.add(
        Step.of(
            TIMESTAMP,
            sm.measure(
                    ctx -> chain.clientKeeper().getClientTimestampAtHeight(ctx, clientId, latest))
                .ok()));

    Bytes misbehaviour =
        new SoloMachineMisbehaviour(
                BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
                BOB.signHeader(cs, T0 + 41, BOB.publicKey(), "solo-2"))
            .toClientMessageData();
    steps.add(Step.of(MISBEHAVIOUR, sm.deliver(updateClient(clientId, misbehaviour)).ok()));
    cs = cs.frozen();
    assertClient(chain, clientId, cs, checksum, Status.FROZEN);
    steps.add(
        Step.of(
            STATUS_FROZEN,
            sm.measure(ctx -> chain.clientKeeper().getClientStatus(ctx, clientId)).ok()));

    SoloMachineClientState substitute =
        new SoloMachineClientState(
            10, false, new SoloMachineConsensusState(CAROL.publicKey(), "substitute", T0 + 50));
    Measured<Message> substituteCreated = sm.deliver(createClient(substitute, checksum)).ok();
    steps.add(Step.of(CREATE_SUBSTITUTE, substituteCreated));
    String substituteId = clientIdOf(substituteCreated);
    assertThat(substituteId).isEqualTo("08-wasm-1");

    steps.add(Step.of(RECOVER, sm.deliver(recoverClient(clientId, substituteId)).ok()));
    cs = substitute;
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);
    assertClient(chain, substituteId, substitute, checksum, Status.ACTIVE);

    SoloMachineHeader afterRecovery =
        CAROL.signHeader(cs, T0 + 60, CAROL.publicKey(), "substitute");
    steps.add(
        Step.of(
            UPDATE_RECOVERED,
            sm.deliver(updateClient(clientId, afterRecovery.toClientMessageData())).ok()));
    cs = cs.afterHeader(afterRecovery);
    assertClient(chain, clientId, cs, checksum, Status.ACTIVE);

    SoloMachineClientState upgraded =
        new SoloMachineClientState(
            20, false, new SoloMachineConsensusState(CAROL.publicKey(), "upgraded", T0 + 70));
    Map<String, Bytes> beforeUpgrade = chain.snapshot();
    steps.add(Step.of(UPGRADE, sm.deliver(upgradeClient(clientId, upgraded, checksum))));
    assertThat(chain.snapshot()).as("a refused upgrade writes nothing").isEqualTo(beforeUpgrade);

    Measured<Message> stored2 =
        sm.deliver(storeCode(Bytes.wrapOwned(SoloMachineContractVmTest.anotherBuild()))).ok();
    steps.add(Step.of(STORE_CODE_2, stored2));
    Bytes checksum2 = checksumOf(stored2);
    assertThat(checksum2).isNotEqualTo(checksum);

    steps.add(Step.of(MIGRATE, sm.deliver(migrateContract(clientId, checksum2)).ok()));
    assertClient(chain, clientId, cs, checksum2, Status.ACTIVE);

    SoloMachineHeader onNewCode = CAROL.signHeader(cs, T0 + 80, CAROL.publicKey(), "substitute");
    steps.add(
        Step.of(
            UPDATE_MIGRATED,
            sm.deliver(updateClient(clientId, onNewCode.toClientMessageData())).ok()));
    cs = cs.afterHeader(onNewCode);
    assertClient(chain, clientId, cs, checksum2, Status.ACTIVE);

    return new Flow(List.copyOf(steps), chain.snapshot());
  }

  /**
   * The client as 02-client sees it (status through the contract) and as the contract stored it:
   * {@code clientState} = Any(wasm ClientState{data of {@code expected}, checksum, 0-sequence}) and
   * one consensus state, at {@code consensusStates/0-sequence}.
   */
  static void assertClient(
      WasmTestChain chain,
      String clientId,
      SoloMachineClientState expected,
      Bytes checksum,
      Status status) {
    assertThat(chain.clientKeeper().getClientStatus(chain.ctx(), clientId)).isEqualTo(status);
    KvStore store = chain.clientStore(clientId);
    SoloMachineVm.StoredClientState stored = SoloMachineVm.clientState(store);
    assertThat(stored.data().toUtf8()).isEqualTo(expected.toData().toUtf8());
    assertThat(stored.checksum()).isEqualTo(checksum);
    assertThat(stored.revisionNumber()).isZero();
    assertThat(stored.revisionHeight()).isEqualTo(expected.sequence());
    assertThat(chain.clientKeeper().getClientLatestHeight(chain.ctx(), clientId))
        .isEqualTo(Height.of(0, expected.sequence()));
    assertThat(
            SoloMachineVm.snapshot(store).keySet().stream()
                .map(Bytes::toUtf8)
                .filter(k -> k.startsWith("consensusStates/"))
                .toList())
        .containsExactly("consensusStates/0-" + expected.sequence());
    assertThat(SoloMachineVm.consensusStateData(store, expected.sequence()).toUtf8())
        .isEqualTo(expected.consensusState().toData().toUtf8());
  }

  // ---------------------------------------------------------------- tests

  @Test
  void flowOnBothEnginesWithIdenticalResultsGasAndStores() {
    Flow compiled = flow(engines.get(ExecutionMode.COMPILER));
    Flow interpreted = flow(engines.get(ExecutionMode.INTERPRETER));
    Flow again = flow(engines.get(ExecutionMode.COMPILER));

    assertThat(interpreted).as("interpreter equals compiler").isEqualTo(compiled);
    assertThat(again).as("a second run equals the first").isEqualTo(compiled);

    System.out.println("solo-machine client through 08-wasm and 02-client, gas per step:");
    gasTable(compiled).forEach(row -> System.out.println("  " + row));
  }

  @Test
  void flowAnswersCallsAndEvents() {
    Flow f = flow(engines.get(ExecutionMode.COMPILER));

    assertThat(f.step(CREATE).events())
        .contains(
            Event.of(
                "create_client",
                "client_id",
                "08-wasm-0",
                "client_type",
                "08-wasm",
                "consensus_height",
                "0-1"));
    assertThat(entryPoints(f.step(CREATE))).containsExactly("instantiate", "query status");
    assertThat(entryPoints(f.step(ROTATE)))
        .containsExactly(
            "query status",
            "query verify_client_message",
            "query check_for_misbehaviour",
            "sudo update_state");
    assertThat(f.step(ROTATE).events())
        .contains(
            Event.of(
                "update_client",
                "client_id",
                "08-wasm-0",
                "client_type",
                "08-wasm",
                "consensus_height",
                "0-2",
                "consensus_heights",
                "0-2"));
    assertThat(entryPoints(f.step(MEMBERSHIP)))
        .containsExactly("query status", "sudo verify_membership");
    assertThat(entryPoints(f.step(NON_MEMBERSHIP)))
        .containsExactly("query status", "sudo verify_non_membership");
    // the non-membership proof moved the consensus timestamp to its own (README: single-use)
    assertThat(f.step(TIMESTAMP).answer()).isEqualTo(Long.toString(T0 + 30));
    assertThat(entryPoints(f.step(MISBEHAVIOUR)))
        .containsExactly(
            "query status",
            "query verify_client_message",
            "query check_for_misbehaviour",
            "sudo update_state_on_misbehaviour");
    assertThat(f.step(MISBEHAVIOUR).events())
        .contains(
            Event.of("client_misbehaviour", "client_id", "08-wasm-0", "client_type", "08-wasm"));
    assertThat(f.step(STATUS_FROZEN).answer()).isEqualTo("Frozen");
    assertThat(entryPoints(f.step(RECOVER)))
        .containsExactly("query status", "query status", "sudo migrate_client_store");
    assertThat(f.step(RECOVER).events())
        .contains(
            Event.of("recover_client", "subject_client_id", "08-wasm-0", "client_type", "08-wasm"));
    assertThat(f.step(UPDATE_RECOVERED).events())
        .anySatisfy(e -> assertThat(e.attribute("consensus_heights")).contains("0-11"));
    assertThat(f.step(UPGRADE).errorCode())
        .isEqualTo(WasmErrorCode.WASM_CONTRACT_CALL_FAILED.code());
    assertThat(f.step(UPGRADE).error())
        .isEqualTo(
            "cannot upgrade client with ID 08-wasm-0: cannot upgrade solomachine client: not"
                + " supported: wasm contract call failed");
    assertThat(f.step(UPGRADE).events()).isEmpty();
    assertThat(entryPoints(f.step(MIGRATE))).containsExactly("migrate");
    assertThat(f.step(MIGRATE).events())
        .contains(
            Event.of(
                "migrate_contract",
                "client_id",
                "08-wasm-0",
                "wasm_checksum",
                SoloMachineContract.recordedSha256(),
                "new_checksum",
                sha256Hex(SoloMachineContractVmTest.anotherBuild())));
    assertThat(f.step(UPDATE_MIGRATED).events())
        .anySatisfy(e -> assertThat(e.attribute("consensus_heights")).contains("0-12"));
    assertThat(f.step(STORE_CODE).calls()).isEmpty();
  }

  /**
   * ibc-go 08-wasm's charges, derived by hand from its gas register: each contract call costs
   * {@code SetupContractCost} = 2 000 ("Loading CosmWasm module: …") plus {@code FromWasmVMGas(VM
   * gas + 140 000 × result bytes)} ("wasm contract", the result's JSON-deserialization charge is
   * added to the VM's gas before the division); MsgStoreCode costs cosmwasm-vm's compile cost, 3 ×
   * 140 000 VM gas per byte of code = 3 SDK gas per byte. Everything else a step consumes is the KV
   * store's gas.
   */
  @Test
  void sdkGasIsKvGasPlus08WasmCharges() {
    Flow f = flow(engines.get(ExecutionMode.COMPILER));
    int codeLength = SoloMachineContract.wasm().size();
    int otherBuildLength = SoloMachineContractVmTest.anotherBuild().length;

    for (Step step : f.steps()) {
      Map<String, Long> expected = new TreeMap<>();
      for (Recorded call : step.calls()) {
        String kind = call.entryPoint().split(" ")[0];
        expected.merge("Loading CosmWasm module: " + kind, 2_000L, Long::sum);
        expected.merge(
            "wasm contract", (call.vmGas() + 140_000L * call.resultBytes()) / 140_000, Long::sum);
      }
      if (step.name().equals(STORE_CODE)) {
        expected.put("wasm contract", 3L * codeLength);
      } else if (step.name().equals(STORE_CODE_2)) {
        expected.put("wasm contract", 3L * otherBuildLength);
      }
      Map<String, Long> charged = new TreeMap<>(step.gasByDescriptor());
      charged.keySet().removeAll(KV_DESCRIPTORS);
      assertThat(charged).as(step.name()).isEqualTo(expected);
      assertThat(step.kvGas()).as(step.name()).isPositive();
      assertThat(step.kvGas() + step.wasmGas()).isEqualTo(step.sdkGas());
    }
  }

  /**
   * The VM gas of a call through the module equals the gas of the same call made directly on the
   * engine ({@link SoloMachineContractVmTest#lifecycle}: the same env, payload JSON and client
   * states, since that lifecycle signs the same messages): 08-wasm adds nothing inside the VM. Its
   * first calls also equal the README's harness numbers (instantiate 19 604 225, query status 8 599
   * 555, update_state with a key rotation 61 722 570, migrate_client_store 22 545 765).
   */
  @Test
  void moduleCallsChargeWhatTheEngineCharges() {
    Flow f = flow(engines.get(ExecutionMode.COMPILER));
    SoloMachineContractVmTest.Trace direct;
    try (SoloMachineVm vm = new SoloMachineVm(ExecutionMode.COMPILER)) {
      direct = SoloMachineContractVmTest.lifecycle(vm);
    }
    Map<String, String[]> pairs = new LinkedHashMap<>();
    pairs.put("instantiate", new String[] {CREATE, "instantiate"});
    pairs.put("status", new String[] {CREATE, "query status"});
    pairs.put("verify_client_message", new String[] {ROTATE, "query verify_client_message"});
    pairs.put("check_for_misbehaviour", new String[] {ROTATE, "query check_for_misbehaviour"});
    pairs.put("update_state", new String[] {ROTATE, "sudo update_state"});
    pairs.put("verify_membership", new String[] {MEMBERSHIP, "sudo verify_membership"});
    pairs.put("verify_non_membership", new String[] {NON_MEMBERSHIP, "sudo verify_non_membership"});
    pairs.put(
        "verify_client_message (misbehaviour)",
        new String[] {MISBEHAVIOUR, "query verify_client_message"});
    pairs.put(
        "check_for_misbehaviour (misbehaviour)",
        new String[] {MISBEHAVIOUR, "query check_for_misbehaviour"});
    pairs.put(
        "update_state_on_misbehaviour",
        new String[] {MISBEHAVIOUR, "sudo update_state_on_misbehaviour"});
    pairs.put("status (frozen)", new String[] {STATUS_FROZEN, "query status"});
    pairs.put("instantiate (substitute)", new String[] {CREATE_SUBSTITUTE, "instantiate"});
    pairs.put("migrate_client_store", new String[] {RECOVER, "sudo migrate_client_store"});
    pairs.put("update_state (recovered)", new String[] {UPDATE_RECOVERED, "sudo update_state"});
    pairs.put("migrate", new String[] {MIGRATE, "migrate"});

    pairs.forEach(
        (directName, flowCall) -> {
          Recorded viaModule =
              f.step(flowCall[0]).calls().stream()
                  .filter(c -> c.entryPoint().equals(flowCall[1]))
                  .findFirst()
                  .orElseThrow();
          assertThat(viaModule.vmGas())
              .as("%s: %s", flowCall[0], flowCall[1])
              .isEqualTo(direct.call(directName).gasInternal());
          assertThat(viaModule.resultBytes())
              .as("%s: %s", flowCall[0], flowCall[1])
              .isEqualTo(direct.call(directName).result().length());
        });
    assertThat(f.step(CREATE).calls())
        .extracting(Recorded::vmGas)
        .containsExactly(19_604_225L, 8_599_555L);
    assertThat(f.step(ROTATE).calls().get(3).vmGas()).isEqualTo(61_722_570L);
    assertThat(f.step(RECOVER).calls().get(2).vmGas()).isEqualTo(22_545_765L);
  }

  /** The README's flow gas table is the one this test measures. */
  @Test
  void readmeGasTableMatchesTheMeasuredGas() throws IOException {
    List<String> lines =
        Files.readAllLines(SoloMachineContract.dir().resolve("README.md")).stream()
            .dropWhile(l -> !l.equals(README_BEGIN))
            .skip(1)
            .takeWhile(l -> !l.equals(README_END))
            .filter(l -> l.startsWith("|"))
            .toList();

    assertThat(lines)
        .as("README.md table between %s and %s", README_BEGIN, README_END)
        .containsExactlyElementsOf(gasTable(flow(engines.get(ExecutionMode.COMPILER))));
  }

  static List<String> entryPoints(Step step) {
    return step.calls().stream().map(Recorded::entryPoint).toList();
  }

  /**
   * The Markdown table of the README: step, contract calls with VM gas, VM gas, SDK gas split into
   * 08-wasm's charges and the KV store's, SDK gas.
   */
  static List<String> gasTable(Flow flow) {
    List<String> rows = new ArrayList<>();
    rows.add(
        "| step | contract calls (VM gas) | VM gas | SDK gas: 08-wasm | SDK gas: KV store | SDK gas |");
    rows.add("|---|---|---:|---:|---:|---:|");
    for (Step step : flow.steps()) {
      String calls =
          step.calls().isEmpty()
              ? "–"
              : step.calls().stream()
                  .map(c -> c.entryPoint() + " " + num(c.vmGas()))
                  .collect(Collectors.joining(", "));
      rows.add(
          "| "
              + step.name()
              + " | "
              + calls
              + " | "
              + num(step.vmGas())
              + " | "
              + num(step.wasmGas())
              + " | "
              + num(step.kvGas())
              + " | "
              + num(step.sdkGas())
              + " |");
    }
    return rows;
  }

  static String num(long n) {
    return String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
  }

  static String sha256Hex(byte[] data) {
    try {
      return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(data)).toHex();
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError(e);
    }
  }
}
