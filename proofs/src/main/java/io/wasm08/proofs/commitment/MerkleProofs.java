package io.wasm08.proofs.commitment;

import static io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_MERKLE_PROOF;
import static io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_PREFIX;
import static io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_PROOF;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.Ics23;
import io.wasm08.proofs.ProofException;
import io.wasm08.proofs.ProofSpecs;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * ibc-go's 23-commitment verification ({@code modules/core/23-commitment/types/merkle.go}, v10 and
 * v11): a {@link MerkleProof} is a chain of ICS-23 proofs, leaf to root — for SDK chains the IAVL
 * store proof, then the multistore proof — checked against a path given root to leaf. Failures are
 * {@link io.wasm08.common.Wasm08Exception}s with ibc-go's commitment codes and detail texts.
 *
 * <p>Only single exist/nonexist proofs are accepted in a chain, as in ibc-go: a batch or compressed
 * proof fails with "commitment proof must be existence proof".
 */
public final class MerkleProofs {
  private MerkleProofs() {}

  /** ibc-go {@code GetSDKSpecs()}: IAVL store proof, then the Tendermint multistore proof. */
  public static final List<ProofSpec> SDK_SPECS = List.of(ProofSpecs.IAVL, ProofSpecs.TENDERMINT);

  private static final HexFormat UPPER_HEX = HexFormat.of().withUpperCase();

  /** ibc-go {@code ApplyPrefix}: {@code [prefix] ++ path}; an empty prefix is invalid. */
  public static MerklePath applyPrefix(MerklePrefix prefix, MerklePath path) {
    if (prefix == null || prefix.isEmpty()) {
      throw INVALID_PREFIX.wrap("prefix can't be empty");
    }
    List<Bytes> keys = new ArrayList<>(path.size() + 1);
    keys.add(prefix.keyPrefix());
    keys.addAll(path.keyPath());
    return new MerklePath(keys);
  }

  /**
   * ibc-go {@code MerkleProof.VerifyMembership}: {@code value} is stored at {@code path} under
   * {@code root}, proven link by link.
   */
  public static void verifyMembership(
      MerkleProof proof, List<ProofSpec> specs, MerkleRoot root, MerklePath path, Bytes value) {
    if (path == null) {
      throw INVALID_PROOF.wrap("path <nil> is not of type MerklePath");
    }
    validateVerificationArgs(proof, path, specs, root);
    if (value == null || value.isEmpty()) {
      throw INVALID_PROOF.wrap("empty value in membership proof");
    }
    verifyChainedMembershipProof(root.hash(), specs, proof.getProofsList(), path, value, 0);
  }

  /**
   * ibc-go {@code MerkleProof.VerifyNonMembership}: nothing is stored at {@code path} under {@code
   * root}: the lowest proof proves absence, the rest prove its tree's root upwards.
   */
  public static void verifyNonMembership(
      MerkleProof proof, List<ProofSpec> specs, MerkleRoot root, MerklePath path) {
    if (path == null) {
      throw INVALID_PROOF.wrap("path <nil> is not of type MerkleProof");
    }
    validateVerificationArgs(proof, path, specs, root);
    CommitmentProof first = proof.getProofs(0);
    Bytes subroot;
    try {
      subroot = Ics23.calculateRoot(first);
    } catch (ProofException e) {
      throw INVALID_PROOF.wrap(
          "could not calculate root for proof index 0, merkle tree is likely empty. "
              + e.getMessage(),
          e);
    }
    Bytes key = path.getKey(path.size() - 1L);
    if (first.getProofCase() != CommitmentProof.ProofCase.NONEXIST) {
      throw INVALID_PROOF.wrap(
          "commitment proof must be non-existence proof for verifying non-membership. got:"
              + " *ics23.CommitmentProof");
    }
    try {
      Ics23.verifyNonExistence(first.getNonexist(), specs.get(0), subroot, key);
    } catch (ProofException e) {
      throw INVALID_PROOF.wrap(
          "failed to verify non-membership proof with key "
              + MerklePath.goString(key)
              + ": "
              + e.getMessage(),
          e);
    }
    verifyChainedMembershipProof(root.hash(), specs, proof.getProofsList(), path, subroot, 1);
  }

  /**
   * Each proof from {@code index} up must be an existence proof of the previous subroot (or of
   * {@code value}) under its key, and the last subroot must be {@code root}. Keys are taken from
   * the end of the root-to-leaf path, as the proofs run leaf to root.
   */
  private static void verifyChainedMembershipProof(
      Bytes root,
      List<ProofSpec> specs,
      List<CommitmentProof> proofs,
      MerklePath keys,
      Bytes value,
      int index) {
    Bytes subroot = value;
    for (int i = index; i < proofs.size(); i++) {
      CommitmentProof p = proofs.get(i);
      try {
        subroot = Ics23.calculateRoot(p);
      } catch (ProofException e) {
        throw INVALID_PROOF.wrap(
            "could not calculate proof root at index "
                + i
                + ", merkle tree may be empty. "
                + e.getMessage(),
            e);
      }
      Bytes key = keys.getKey(keys.size() - 1L - i);
      if (p.getProofCase() != CommitmentProof.ProofCase.EXIST) {
        // ibc-go passes its arguments to %T / %d in swapped order, printing "int" and a heap
        // address; the address is replaced by the proof's Go type to stay deterministic.
        throw INVALID_PROOF.wrap(
            "commitment proof must be existence proof. got: int at index &{"
                + goOneofType(p)
                + "}");
      }
      ExistenceProof ep = p.getExist();
      try {
        Ics23.verifyExistence(ep, specs.get(i), subroot, key, value);
      } catch (ProofException e) {
        throw INVALID_PROOF.wrap(
            "failed to verify membership proof at index " + i + ": " + e.getMessage(), e);
      }
      value = subroot;
    }
    if (!root.equals(subroot)) {
      throw INVALID_PROOF.wrap(
          "proof did not commit to expected root: "
              + UPPER_HEX.formatHex(root.toByteArray())
              + ", got: "
              + UPPER_HEX.formatHex(subroot.toByteArray())
              + ". Please ensure proof was submitted with correct proofHeight and to the correct"
              + " chain.");
    }
  }

  private static String goOneofType(CommitmentProof p) {
    return switch (p.getProofCase()) {
      case EXIST -> "*ics23.CommitmentProof_Exist";
      case NONEXIST -> "*ics23.CommitmentProof_Nonexist";
      case BATCH -> "*ics23.CommitmentProof_Batch";
      case COMPRESSED -> "*ics23.CommitmentProof_Compressed";
      case PROOF_NOT_SET -> "<nil>";
    };
  }

  private static void validateVerificationArgs(
      MerkleProof proof, MerklePath path, List<ProofSpec> specs, MerkleRoot root) {
    // From the wire, Go's Proofs is nil exactly when there are none.
    if (proof == null || proof.getProofsCount() == 0) {
      throw INVALID_MERKLE_PROOF.wrap("proof must not be empty");
    }
    if (root == null || root.isEmpty()) {
      throw INVALID_MERKLE_PROOF.wrap("root cannot be empty");
    }
    int specCount = specs == null ? 0 : specs.size();
    if (specCount != proof.getProofsCount()) {
      throw INVALID_MERKLE_PROOF.wrap(
          "length of specs: "
              + specCount
              + " not equal to length of proof: "
              + proof.getProofsCount());
    }
    if (path.size() != specCount) {
      throw INVALID_PROOF.wrap("path length " + path.size() + " not same as proof " + specCount);
    }
    for (int i = 0; i < specCount; i++) {
      if (specs.get(i) == null) {
        throw INVALID_PROOF.wrap("spec at position " + i + " is nil");
      }
    }
  }

  /**
   * Decodes a {@code MerkleProof} as 07-tendermint does before verifying; failure is
   * ErrInvalidProof "failed to unmarshal proof into ICS 23 commitment merkle proof".
   */
  public static MerkleProof parseMerkleProof(Bytes encoded) {
    try {
      return MerkleProof.parseFrom(encoded.asReadOnlyByteBuffer());
    } catch (InvalidProtocolBufferException e) {
      throw INVALID_PROOF.wrap("failed to unmarshal proof into ICS 23 commitment merkle proof", e);
    }
  }

  /**
   * ibc-go {@code ConvertProofs}: the {@code data} of each CometBFT {@code ProofOp} of an {@code
   * abci_query} answer ({@code ics23:iavl}, {@code ics23:simple}) as one MerkleProof. The decoder
   * error quoted in the detail is protobuf-java's, not Go's.
   */
  public static MerkleProof convertProofs(List<Bytes> proofOpData) {
    MerkleProof.Builder out = MerkleProof.newBuilder();
    for (int i = 0; i < proofOpData.size(); i++) {
      CommitmentProof p;
      String err = "<nil>";
      try {
        p =
            CommitmentProof.parseFrom(
                ByteString.copyFrom(proofOpData.get(i).asReadOnlyByteBuffer()));
      } catch (InvalidProtocolBufferException e) {
        p = null;
        err = e.getMessage();
      }
      if (p == null || p.getProofCase() == CommitmentProof.ProofCase.PROOF_NOT_SET) {
        throw INVALID_MERKLE_PROOF.wrap(
            "could not unmarshal proof op into CommitmentProof at index " + i + ": " + err);
      }
      out.addProofs(p);
    }
    return out.build();
  }
}
