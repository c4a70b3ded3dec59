package io.wasm08.relayer.proof;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.commitment.CommitmentErrorCode;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.ProofOp;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real {@code abci_query … prove=true} answer (quicksilver-2 mainnet, bank store, height
 * 11012784) converted to a MerkleProof and verified as 07-tendermint verifies; the roots are the
 * ones the fixtures' README states.
 */
class ProofOpsConverterTest {
  private static final String FIXTURE =
      "fixtures/cometbft-rpc/proofops/quicksilver-2_bank_height11012784_proofOps.json";

  static List<ProofOp> quicksilverOps() throws IOException {
    JsonNode root = new ObjectMapper().readTree(SharedFixtures.get().contents(FIXTURE));
    List<ProofOp> ops = new ArrayList<>();
    for (JsonNode op : root.get("ops")) {
      ops.add(
          new ProofOp(
              op.get("type").asText(),
              Bytes.fromBase64(op.get("key").asText()),
              Bytes.fromBase64(op.get("data").asText())));
    }
    return ops;
  }

  @Test
  void realProofOpsBecomeAVerifiableMerkleProof() throws IOException {
    List<ProofOp> ops = quicksilverOps();
    MerkleProof proof = ProofOpsConverter.toMerkleProof(ops);

    assertThat(proof.getProofsCount()).isEqualTo(2);
    Bytes iavlRoot = Ics23.calculateRoot(proof.getProofs(0));
    Bytes appHash = Ics23.calculateRoot(proof.getProofs(1));
    // README: IAVL root 99096f90…de3a53 = the value proven by the simple op; app hash
    // b1b7a13d…2b0af5
    assertThat(iavlRoot.toHex()).startsWith("99096f90").endsWith("de3a53");
    assertThat(appHash.toHex()).startsWith("b1b7a13d").endsWith("2b0af5");
    CommitmentProof storeProof = proof.getProofs(1);
    assertThat(Bytes.of(storeProof.getExist().getValue().toByteArray())).isEqualTo(iavlRoot);

    Bytes value = Bytes.of(proof.getProofs(0).getExist().getValue().toByteArray());
    assertThat(value.toUtf8()).isEqualTo("24307");
    ProvenQuery proven = new ProvenQuery("bank", ops.get(0).key(), value, proof, 11012784);
    assertThat(proven.proofHeight()).isEqualTo(11012785);
    proven.verify(appHash, MerkleProofs.SDK_SPECS);

    assertThatThrownBy(() -> proven.verify(iavlRoot, MerkleProofs.SDK_SPECS))
        .isInstanceOf(Wasm08Exception.class);
    ProvenQuery otherValue =
        new ProvenQuery("bank", ops.get(0).key(), Bytes.ofUtf8("24308"), proof, 11012784);
    assertThatThrownBy(() -> otherValue.verify(appHash, MerkleProofs.SDK_SPECS))
        .isInstanceOf(Wasm08Exception.class);
  }

  @Test
  void theMerkleProofBytesRoundTrip() throws IOException {
    List<ProofOp> ops = quicksilverOps();
    Bytes bytes = ProofOpsConverter.toMerkleProofBytes(ops);
    assertThat(MerkleProofs.parseMerkleProof(bytes))
        .isEqualTo(ProofOpsConverter.toMerkleProof(ops));
  }

  @Test
  void onlyIcs23OpsAreAccepted() throws IOException {
    List<ProofOp> ops = new ArrayList<>(quicksilverOps());
    ops.set(0, new ProofOp("iavl:v", ops.get(0).key(), ops.get(0).data()));
    assertThatThrownBy(() -> ProofOpsConverter.toMerkleProof(ops))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> {
              assertThat(e.is(RelayerErrorCode.INVALID_PROOF)).isTrue();
              assertThat(e.detail())
                  .isEqualTo("proof op 0 has type iavl:v, not an ics23 commitment proof");
            });
    assertThatThrownBy(() -> ProofOpsConverter.toMerkleProof(List.of()))
        .isInstanceOfSatisfying(
            Wasm08Exception.class, e -> assertThat(e.is(RelayerErrorCode.INVALID_PROOF)).isTrue());
  }

  @Test
  void undecodableProofDataIsIbcGosInvalidMerkleProof() throws IOException {
    List<ProofOp> ops = new ArrayList<>(quicksilverOps());
    ops.set(1, new ProofOp("ics23:simple", ops.get(1).key(), Bytes.ofUtf8("not a proof")));
    assertThatThrownBy(() -> ProofOpsConverter.toMerkleProof(ops))
        .isInstanceOfSatisfying(
            Wasm08Exception.class,
            e -> {
              assertThat(e.is(CommitmentErrorCode.INVALID_MERKLE_PROOF)).isTrue();
              assertThat(e.detail())
                  .startsWith("could not unmarshal proof op into CommitmentProof at index 1");
            });
  }
}
