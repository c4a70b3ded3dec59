package io.wasm08.wasm.querier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The BLS custom querier against the Ethereum consensus-spec vector {@code
 * fast_aggregate_verify_valid_3d7576f3c0e3570a} (three public keys, message {@code 0xab × 32}), its
 * tampered and extra-key variants, the error cases of ibc-go's {@code blsverifier}, and the
 * metering this host adds.
 */
class BlsCustomQuerierTest {
  static final List<String> PUBKEYS =
      List.of(
          "a491d1b0ecd9bb917989f0e74f0dea0422eac4a873e5e2644f368dffb9a6e20fd6e10c1b77654d067c0618f6e5a7f79a",
          "b301803f8b5ac4a1133581fc676dfedc60d891dd5fa99028805e5ea5b08d3491af75d0707adab3b70c6a6a580217bf81",
          "b53d21a4cfd562c469cc81514d4ce5a6b577d8403d32a394dc265dd190b47fa9f829fdd7963afdf972e5e77854051f6f");
  static final String MESSAGE = "ab".repeat(32);
  static final String SIGNATURE =
      "9712c3edd73a209c742b8250759db12549b3eaf43b5ca61376d9f30e2747dbcf842d8b2ac0901d2a093713e20284a767"
          + "0fcf6954e9ab93de991bb9b313e664785a075fc285806fa5224c82bde146561b446ccfc706a64b8579513cfc4ff1d930";

  final BlsCustomQuerier querier =
      new BlsCustomQuerier(new DefaultCosmWasmCrypto(), BlsCustomQuerier.BlsQueryCosts.COSMWASM);

  static String b64(String hex) {
    return Bytes.fromHex(hex).toBase64();
  }

  static Bytes aggregateVerify(List<String> keys, String message, String signature) {
    StringBuilder sb = new StringBuilder("{\"aggregate_verify\":{\"public_keys\":[");
    for (int i = 0; i < keys.size(); i++) {
      sb.append(i > 0 ? "," : "").append('"').append(b64(keys.get(i))).append('"');
    }
    sb.append("],\"message\":\"")
        .append(b64(message))
        .append("\",\"signature\":\"")
        .append(b64(signature))
        .append("\"}}");
    return Bytes.ofUtf8(sb.toString());
  }

  BasicGasMeter meter() {
    return new BasicGasMeter(1_000_000);
  }

  @Test
  void ethereumFastAggregateVerifyVector() {
    assertThat(querier.query(meter(), aggregateVerify(PUBKEYS, MESSAGE, SIGNATURE)).toUtf8())
        .isEqualTo("true");
    // the consensus-spec "extra pubkey" case
    List<String> extra = List.of(PUBKEYS.get(0), PUBKEYS.get(1), PUBKEYS.get(2), PUBKEYS.get(2));
    assertThat(querier.query(meter(), aggregateVerify(extra, MESSAGE, SIGNATURE)).toUtf8())
        .isEqualTo("false");
    // another message
    assertThat(
            querier.query(meter(), aggregateVerify(PUBKEYS, "56".repeat(32), SIGNATURE)).toUtf8())
        .isEqualTo("false");
  }

  @Test
  void aggregateMatchesSingleKeyVerification() {
    StringBuilder sb = new StringBuilder("{\"aggregate\":{\"public_keys\":[");
    for (int i = 0; i < PUBKEYS.size(); i++) {
      sb.append(i > 0 ? "," : "").append('"').append(b64(PUBKEYS.get(i))).append('"');
    }
    Bytes answer = querier.query(meter(), Bytes.ofUtf8(sb.append("]}}").toString()));
    // a JSON string holding base64 of the 48-byte compressed aggregate
    String json = answer.toUtf8();
    assertThat(json).startsWith("\"").endsWith("\"");
    Bytes aggregate = Bytes.fromBase64(json.substring(1, json.length() - 1));
    assertThat(aggregate.size()).isEqualTo(48);
    // the aggregate key alone verifies the aggregate signature
    assertThat(
            querier
                .query(meter(), aggregateVerify(List.of(aggregate.toHex()), MESSAGE, SIGNATURE))
                .toUtf8())
        .isEqualTo("true");
  }

  @Test
  void errorsAreIbcGosPlainErrors() {
    assertThatThrownBy(() -> querier.query(meter(), aggregateVerify(PUBKEYS, "abab", SIGNATURE)))
        .isInstanceOf(IbcException.class)
        .hasMessage("invalid message length (2), must be a 32 bytes hash: abab");
    // the tampered consensus-spec signature is not a G2 point
    String tampered = SIGNATURE.substring(0, SIGNATURE.length() - 8) + "ffffffff";
    assertThatThrownBy(() -> querier.query(meter(), aggregateVerify(PUBKEYS, MESSAGE, tampered)))
        .isInstanceOf(IbcException.class);
    assertThatThrownBy(() -> querier.query(meter(), aggregateVerify(List.of(), MESSAGE, SIGNATURE)))
        .hasMessageContaining("failed to aggregate public keys");
    String identity = "c0" + "00".repeat(47);
    assertThatThrownBy(
            () -> querier.query(meter(), aggregateVerify(List.of(identity), MESSAGE, SIGNATURE)))
        .hasMessage("failed to aggregate public keys publickey is infinite");
    assertThatThrownBy(() -> querier.query(meter(), Bytes.ofUtf8("{\"other\":{}}")))
        .hasMessageStartingWith("unknown custom query [");
    assertThatThrownBy(() -> querier.query(meter(), Bytes.ofUtf8("{")))
        .hasMessage("failed to parse custom query unexpected end of JSON input");
    IbcException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            IbcException.class, () -> querier.query(meter(), Bytes.ofUtf8("{\"other\":{}}")));
    assertThat(QuerierResults.failure(e).toUtf8())
        .isEqualTo("{\"ok\":{\"error\":\"codespace: undefined, code: 1\"}}");
  }

  /**
   * Metering: aggregate = 68e6 + 12e6 per key; aggregate_verify adds hash-to-G2 871e6 and a
   * one-pair pairing 2112e6 + 163e6 (cosmwasm-vm 3 GasConfig), in CosmWasm gas, / 140 000 SDK gas.
   */
  @Test
  void chargesTheCosmWasmCostsOfTheEquivalentHostFunctions() {
    BasicGasMeter m = meter();
    querier.query(m, aggregateVerify(PUBKEYS, MESSAGE, SIGNATURE));
    long vm = 68_000_000L + 3 * 12_000_000L + 871_000_000L + 2_112_000_000L + 163_000_000L;
    assertThat(m.gasConsumed()).isEqualTo(vm / 140_000);
    BasicGasMeter tiny = new BasicGasMeter(100);
    assertThatThrownBy(() -> querier.query(tiny, aggregateVerify(PUBKEYS, MESSAGE, SIGNATURE)))
        .isInstanceOf(OutOfGasException.class);
  }
}
