package io.wasm08.relayer.proof;

import cosmos.ics23.v1.Proofs.ProofSpec;
import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.proofs.commitment.MerkleRoot;
import java.util.List;
import java.util.Objects;

/**
 * A store value (empty: absent) with its ICS-23 proof, as queried at {@code queryHeight}. The proof
 * commits to the app hash in the header at {@link #proofHeight()} = query height + 1 — the IBC
 * proof height to pair it with.
 */
public record ProvenQuery(
    String storeKey, Bytes key, Bytes value, MerkleProof proof, long queryHeight) {

  public ProvenQuery {
    Objects.requireNonNull(storeKey, "storeKey");
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(proof, "proof");
  }

  public long proofHeight() {
    return queryHeight + 1;
  }

  public boolean exists() {
    return !value.isEmpty();
  }

  /** {@code [storeKey, key]}, root to leaf. */
  public MerklePath path() {
    return MerklePath.of(Bytes.ofUtf8(storeKey), key);
  }

  public Bytes proofBytes() {
    return Bytes.wrapOwned(proof.toByteArray());
  }

  /**
   * Checks the proof against {@code appHash} (of a verified header at {@link #proofHeight()}) the
   * way 07-tendermint will: membership of the value, or non-membership of an absent key.
   *
   * @throws io.wasm08.common.Wasm08Exception with ibc-go's commitment errors when it does not hold
   */
  public void verify(Bytes appHash, List<ProofSpec> specs) {
    MerkleRoot root = new MerkleRoot(appHash);
    if (exists()) {
      MerkleProofs.verifyMembership(proof, specs, root, path(), value);
    } else {
      MerkleProofs.verifyNonMembership(proof, specs, root, path());
    }
  }
}
