package io.wasm08.relayer.proof;

import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.ProofOp;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code abci_query} proof operations → an ICS-23 {@link MerkleProof} (ibc-go {@code
 * ConvertProofs}): each op's {@code data} is a {@code cosmos.ics23.v1.CommitmentProof}, leaf store
 * first. Only {@code ics23:*} ops qualify — legacy {@code iavl:v}/{@code multistore} ops of
 * pre-ICS-23 SDKs, or an empty list, are {@link RelayerErrorCode#INVALID_PROOF}.
 */
public final class ProofOpsConverter {
  public static final String ICS23_IAVL = "ics23:iavl";
  public static final String ICS23_SIMPLE = "ics23:simple";
  public static final String ICS23_SMT = "ics23:smt";

  private ProofOpsConverter() {}

  public static MerkleProof toMerkleProof(List<ProofOp> ops) {
    if (ops.isEmpty()) {
      throw RelayerErrorCode.INVALID_PROOF.wrap("no proof ops");
    }
    List<Bytes> data = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) {
      ProofOp op = ops.get(i);
      if (!op.type().startsWith("ics23:")) {
        throw RelayerErrorCode.INVALID_PROOF.wrap(
            "proof op " + i + " has type " + op.type() + ", not an ics23 commitment proof");
      }
      data.add(op.data());
    }
    return MerkleProofs.convertProofs(data);
  }

  /** The proof as bytes, as {@code MsgRecvPacket.proof_commitment} and friends carry it. */
  public static Bytes toMerkleProofBytes(List<ProofOp> ops) {
    return Bytes.wrapOwned(toMerkleProof(ops).toByteArray());
  }
}
