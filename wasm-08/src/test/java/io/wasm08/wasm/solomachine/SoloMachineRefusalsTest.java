package io.wasm08.wasm.solomachine;

import static io.wasm08.wasm.solomachine.SoloMachineChain.createClient;
import static io.wasm08.wasm.solomachine.SoloMachineChain.storeCode;
import static io.wasm08.wasm.solomachine.SoloMachineChain.updateClient;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.ALICE;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.BOB;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CAROL;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CONNECTION_END;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.CONNECTION_PATH;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.RECEIPT_PATH;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.T0;
import static io.wasm08.wasm.solomachine.SoloMachineContractVmTest.flipped;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.wasm.solomachine.SoloMachineChain.Measured;
import io.wasm08.wasm.testing.RecordingWasmEngine.Recorded;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refused call of the solo-machine client through 08-wasm — wrong key, bad signature, stale
 * sequence, frozen client — on a chain where the client is at sequence 2 (ALICE rotated to BOB,
 * diversifier "solo-2"), optionally frozen by misbehaviour first. Each fails with the contract's
 * error text wrapped by 08-wasm's {@code ErrWasmContractCallFailed} (code 14, {@code "<text>: wasm
 * contract call failed"}) — inside the tx-aborting panic where ibc-go panics (update_state) — and
 * leaves both stores byte for byte as they were; compiler and interpreter agree, gas included. The
 * error texts are the contract README's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SoloMachineRefusalsTest {
  static final String NOT_SIGNED_HEADER =
      "invalid signature: the header is not signed by the client's current public key";
  static final String NOT_SIGNED_MEMBERSHIP =
      "invalid signature: the membership proof is not signed by the client's current public key";
  static final String NOT_SIGNED_NON_MEMBERSHIP =
      "invalid signature: the non-membership proof is not signed by the client's current public"
          + " key";
  static final String STALE_PROOF =
      "stale sequence: the proof is for sequence 1, the client is at sequence 2";
  static final String FROZEN = "client is frozen";

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

  /** The client under test: 08-wasm-0 at sequence 2 with BOB's key, frozen or not. */
  record Client(SoloMachineChain sm, String id, SoloMachineClientState state) {
    /** 02-client's VerifyMembership (what 03-connection calls) of BOB's or another's proof. */
    Object verifyMembership(BlockContext ctx, long height, SoloMachineProof proof, Bytes value) {
      sm.chain()
          .clientKeeper()
          .verifyMembership(
              ctx,
              id,
              Height.of(0, height),
              0,
              0,
              proof.toProofBytes(),
              MerklePath.ofUtf8("ibc", CONNECTION_PATH),
              value);
      return null;
    }

    Object verifyNonMembership(BlockContext ctx, long height, SoloMachineProof proof) {
      sm.chain()
          .clientKeeper()
          .verifyNonMembership(
              ctx,
              id,
              Height.of(0, height),
              0,
              0,
              proof.toProofBytes(),
              MerklePath.ofUtf8("ibc", RECEIPT_PATH));
      return null;
    }
  }

  static Client client(ChicoryWasmEngine engine, boolean frozen) {
    SoloMachineChain sm = new SoloMachineChain(engine);
    Bytes checksum =
        SoloMachineChain.checksumOf(sm.deliver(storeCode(SoloMachineContract.wasm())).ok());
    SoloMachineClientState cs = ALICE.initialClientState("solo", T0);
    String id = SoloMachineChain.clientIdOf(sm.deliver(createClient(cs, checksum)).ok());
    SoloMachineHeader rotate = ALICE.signHeader(cs, T0 + 10, BOB.publicKey(), "solo-2");
    sm.deliver(updateClient(id, rotate.toClientMessageData())).ok();
    cs = cs.afterHeader(rotate);
    if (frozen) {
      sm.deliver(updateClient(id, misbehaviour(cs))).ok();
      assertThat(sm.chain().clientKeeper().getClientStatus(sm.chain().ctx(), id))
          .isEqualTo(Status.FROZEN);
    }
    return new Client(sm, id, cs);
  }

  static Bytes misbehaviour(SoloMachineClientState cs) {
    return new SoloMachineMisbehaviour(
            BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
            BOB.signHeader(cs, T0 + 41, BOB.publicKey(), "solo-2"))
        .toClientMessageData();
  }

  static SoloMachineHeader badlySigned(SoloMachineClientState cs) {
    SoloMachineHeader h = BOB.signHeader(cs, T0 + 20, BOB.publicKey(), "x");
    return new SoloMachineHeader(
        h.sequence(), h.timestamp(), h.newPublicKey(), h.newDiversifier(), flipped(h.signature()));
  }

  /** A refused operation on the client: run on a metered context, delivered Msgs included. */
  interface Refusal extends Function<Client, Function<BlockContext, Object>> {}

  static Refusal msgUpdateClient(Function<SoloMachineClientState, Bytes> clientMessage) {
    return c -> ctx -> c.sm().handle(ctx, updateClient(c.id(), clientMessage.apply(c.state())));
  }

  /**
   * name, whether the client is frozen first, the operation, the contract's error text, the error's
   * code and full message as the caller sees it.
   */
  static Stream<Arguments> refusals() {
    return Stream.of(
        contractError(
            "MsgUpdateClient: a header signed by a wrong key",
            false,
            msgUpdateClient(
                cs -> ALICE.signHeader(cs, T0 + 20, ALICE.publicKey(), "x").toClientMessageData()),
            NOT_SIGNED_HEADER),
        contractError(
            "MsgUpdateClient: a header with a bad signature",
            false,
            msgUpdateClient(cs -> badlySigned(cs).toClientMessageData()),
            NOT_SIGNED_HEADER),
        contractError(
            "MsgUpdateClient: a header for a stale sequence",
            false,
            msgUpdateClient(
                cs ->
                    BOB.signHeader(1, "solo-2", T0 + 20, BOB.publicKey(), "solo-2")
                        .toClientMessageData()),
            "stale sequence: the header is for sequence 1, the client is at sequence 2"),
        contractError(
            "MsgUpdateClient: misbehaviour whose header_2 is signed by a wrong key",
            false,
            msgUpdateClient(
                cs ->
                    new SoloMachineMisbehaviour(
                            BOB.signHeader(cs, T0 + 40, BOB.publicKey(), "solo-2"),
                            CAROL.signHeader(2, "solo-2", T0 + 41, BOB.publicKey(), "solo-2"))
                        .toClientMessageData()),
            "invalid signature: header_2 of the misbehaviour is not signed by the client's"
                + " current public key"),
        contractError(
            "VerifyMembership: a proof signed by a wrong key",
            false,
            c ->
                ctx ->
                    c.verifyMembership(
                        ctx,
                        2,
                        CAROL.signMembership(c.state(), T0 + 20, CONNECTION_PATH, CONNECTION_END),
                        CONNECTION_END),
            NOT_SIGNED_MEMBERSHIP),
        contractError(
            "VerifyMembership: a proof with a bad signature",
            false,
            c ->
                ctx -> {
                  SoloMachineProof p =
                      BOB.signMembership(c.state(), T0 + 20, CONNECTION_PATH, CONNECTION_END);
                  return c.verifyMembership(
                      ctx,
                      2,
                      new SoloMachineProof(p.timestamp(), flipped(p.signature())),
                      CONNECTION_END);
                },
            NOT_SIGNED_MEMBERSHIP),
        contractError(
            "VerifyMembership: a proof of another value",
            false,
            c ->
                ctx ->
                    c.verifyMembership(
                        ctx,
                        2,
                        BOB.signMembership(c.state(), T0 + 20, CONNECTION_PATH, CONNECTION_END),
                        Bytes.ofUtf8("another value")),
            NOT_SIGNED_MEMBERSHIP),
        contractError(
            "VerifyMembership: a proof for a stale sequence",
            false,
            c ->
                ctx ->
                    c.verifyMembership(
                        ctx,
                        1,
                        BOB.signMembership(c.state(), T0 + 20, CONNECTION_PATH, CONNECTION_END),
                        CONNECTION_END),
            STALE_PROOF),
        contractError(
            "VerifyNonMembership: a proof signed by a wrong key",
            false,
            c ->
                ctx ->
                    c.verifyNonMembership(
                        ctx, 2, CAROL.signNonMembership(c.state(), T0 + 20, RECEIPT_PATH)),
            NOT_SIGNED_NON_MEMBERSHIP),
        contractError(
            "VerifyNonMembership: a proof for a stale sequence",
            false,
            c ->
                ctx ->
                    c.verifyNonMembership(
                        ctx, 1, BOB.signNonMembership(c.state(), T0 + 20, RECEIPT_PATH)),
            STALE_PROOF),
        // A frozen client: 02-client refuses it before the contract (frozenClientIsNotActive), so
        // these are the light-client module's own calls, as 02-client would make them.
        contractError(
            "frozen: VerifyClientMessage of a header",
            true,
            c ->
                ctx -> {
                  c.sm()
                      .chain()
                      .module()
                      .verifyClientMessage(
                          ctx,
                          c.id(),
                          new WasmClientMessage(
                              BOB.signHeader(c.state(), T0 + 50, BOB.publicKey(), "solo-2")
                                  .toClientMessageData()));
                  return null;
                },
            FROZEN),
        refusal(
            "frozen: UpdateState with a header (ibc-go panics: the tx aborts)",
            true,
            c ->
                ctx ->
                    c.sm()
                        .chain()
                        .module()
                        .updateState(
                            ctx,
                            c.id(),
                            new WasmClientMessage(
                                BOB.signHeader(c.state(), T0 + 50, BOB.publicKey(), "solo-2")
                                    .toClientMessageData())),
            FROZEN,
            SdkErrorCode.PANIC,
            "recovered: " + FROZEN + ": wasm contract call failed: panic"),
        contractError(
            "frozen: VerifyMembership",
            true,
            c ->
                ctx -> {
                  c.sm()
                      .chain()
                      .module()
                      .verifyMembership(
                          ctx,
                          c.id(),
                          Height.of(0, 2),
                          0,
                          0,
                          BOB.signMembership(c.state(), T0 + 50, CONNECTION_PATH, CONNECTION_END)
                              .toProofBytes(),
                          MerklePath.ofUtf8("ibc", CONNECTION_PATH),
                          CONNECTION_END);
                  return null;
                },
            FROZEN),
        contractError(
            "frozen: VerifyNonMembership",
            true,
            c ->
                ctx -> {
                  c.sm()
                      .chain()
                      .module()
                      .verifyNonMembership(
                          ctx,
                          c.id(),
                          Height.of(0, 2),
                          0,
                          0,
                          BOB.signNonMembership(c.state(), T0 + 50, RECEIPT_PATH).toProofBytes(),
                          MerklePath.ofUtf8("ibc", RECEIPT_PATH));
                  return null;
                },
            FROZEN));
  }

  /** The contract's error as 08-wasm renders it, unwrapped: code 14, "text: wasm contract…". */
  static Arguments contractError(String name, boolean frozen, Refusal refusal, String text) {
    return refusal(
        name,
        frozen,
        refusal,
        text,
        WasmErrorCode.WASM_CONTRACT_CALL_FAILED,
        text + ": wasm contract call failed");
  }

  static Arguments refusal(
      String name, boolean frozen, Refusal refusal, String text, ErrorCode code, String message) {
    return Arguments.of(name, frozen, refusal, text, code, message);
  }

  /** What a refused call did: the error, the code-14 error inside it, gas, calls, writes. */
  record Outcome(
      String message,
      int code,
      String codespace,
      String contractCallFailed,
      long sdkGas,
      List<Recorded> calls,
      boolean storesUnchanged,
      boolean noEvents) {}

  static Outcome outcome(ChicoryWasmEngine engine, boolean frozen, Refusal refusal) {
    Client client = client(engine, frozen);
    Map<String, Bytes> before = client.sm().chain().snapshot();
    Measured<Object> m = client.sm().measure(refusal.apply(client));
    assertThat(m.error()).as("the call must fail").isNotNull();
    return new Outcome(
        m.error().getMessage(),
        m.error().code(),
        m.error().errorCode().codespace(),
        contractCallFailed(m.error()),
        m.sdkGas(),
        m.calls(),
        client.sm().chain().snapshot().equals(before),
        m.events().isEmpty());
  }

  /** The message of the 08-wasm code-14 error in {@code e}'s cause chain, or null. */
  static String contractCallFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof Wasm08Exception w
          && w.errorCode() == WasmErrorCode.WASM_CONTRACT_CALL_FAILED) {
        return w.getMessage();
      }
    }
    return null;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refusals")
  void refusedWithTheContractsErrorThroughCode14AndNothingWritten(
      String name, boolean frozen, Refusal refusal, String text, ErrorCode code, String message) {
    Outcome compiled = outcome(engines.get(ExecutionMode.COMPILER), frozen, refusal);
    Outcome interpreted = outcome(engines.get(ExecutionMode.INTERPRETER), frozen, refusal);

    assertThat(compiled.contractCallFailed())
        .as("08-wasm's ErrWasmContractCallFailed (08-wasm/14) carrying the contract's text")
        .isEqualTo(text + ": wasm contract call failed");
    assertThat(WasmErrorCode.WASM_CONTRACT_CALL_FAILED.codespace()).isEqualTo("08-wasm");
    assertThat(WasmErrorCode.WASM_CONTRACT_CALL_FAILED.code()).isEqualTo(14);
    assertThat(compiled.message()).isEqualTo(message);
    assertThat(compiled.code()).isEqualTo(code.code());
    assertThat(compiled.codespace()).isEqualTo(code.codespace());
    assertThat(compiled.storesUnchanged()).as("both stores byte for byte unchanged").isTrue();
    assertThat(compiled.noEvents()).as("no events").isTrue();
    assertThat(interpreted).as("interpreter equals compiler, gas included").isEqualTo(compiled);
    System.out.printf(
        "refused: %-75s SDK gas %8s  VM gas %s%n",
        name,
        SoloMachineFlowTest.num(compiled.sdkGas()),
        compiled.calls().stream()
            .map(c -> c.entryPoint() + " " + SoloMachineFlowTest.num(c.vmGas()))
            .toList());
  }

  /** 02-client refuses a frozen client before any contract call but status (ErrClientNotActive). */
  static Stream<Arguments> frozenThroughClient02() {
    return Stream.of(
        Arguments.of(
            "MsgUpdateClient",
            (Refusal)
                msgUpdateClient(
                    cs ->
                        BOB.signHeader(cs, T0 + 50, BOB.publicKey(), "solo-2")
                            .toClientMessageData()),
            "cannot update client (08-wasm-0) with status Frozen"),
        Arguments.of(
            "VerifyMembership",
            (Refusal)
                c ->
                    ctx ->
                        c.verifyMembership(
                            ctx,
                            2,
                            BOB.signMembership(c.state(), T0 + 50, CONNECTION_PATH, CONNECTION_END),
                            CONNECTION_END),
            "cannot call verify membership on client (08-wasm-0) with status Frozen"),
        Arguments.of(
            "VerifyNonMembership",
            (Refusal)
                c ->
                    ctx ->
                        c.verifyNonMembership(
                            ctx, 2, BOB.signNonMembership(c.state(), T0 + 50, RECEIPT_PATH)),
            "cannot call verify non membership on client (08-wasm-0) with status Frozen"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("frozenThroughClient02")
  void frozenClientIsNotActiveFor02Client(String name, Refusal refusal, String detail) {
    Outcome compiled = outcome(engines.get(ExecutionMode.COMPILER), true, refusal);

    assertThat(compiled.message()).isEqualTo(detail + ": client state is not active");
    assertThat(compiled.code()).isEqualTo(ClientErrorCode.CLIENT_NOT_ACTIVE.code());
    assertThat(compiled.calls()).extracting(Recorded::entryPoint).containsExactly("query status");
    assertThat(compiled.storesUnchanged()).isTrue();
    assertThat(outcome(engines.get(ExecutionMode.INTERPRETER), true, refusal)).isEqualTo(compiled);
  }
}
