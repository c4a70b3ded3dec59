package io.wasm08.wasm.solomachine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.errors.ClientErrorCode;
import java.util.Base64;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The JSON data blobs, compared with the layouts of examples/solo-machine-client/README.md written
 * out by hand: field order as listed, no whitespace, u64 as unsigned numbers, bytes as padded
 * standard base64.
 */
class SoloMachineDataTest {
  static final Bytes KEY_1 = Bytes.wrapOwned(SoloMachineSignerTest.filled(1));
  static final Bytes KEY_2 = Bytes.wrapOwned(SoloMachineSignerTest.filled(2));
  static final Bytes SIG = Bytes.wrapOwned(new byte[64]);
  static final String B64_KEY_1 = Base64.getEncoder().encodeToString(KEY_1.toByteArray());
  static final String B64_KEY_2 = Base64.getEncoder().encodeToString(KEY_2.toByteArray());
  static final String B64_SIG = Base64.getEncoder().encodeToString(new byte[64]);
  static final long T0 = 1_700_000_000_000_000_000L;

  @Test
  void base64IsPaddedStandard() {
    // 32 bytes of 0x01: ten "AQEB" quanta, then "AQE=" for the last two bytes
    assertThat(B64_KEY_1).isEqualTo("AQEB".repeat(10) + "AQE=");
  }

  @Test
  void consensusAndClientStateData() {
    SoloMachineConsensusState consensus = new SoloMachineConsensusState(KEY_1, "solo", T0);
    SoloMachineClientState client = new SoloMachineClientState(3, false, consensus);
    String consensusJson =
        "{\"public_key\":\"" + B64_KEY_1 + "\",\"diversifier\":\"solo\",\"timestamp\":" + T0 + "}";

    assertThat(consensus.toData().toUtf8()).isEqualTo(consensusJson);
    assertThat(client.toData().toUtf8())
        .isEqualTo(
            "{\"sequence\":3,\"is_frozen\":false,\"consensus_state\":" + consensusJson + "}");
    assertThat(client.frozen().toData().toUtf8()).contains("\"is_frozen\":true");
    assertThat(client.latestHeight()).isEqualTo(3);
  }

  @Test
  void u64ValuesAreWrittenUnsigned() {
    SoloMachineClientState client =
        new SoloMachineClientState(-1L, false, new SoloMachineConsensusState(KEY_1, "", -2L));

    assertThat(client.toData().toUtf8())
        .startsWith("{\"sequence\":18446744073709551615,")
        .endsWith("\"timestamp\":18446744073709551614}}");
  }

  @Test
  void quotesAndBackslashesInDiversifiersAreEscaped() {
    SoloMachineConsensusState consensus = new SoloMachineConsensusState(KEY_1, "a\"b\\c", T0);

    assertThat(consensus.toData().toUtf8()).contains("\"diversifier\":\"a\\\"b\\\\c\"");
  }

  @Test
  void headerMisbehaviourAndProofData() {
    SoloMachineHeader h1 = new SoloMachineHeader(4, T0, KEY_2, "next", SIG);
    SoloMachineHeader h2 = new SoloMachineHeader(4, T0 + 1, KEY_2, "next", SIG);
    String h1Json =
        "{\"sequence\":4,\"timestamp\":"
            + T0
            + ",\"new_public_key\":\""
            + B64_KEY_2
            + "\",\"new_diversifier\":\"next\",\"signature\":\""
            + B64_SIG
            + "\"}";
    String h2Json = h1Json.replace(String.valueOf(T0), String.valueOf(T0 + 1));

    assertThat(h1.toClientMessageData().toUtf8()).isEqualTo("{\"header\":" + h1Json + "}");
    assertThat(new SoloMachineMisbehaviour(h1, h2).toClientMessageData().toUtf8())
        .isEqualTo("{\"misbehaviour\":{\"header_1\":" + h1Json + ",\"header_2\":" + h2Json + "}}");
    assertThat(new SoloMachineProof(T0, SIG).toProofBytes().toUtf8())
        .isEqualTo("{\"timestamp\":" + T0 + ",\"signature\":\"" + B64_SIG + "\"}");
  }

  @Test
  void successorStatesFollowTheContract() {
    SoloMachineClientState client =
        new SoloMachineClientState(3, false, new SoloMachineConsensusState(KEY_1, "solo", T0));
    SoloMachineHeader header = new SoloMachineHeader(3, T0 + 9, KEY_2, "next", SIG);

    assertThat(client.afterHeader(header))
        .isEqualTo(
            new SoloMachineClientState(
                4, false, new SoloMachineConsensusState(KEY_2, "next", T0 + 9)));
    assertThat(client.afterProof(new SoloMachineProof(T0 + 5, SIG)))
        .isEqualTo(
            new SoloMachineClientState(
                4, false, new SoloMachineConsensusState(KEY_1, "solo", T0 + 5)));
    assertThat(client.frozen().isFrozen()).isTrue();
  }

  static Stream<Arguments> invalid() {
    SoloMachineConsensusState cons = new SoloMachineConsensusState(KEY_1, "solo", T0);
    SoloMachineClientState client = new SoloMachineClientState(3, false, cons);
    SoloMachineHeader h = new SoloMachineHeader(3, T0, KEY_2, "x", SIG);
    return Stream.of(
        invalid(
            "31-byte public key",
            () -> new SoloMachineConsensusState(KEY_1.slice(0, 31), "solo", T0),
            ClientErrorCode.INVALID_CONSENSUS,
            "public_key must be 32 bytes, got 31: invalid consensus state"),
        invalid(
            "blank diversifier",
            () -> new SoloMachineConsensusState(KEY_1, "  ", T0),
            ClientErrorCode.INVALID_CONSENSUS,
            "diversifier cannot contain only spaces: invalid consensus state"),
        invalid(
            "non-ASCII diversifier",
            () -> new SoloMachineConsensusState(KEY_1, "sölo", T0),
            ClientErrorCode.INVALID_CONSENSUS,
            "diversifier must be printable ASCII: invalid consensus state"),
        invalid(
            "129-byte diversifier",
            () -> new SoloMachineConsensusState(KEY_1, "d".repeat(129), T0),
            ClientErrorCode.INVALID_CONSENSUS,
            "diversifier is longer than 128 bytes: invalid consensus state"),
        invalid(
            "zero timestamp",
            () -> new SoloMachineConsensusState(KEY_1, "solo", 0),
            ClientErrorCode.INVALID_CONSENSUS,
            "timestamp cannot be 0: invalid consensus state"),
        invalid(
            "zero sequence",
            () -> new SoloMachineClientState(0, false, cons),
            ClientErrorCode.INVALID_CLIENT,
            "sequence cannot be 0: light client is invalid"),
        invalid(
            "63-byte header signature",
            () -> new SoloMachineHeader(3, T0, KEY_2, "x", SIG.slice(0, 63)),
            SoloMachineErrorCode.INVALID_HEADER,
            "signature must be 64 bytes, got 63: invalid header"),
        invalid(
            "misbehaviour over two sequences",
            () -> new SoloMachineMisbehaviour(h, new SoloMachineHeader(4, T0, KEY_2, "x", SIG)),
            ClientErrorCode.INVALID_MISBEHAVIOUR,
            "misbehaviour headers must have the same sequence, got 3 and 4:"
                + " invalid light client misbehaviour"),
        invalid(
            "misbehaviour signing the same data",
            () ->
                new SoloMachineMisbehaviour(
                    h, new SoloMachineHeader(3, T0, KEY_2, "x", KEY_2.concat(KEY_2))),
            ClientErrorCode.INVALID_MISBEHAVIOUR,
            "misbehaviour headers must sign different data: invalid light client misbehaviour"),
        invalid(
            "a header for another sequence",
            () -> client.afterHeader(new SoloMachineHeader(2, T0, KEY_2, "x", SIG)),
            SoloMachineErrorCode.INVALID_SEQUENCE,
            "header is for sequence 2, the client is at sequence 3: invalid sequence"),
        invalid(
            "a proof older than the consensus state",
            () -> client.afterProof(new SoloMachineProof(T0 - 1, SIG)),
            SoloMachineErrorCode.INVALID_PROOF,
            "proof timestamp is less than the consensus state timestamp: invalid solo machine proof"));
  }

  static Arguments invalid(String name, Executable make, ErrorCode code, String message) {
    return Arguments.of(name, make, code, message);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("invalid")
  void invalidValuesAreRefused(String name, Executable make, ErrorCode code, String message) {
    assertThatThrownBy(make::execute)
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.errorCode()).isEqualTo(code))
        .hasMessage(message);
  }
}
