package io.wasm08.proofs.commitment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.ProofSpecs;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The argument checks and path helpers of ibc-go 23-commitment ({@code types/merkle.go}, {@code
 * types/v2/merkle.go}, {@code types/utils.go}), with ibc-go's codes and texts.
 */
class MerkleProofsTest {
  private static final MerkleRoot ROOT = new MerkleRoot(Bytes.fromHex("aa"));
  private static final MerklePath PATH = MerklePath.ofUtf8("ibc", "key");
  private static final MerkleProof TWO =
      MerkleProof.newBuilder()
          .addProofs(CommitmentProof.getDefaultInstance())
          .addProofs(CommitmentProof.getDefaultInstance())
          .build();

  @Test
  void codesAreIbcGos() {
    assertThat(CommitmentErrorCode.INVALID_PROOF.codespace()).isEqualTo("commitment");
    assertThat(
            Arrays.stream(CommitmentErrorCode.values())
                .map(c -> c.code() + " " + c.message())
                .toList())
        .containsExactly("2 invalid proof", "3 invalid prefix", "4 invalid merkle proof");
  }

  @Test
  void sdkSpecsAreIavlThenTendermint() {
    assertThat(MerkleProofs.SDK_SPECS).containsExactly(ProofSpecs.IAVL, ProofSpecs.TENDERMINT);
  }

  @Test
  void applyPrefixPrepends() {
    MerklePath applied =
        MerkleProofs.applyPrefix(
            MerklePrefix.ofUtf8("ibc"), MerklePath.ofUtf8("clients/a/clientState"));
    assertThat(applied).isEqualTo(MerklePath.ofUtf8("ibc", "clients/a/clientState"));
    assertThatThrownBy(() -> MerkleProofs.applyPrefix(new MerklePrefix(Bytes.EMPTY), PATH))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage("prefix can't be empty: invalid prefix")
        .matches(e -> ((Wasm08Exception) e).is(CommitmentErrorCode.INVALID_PREFIX));
    assertThatThrownBy(() -> MerkleProofs.applyPrefix(null, PATH))
        .hasMessage("prefix can't be empty: invalid prefix");
  }

  record ArgCase(String name, Runnable call, CommitmentErrorCode code, String message) {
    @Override
    public String toString() {
      return name;
    }
  }

  static Stream<ArgCase> invalidArguments() {
    Bytes v = Bytes.ofUtf8("v");
    List<ProofSpec> specs = MerkleProofs.SDK_SPECS;
    return Stream.of(
        new ArgCase(
            "no proofs",
            () ->
                MerkleProofs.verifyMembership(
                    MerkleProof.getDefaultInstance(), specs, ROOT, PATH, v),
            CommitmentErrorCode.INVALID_MERKLE_PROOF,
            "proof must not be empty: invalid merkle proof"),
        new ArgCase(
            "null proof",
            () -> MerkleProofs.verifyNonMembership(null, specs, ROOT, PATH),
            CommitmentErrorCode.INVALID_MERKLE_PROOF,
            "proof must not be empty: invalid merkle proof"),
        new ArgCase(
            "null root",
            () -> MerkleProofs.verifyMembership(TWO, specs, null, PATH, v),
            CommitmentErrorCode.INVALID_MERKLE_PROOF,
            "root cannot be empty: invalid merkle proof"),
        new ArgCase(
            "specs and proofs differ in length",
            () -> MerkleProofs.verifyMembership(TWO, List.of(ProofSpecs.IAVL), ROOT, PATH, v),
            CommitmentErrorCode.INVALID_MERKLE_PROOF,
            "length of specs: 1 not equal to length of proof: 2: invalid merkle proof"),
        new ArgCase(
            "null specs",
            () -> MerkleProofs.verifyMembership(TWO, null, ROOT, PATH, v),
            CommitmentErrorCode.INVALID_MERKLE_PROOF,
            "length of specs: 0 not equal to length of proof: 2: invalid merkle proof"),
        new ArgCase(
            "path of another length",
            () -> MerkleProofs.verifyMembership(TWO, specs, ROOT, MerklePath.ofUtf8("ibc"), v),
            CommitmentErrorCode.INVALID_PROOF,
            "path length 1 not same as proof 2: invalid proof"),
        new ArgCase(
            "nil spec",
            () ->
                MerkleProofs.verifyMembership(
                    TWO, Arrays.asList(ProofSpecs.IAVL, null), ROOT, PATH, v),
            CommitmentErrorCode.INVALID_PROOF,
            "spec at position 1 is nil: invalid proof"),
        new ArgCase(
            "null path",
            () -> MerkleProofs.verifyMembership(TWO, specs, ROOT, null, v),
            CommitmentErrorCode.INVALID_PROOF,
            "path <nil> is not of type MerklePath: invalid proof"),
        new ArgCase(
            "empty value",
            () -> MerkleProofs.verifyMembership(TWO, specs, ROOT, PATH, Bytes.EMPTY),
            CommitmentErrorCode.INVALID_PROOF,
            "empty value in membership proof: invalid proof"),
        new ArgCase(
            "proof without content",
            () -> MerkleProofs.verifyMembership(TWO, specs, ROOT, PATH, v),
            CommitmentErrorCode.INVALID_PROOF,
            "could not calculate proof root at index 0, merkle tree may be empty. unrecognized"
                + " proof type: invalid proof"),
        new ArgCase(
            "non-membership over a proof without content",
            () -> MerkleProofs.verifyNonMembership(TWO, specs, ROOT, PATH),
            CommitmentErrorCode.INVALID_PROOF,
            "could not calculate root for proof index 0, merkle tree is likely empty."
                + " unrecognized proof type: invalid proof"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void invalidArguments(ArgCase c) {
    assertThatThrownBy(c.call()::run)
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(c.message())
        .matches(e -> ((Wasm08Exception) e).errorCode() == c.code());
  }

  static Stream<Arguments> pathValidation() {
    Bytes a = Bytes.ofUtf8("a");
    return Stream.of(
        Arguments.of(MerklePath.of(), "path cannot have length 0", "path cannot have length 0"),
        Arguments.of(MerklePath.of(a, Bytes.EMPTY), null, "key at index 1 cannot be empty"),
        Arguments.of(
            MerklePath.of(Bytes.EMPTY, a),
            "key at index 0 cannot be empty",
            "key at index 0 cannot be empty"),
        Arguments.of(MerklePath.of(a, a), null, null));
  }

  @ParameterizedTest
  @MethodSource
  void pathValidation(MerklePath path, String asPrefix, String asPath) {
    assertThat(path.validateAsPrefix()).isEqualTo(Optional.ofNullable(asPrefix));
    assertThat(path.validateAsPath()).isEqualTo(Optional.ofNullable(asPath));
  }

  @Test
  void getKeyOutOfRange() {
    assertThat(PATH.getKey(1)).isEqualTo(Bytes.ofUtf8("key"));
    assertThatThrownBy(() -> PATH.getKey(2))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage("index out of range. 2 (index) >= 2 (len): invalid proof");
  }

  @Test
  void v1AndV2FormsRoundTrip() throws Exception {
    MerklePath path =
        MerklePath.ofUtf8("ibc", "commitments/ports/transfer/channels/channel-0/sequences/1");
    assertThat(path.toV1())
        .containsExactly("ibc", "commitments/ports/transfer/channels/channel-0/sequences/1");
    assertThat(MerklePath.fromProtoV1(path.toProtoV1())).isEqualTo(path);
    assertThat(MerklePath.fromProto(path.toProto())).isEqualTo(path);
    // v1 and v2 share field 1 with the same wire type, so valid UTF-8 paths encode identically.
    assertThat(path.toProtoV1().toByteArray()).isEqualTo(path.toProto().toByteArray());
    assertThatThrownBy(() -> MerklePath.of(Bytes.fromHex("ff")).toV1())
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(
            "key at index 0 is not valid UTF-8 and has no v1 MerklePath form: invalid proof");
    assertThat(MerkleRoot.fromProto(ROOT.toProto())).isEqualTo(ROOT);
    MerklePrefix prefix = MerklePrefix.ofUtf8("ibc");
    assertThat(MerklePrefix.fromProto(prefix.toProto())).isEqualTo(prefix);
  }

  @Test
  void parseAndConvertRejectGarbageWithIbcGoCodes() {
    assertThatThrownBy(() -> MerkleProofs.parseMerkleProof(Bytes.fromHex("0a05")))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage("failed to unmarshal proof into ICS 23 commitment merkle proof: invalid proof");
    assertThatThrownBy(() -> MerkleProofs.convertProofs(List.of(Bytes.EMPTY)))
        .isInstanceOf(Wasm08Exception.class)
        .hasMessage(
            "could not unmarshal proof op into CommitmentProof at index 0: <nil>: invalid merkle"
                + " proof");
    assertThatThrownBy(() -> MerkleProofs.convertProofs(List.of(Bytes.fromHex("0aff"))))
        .isInstanceOf(Wasm08Exception.class)
        .matches(e -> ((Wasm08Exception) e).is(CommitmentErrorCode.INVALID_MERKLE_PROOF));
  }

  @Test
  void convertProofsChainsTheProofOps() {
    RealChainProofs.Case c = RealChainProofs.load("band_oracle_exist_h24999.json");
    MerkleProof converted =
        MerkleProofs.convertProofs(
            c.proof().getProofsList().stream().map(p -> Bytes.wrapOwned(p.toByteArray())).toList());
    assertThat(converted).isEqualTo(c.proof());
  }
}
