package io.wasm08.node.tx;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.tx.DirectSigning;
import io.wasm08.core.tx.SignedTx;
import io.wasm08.core.tx.TxBuilder;
import io.wasm08.core.tx.TxSigner;
import io.wasm08.node.chain.Node;
import io.wasm08.node.testing.ProbeModule;
import io.wasm08.node.testing.TestChain;
import java.math.BigInteger;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import wasm08.testing.node.v1.ProbeProto.MsgProbe;

/**
 * The tx pipeline end to end on an in-memory node: CheckTx answers and committed results, with the
 * SDK's codes and texts for each ante failure, replay and chain-id binding, gas, and atomicity of
 * failed messages. Expected texts are the SDK v0.50 format strings filled in by hand.
 */
class TxPipelineTest {
  static final Secp256k1PrivateKey ALICE = TestChain.key(0);
  static final String ALICE_ADDR = TestChain.address(0);
  ProbeModule probe;
  Node node;

  @BeforeEach
  void start() {
    probe = new ProbeModule();
    node = TestChain.start(probe, 2);
    node.produceBlock();
  }

  @AfterEach
  void stop() {
    node.close();
  }

  static MsgProbe probe(String key) {
    return MsgProbe.newBuilder().setSigner(ALICE_ADDR).setKey(key).setValue("v-" + key).build();
  }

  static SignedTx sign(TxBuilder b, Secp256k1PrivateKey key, long accNum, long seq, String chain) {
    return b.sign(chain, new TxSigner(key, accNum, seq));
  }

  static TxBuilder builder(MsgProbe msg) {
    return TxBuilder.create().addMessage(msg).fee(200_000);
  }

  TxResponse deliver(Bytes tx) {
    TxResponse checked = node.broadcastSync(tx);
    if (checked.getCode() != 0) {
      return checked;
    }
    node.produceBlock();
    return node.blockStore().tx(Bytes.fromHex(checked.getTxhash())).orElseThrow();
  }

  String committed(String key) {
    return ProbeModule.read(node.app().queryContext(), key);
  }

  @Test
  void validTxIsCommittedWithEventsAndResponse() {
    SignedTx tx = sign(builder(probe("a")), ALICE, 0, 0, TestChain.CHAIN_ID);
    TxResponse r = deliver(tx.txBytes());
    assertThat(r.getCode()).isZero();
    assertThat(r.getHeight()).isEqualTo(2);
    assertThat(r.getTxhash()).isEqualTo(tx.hash());
    assertThat(r.getGasUsed()).isPositive().isLessThanOrEqualTo(r.getGasWanted());
    assertThat(r.getGasWanted()).isEqualTo(200_000);
    assertThat(r.getEventsList())
        .extracting(e -> e.getType())
        .containsExactly("tx", "tx", "tx", "message", "probe");
    assertThat(r.getEvents(1).getAttributes(0).getValue()).isEqualTo(ALICE_ADDR + "/0");
    assertThat(r.getEvents(3).getAttributesList())
        .extracting(a -> a.getKey() + "=" + a.getValue())
        .containsExactly("action=/wasm08.testing.node.v1.MsgProbe", "sender=" + ALICE_ADDR);
    assertThat(r.getTimestamp()).isEqualTo("2026-01-01T00:01:00Z");
    assertThat(committed("a")).isEqualTo("v-a");
    assertThat(probe.beginBlocks).containsExactly(1L, 2L);
    assertThat(probe.endBlocks).containsExactly(1L, 2L);
  }

  @Test
  void replayedTxIsRejectedBySequence() {
    SignedTx tx = sign(builder(probe("a")), ALICE, 0, 0, TestChain.CHAIN_ID);
    assertThat(deliver(tx.txBytes()).getCode()).isZero();
    TxResponse replay = node.broadcastSync(tx.txBytes());
    assertThat(replay.getCodespace()).isEqualTo("sdk");
    assertThat(replay.getCode()).isEqualTo(32);
    assertThat(replay.getRawLog())
        .isEqualTo("account sequence mismatch, expected 1, got 0: incorrect account sequence");
  }

  @Test
  void duplicateInMempoolIsErrTxInMempoolCache() {
    SignedTx tx = sign(builder(probe("a")), ALICE, 0, 0, TestChain.CHAIN_ID);
    assertThat(node.broadcastSync(tx.txBytes()).getCode()).isZero();
    TxResponse again = node.broadcastSync(tx.txBytes());
    assertThat(again.getCode()).isEqualTo(19);
    assertThat(again.getRawLog()).isEqualTo("tx already in mempool");
  }

  @Test
  void otherChainIdIsRejected() {
    SignedTx tx = sign(builder(probe("a")), ALICE, 0, 0, "other-chain");
    TxResponse r = node.broadcastSync(tx.txBytes());
    assertThat(r.getCode()).isEqualTo(4);
    assertThat(r.getRawLog())
        .isEqualTo(
            "signature verification failed; please verify account number (0) and chain-id"
                + " (wasm08-test): (unable to verify single signer signature): unauthorized");
  }

  /** secp256k1 group order (SEC 2 §2.4.1), to flip S to its high twin. */
  static final BigInteger N =
      new BigInteger("FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEBAAEDCE6AF48A03BBFD25E8CD0364141", 16);

  static Bytes highS(SignedTx tx) {
    byte[] sig = tx.signatures().get(0).toByteArray();
    BigInteger s = new BigInteger(1, java.util.Arrays.copyOfRange(sig, 32, 64));
    byte[] high = N.subtract(s).toByteArray();
    byte[] out = sig.clone();
    java.util.Arrays.fill(out, 32, 64, (byte) 0);
    System.arraycopy(
        high,
        high.length - 32 > 0 ? high.length - 32 : 0,
        out,
        64 - Math.min(32, high.length),
        Math.min(32, high.length));
    return new SignedTx(tx.bodyBytes(), tx.authInfoBytes(), List.of(Bytes.wrapOwned(out)))
        .txBytes();
  }

  static Bytes withRaw(SignedTx tx, Function<TxRaw.Builder, TxRaw.Builder> f) {
    return Bytes.wrapOwned(f.apply(tx.toTxRaw().toBuilder()).build().toByteArray());
  }

  /** Re-signs a body that carries an extra raw field {@code number} (a varint 1). */
  static Bytes bodyWithUnknownField(int number) {
    TxBuilder b = builder(probe("u"));
    TxBody body = b.body();
    byte[] extra =
        body.toBuilder()
            .setUnknownFields(
                com.google.protobuf.UnknownFieldSet.newBuilder()
                    .addField(
                        number,
                        com.google.protobuf.UnknownFieldSet.Field.newBuilder().addVarint(1).build())
                    .build())
            .build()
            .toByteArray();
    Bytes bodyBytes = Bytes.wrapOwned(extra);
    AuthInfo auth = b.authInfo(List.of(TxBuilder.directSignerInfo(ALICE.publicKey(), 0)));
    Bytes authBytes = Bytes.wrapOwned(auth.toByteArray());
    Bytes sig = DirectSigning.sign(ALICE, bodyBytes, authBytes, TestChain.CHAIN_ID, 0);
    return new SignedTx(bodyBytes, authBytes, List.of(sig)).txBytes();
  }

  static Stream<Arguments> rejected() {
    SignedTx ok = sign(builder(probe("a")), ALICE, 0, 0, TestChain.CHAIN_ID);
    return Stream.of(
        Arguments.of(
            "high-S signature",
            highS(ok),
            4,
            "signature verification failed; please verify account number (0) and chain-id"
                + " (wasm08-test): (unable to verify single signer signature): unauthorized"),
        Arguments.of(
            "wrong account number",
            sign(builder(probe("a")), ALICE, 7, 0, TestChain.CHAIN_ID).txBytes(),
            4,
            "signature verification failed; please verify account number (0) and chain-id"
                + " (wasm08-test): (unable to verify single signer signature): unauthorized"),
        Arguments.of(
            "future sequence",
            sign(builder(probe("a")), ALICE, 0, 5, TestChain.CHAIN_ID).txBytes(),
            32,
            "account sequence mismatch, expected 0, got 5: incorrect account sequence"),
        Arguments.of(
            "signer key of someone else",
            sign(builder(probe("a")), TestChain.key(1), 0, 0, TestChain.CHAIN_ID).txBytes(),
            8,
            "pubKey does not match signer address "
                + ALICE_ADDR
                + " with signer index: 0: invalid pubkey"),
        Arguments.of(
            "unknown signer account",
            sign(
                    TxBuilder.create()
                        .addMessage(
                            MsgProbe.newBuilder()
                                .setSigner(TestChain.address(5))
                                .setKey("k")
                                .build())
                        .fee(200_000),
                    TestChain.key(5),
                    0,
                    0,
                    TestChain.CHAIN_ID)
                .txBytes(),
            9,
            "fee payer address: " + TestChain.address(5) + " does not exist: unknown address"),
        Arguments.of(
            "no signatures", withRaw(ok, b -> b.clearSignatures()), 15, "no signatures supplied"),
        Arguments.of(
            "critical unknown field in body",
            bodyWithUnknownField(20),
            2,
            "errUnknownField \"cosmos.tx.v1beta1.TxBody\": {TagNum: 20, WireType:\"varint\"}: tx parse error"),
        Arguments.of(
            "unknown field in TxRaw",
            ok.txBytes().concat(Bytes.fromHex("2200")),
            2,
            "errUnknownField \"cosmos.tx.v1beta1.TxRaw\": {TagNum: 4, WireType:\"bytes\"}: tx parse error"),
        Arguments.of(
            "TxRaw fields out of order",
            Bytes.fromHex("1200").concat(Bytes.fromHex("0a00")),
            2,
            "txRaw must follow ADR-027, got tagNum 1 after tagNum 2: tx parse error"),
        Arguments.of(
            "garbage", Bytes.fromHex("0fff"), 2, "expected 2 wire type, got 7: tx parse error"),
        Arguments.of(
            "memo too long",
            sign(builder(probe("a")).memo("m".repeat(257)), ALICE, 0, 0, TestChain.CHAIN_ID)
                .txBytes(),
            12,
            "maximum number of characters is 256 but received 257 characters: memo too large"),
        Arguments.of(
            "no messages",
            sign(TxBuilder.create().fee(200_000), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes(),
            18,
            "must contain at least one message: invalid request"),
        Arguments.of(
            "ValidateBasic of the message",
            sign(
                    builder(MsgProbe.newBuilder().setSigner(ALICE_ADDR).build()),
                    ALICE,
                    0,
                    0,
                    TestChain.CHAIN_ID)
                .txBytes(),
            18,
            "probe key must not be empty: invalid request"),
        Arguments.of(
            "gas limit below the tx size cost",
            sign(builder(probe("a")).fee(100), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes(),
            11,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rejected")
  void checkTxRejects(String name, Bytes tx, int code, String log) {
    TxResponse r = node.broadcastSync(tx);
    assertThat(r.getCode()).as(r.getRawLog()).isEqualTo(code);
    if (log != null) {
      assertThat(r.getRawLog()).isEqualTo(log);
    } else {
      // The first metered access is ConsumeTxSizeGas reading the auth params: gaskv charges
      // ReadCostFlat (1000) before anything else, past the limit of 100.
      assertThat(r.getRawLog())
          .isEqualTo("out of gas in location: ReadFlat; gasWanted: 100, gasUsed: 1000: out of gas");
    }
    assertThat(node.mempool().size()).isZero();
  }

  @Test
  void timeoutHeightIsCheckedAgainstTheBlock() {
    // CheckTx runs at the last committed height (1), the block at height 2.
    TxResponse r =
        deliver(
            sign(builder(probe("t")).timeoutHeight(1), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes());
    assertThat(r.getCode()).isEqualTo(30);
    assertThat(r.getRawLog()).isEqualTo("block height: 2, timeout height: 1: tx timeout height");
    assertThat(r.getHeight()).isEqualTo(2);
    assertThat(committed("t")).isNull();
  }

  @Test
  void nonCriticalUnknownFieldInBodyIsAccepted() {
    assertThat(node.broadcastSync(bodyWithUnknownField(1025)).getCode()).isZero();
  }

  @Test
  void failingMessageWritesNothingButTheSequenceAdvances() {
    MsgProbe failing = probe("f").toBuilder().setFail(true).build();
    TxResponse r = deliver(sign(builder(failing), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes());
    assertThat(r.getCode()).isEqualTo(18);
    assertThat(r.getRawLog())
        .isEqualTo(
            "failed to execute message; message index: 0: probe asked to fail: invalid request");
    assertThat(committed("f")).isNull();
    // The ante handler's effects stay: the next tx must use sequence 1.
    assertThat(
            deliver(sign(builder(probe("g")), ALICE, 0, 1, TestChain.CHAIN_ID).txBytes()).getCode())
        .isZero();
    assertThat(committed("g")).isEqualTo("v-g");
  }

  @Test
  void outOfGasInAMessageWritesNothing() {
    MsgProbe burner = probe("b").toBuilder().setBurnGas(1_000_000).build();
    TxResponse r = deliver(sign(builder(burner), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes());
    assertThat(r.getCode()).isEqualTo(11);
    assertThat(r.getRawLog())
        .matches(
            "out of gas in location: probe burn; gasWanted: 200000, gasUsed: \\d+: out of gas");
    assertThat(r.getGasUsed()).isGreaterThan(200_000);
    assertThat(committed("b")).isNull();
  }

  @Test
  void twoTxsOfOneAccountInOneBlock() {
    assertThat(
            node.broadcastSync(sign(builder(probe("x")), ALICE, 0, 0, TestChain.CHAIN_ID).txBytes())
                .getCode())
        .isZero();
    // CheckTx state advanced the sequence, so the next one is admitted too.
    assertThat(
            node.broadcastSync(sign(builder(probe("y")), ALICE, 0, 1, TestChain.CHAIN_ID).txBytes())
                .getCode())
        .isZero();
    var block = node.produceBlock();
    assertThat(block.getTxsCount()).isEqualTo(2);
    assertThat(committed("x")).isEqualTo("v-x");
    assertThat(committed("y")).isEqualTo("v-y");
    assertThat(node.mempool().size()).isZero();
  }

  @Test
  void simulateSkipsSignaturesAndReportsGas() {
    TxBuilder b = builder(probe("s"));
    AuthInfo auth = b.authInfo(List.of(TxBuilder.directSignerInfo(ALICE.publicKey(), 0)));
    Bytes tx =
        Bytes.wrapOwned(
            TxRaw.newBuilder()
                .setBodyBytes(b.body().toByteString())
                .setAuthInfoBytes(auth.toByteString())
                .addSignatures(ByteString.EMPTY)
                .build()
                .toByteArray());
    TxRunner.Outcome sim = node.app().simulate(tx);
    assertThat(sim.result().isOk()).as(sim.result().log()).isTrue();
    // The missing signature is charged as 112 amino bytes at 10 gas per byte on top of the size.
    SignedTx signed = sign(b, ALICE, 0, 0, TestChain.CHAIN_ID);
    TxResponse real = deliver(signed.txBytes());
    assertThat(sim.result().gasUsed() - real.getGasUsed())
        .isEqualTo(10L * (112 - (signed.txBytes().size() - tx.size())));
    assertThat(committed("s")).isEqualTo("v-s");
    assertThat(sim.result().msgResponses()).hasSize(1);
    assertThat(AnyCodec.typeUrl(MsgProbe.getDefaultInstance()))
        .isEqualTo("/wasm08.testing.node.v1.MsgProbe");
  }
}
