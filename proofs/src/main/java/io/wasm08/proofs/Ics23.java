package io.wasm08.proofs;

import static io.wasm08.proofs.ProofErrorCode.MALFORMED_PROOF;
import static io.wasm08.proofs.ProofErrorCode.NO_PROOF_FOR_KEY;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.ics23.v1.Proofs.BatchEntry;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * ICS-23 proof verification, conformant with cosmos/ics23 as ibc-go uses it (go/v0.11.0, incl.
 * batch and compressed proofs) plus every stricter check of Go master (strict IAVL leaf, Tendermint
 * inner prefix, max prefix length), which only reject malformed proofs.
 *
 * <p>The boolean functions never throw on bad input. The {@code require…}, {@code verify…}, {@code
 * check…}, {@code calculate…} and {@code apply…} functions throw {@link ProofException} — and
 * nothing else — with exactly the error text Go returns for the same input.
 */
public final class Ics23 {
  private Ics23() {}

  // ---- the ICS-23 client API (go/ics23.go at v0.11.0) ----

  /**
   * True iff {@code proof} is (or, for batches, contains) an existence proof for {@code key} with
   * {@code value} that matches {@code spec} and commits to {@code root}.
   */
  public static boolean verifyMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Bytes key, Bytes value) {
    try {
      requireMembership(spec, root, proof, key, value);
      return true;
    } catch (ProofException e) {
      return false;
    }
  }

  /**
   * True iff {@code proof} is (or, for batches, contains) a non-existence proof whose neighbours
   * enclose {@code key}, are adjacent in the tree, match {@code spec} and commit to {@code root}.
   */
  public static boolean verifyNonMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Bytes key) {
    try {
      requireNonMembership(spec, root, proof, key);
      return true;
    } catch (ProofException e) {
      return false;
    }
  }

  /** {@link #verifyMembership} with the reason on failure. */
  public static void requireMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Bytes key, Bytes value) {
    requireNonNull(proof, root, key, value);
    byte[] k = key.toByteArray();
    ExistenceProof ep = getExistProofForKey(decompress(proof), k);
    if (ep == null) {
      throw ProofException.of(NO_PROOF_FOR_KEY, "no existence proof for the provided key");
    }
    Existence.verify(ep, spec, root.toByteArray(), k, value.toByteArray());
  }

  /** {@link #verifyNonMembership} with the reason on failure. */
  public static void requireNonMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Bytes key) {
    requireNonNull(proof, root, key, Bytes.EMPTY);
    if (spec == null) {
      throw ProofException.of(ProofErrorCode.INVALID_SPEC, "op and spec must be non-nil");
    }
    byte[] k = key.toByteArray();
    NonExistenceProof np = getNonExistProofForKey(spec, decompress(proof), k);
    if (np == null) {
      throw ProofException.of(
          NO_PROOF_FOR_KEY, "no non-existence proof enclosing the provided key");
    }
    NonExistence.verify(np, spec, root.toByteArray(), k);
  }

  /** All {@code items} (key to value) are proven present; decompresses once. */
  public static boolean batchVerifyMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Map<Bytes, Bytes> items) {
    CommitmentProof decompressed;
    try {
      decompressed = decompress(proof);
    } catch (ProofException e) {
      return false;
    }
    for (Map.Entry<Bytes, Bytes> item : items.entrySet()) {
      if (!verifyMembership(spec, root, decompressed, item.getKey(), item.getValue())) {
        return false;
      }
    }
    return true;
  }

  /** All {@code keys} are proven absent; decompresses once. */
  public static boolean batchVerifyNonMembership(
      ProofSpec spec, Bytes root, CommitmentProof proof, Collection<Bytes> keys) {
    CommitmentProof decompressed;
    try {
      decompressed = decompress(proof);
    } catch (ProofException e) {
      return false;
    }
    for (Bytes key : keys) {
      if (!verifyNonMembership(spec, root, decompressed, key)) {
        return false;
      }
    }
    return true;
  }

  /** The existence proof for {@code key} in an exist or (decompressed) batch proof, or null. */
  public static ExistenceProof getExistProofForKey(CommitmentProof proof, byte[] key) {
    if (proof == null || key == null) {
      return null;
    }
    ByteString k = ByteString.copyFrom(key);
    switch (proof.getProofCase()) {
      case EXIST -> {
        return proof.getExist().getKey().equals(k) ? proof.getExist() : null;
      }
      case BATCH -> {
        for (BatchEntry entry : proof.getBatch().getEntriesList()) {
          if (entry.hasExist() && entry.getExist().getKey().equals(k)) {
            return entry.getExist();
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  /**
   * The non-existence proof whose neighbour keys enclose {@code key} in a nonexist or
   * (decompressed) batch proof, or null.
   */
  public static NonExistenceProof getNonExistProofForKey(
      ProofSpec spec, CommitmentProof proof, byte[] key) {
    if (spec == null || proof == null || key == null) {
      return null;
    }
    switch (proof.getProofCase()) {
      case NONEXIST -> {
        return encloses(spec, proof.getNonexist(), key) ? proof.getNonexist() : null;
      }
      case BATCH -> {
        for (BatchEntry entry : proof.getBatch().getEntriesList()) {
          if (entry.hasNonexist() && encloses(spec, entry.getNonexist(), key)) {
            return entry.getNonexist();
          }
        }
        return null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean encloses(ProofSpec spec, NonExistenceProof np, byte[] key) {
    byte[] k = NonExistence.keyForComparison(spec, key);
    boolean left =
        !np.hasLeft()
            || Arrays.compareUnsigned(
                    NonExistence.keyForComparison(spec, np.getLeft().getKey().toByteArray()), k)
                < 0;
    boolean right =
        !np.hasRight()
            || Arrays.compareUnsigned(
                    NonExistence.keyForComparison(spec, np.getRight().getKey().toByteArray()), k)
                > 0;
    return left && right;
  }

  // ---- the detailed functions (go/proof.go, go/ops.go) ----

  /** {@code ExistenceProof.Verify}: spec check, key, value, then the calculated root. */
  public static void verifyExistence(
      ExistenceProof proof, ProofSpec spec, Bytes root, Bytes key, Bytes value) {
    requireNonNull(proof, root, key, value);
    Existence.verify(proof, spec, root.toByteArray(), key.toByteArray(), value.toByteArray());
  }

  /** {@code NonExistenceProof.Verify}: both neighbours verify, enclose the key and are adjacent. */
  public static void verifyNonExistence(
      NonExistenceProof proof, ProofSpec spec, Bytes root, Bytes key) {
    requireNonNull(proof, root, key, Bytes.EMPTY);
    // A null spec fails inside the neighbour checks with Go's text, before it is read here.
    NonExistence.verify(proof, spec, root.toByteArray(), key.toByteArray());
  }

  /** {@code ExistenceProof.CheckAgainstSpec}. */
  public static void checkAgainstSpec(ExistenceProof proof, ProofSpec spec) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    Existence.checkAgainstSpec(proof, spec);
  }

  /** {@code LeafOp.CheckAgainstSpec}. */
  public static void checkAgainstSpec(LeafOp op, ProofSpec spec) {
    requireNonNull(op, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    Ops.checkLeaf(op, spec);
  }

  /** {@code InnerOp.CheckAgainstSpec}; {@code layerNum} is 1 for the step just above the leaf. */
  public static void checkAgainstSpec(InnerOp op, ProofSpec spec, int layerNum) {
    requireNonNull(op, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    Ops.checkInner(op, spec, layerNum);
  }

  /** {@code ExistenceProof.Calculate}: the root the proof commits to, without spec checks. */
  public static Bytes calculateRoot(ExistenceProof proof) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    return Bytes.wrapOwned(Existence.calculate(proof, null));
  }

  /** {@code NonExistenceProof.Calculate}: the root of the left, else the right neighbour. */
  public static Bytes calculateRoot(NonExistenceProof proof) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    if (proof.hasLeft()) {
      return calculateRoot(proof.getLeft());
    }
    if (proof.hasRight()) {
      return calculateRoot(proof.getRight());
    }
    throw ProofException.of(MALFORMED_PROOF, "nonexistence proof has empty Left and Right proof");
  }

  /**
   * {@code CommitmentProof.Calculate} (go/v0.11.0): exist and nonexist as above, a batch by its
   * first entry, a compressed batch after decompression.
   */
  public static Bytes calculateRoot(CommitmentProof proof) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    return switch (proof.getProofCase()) {
      case EXIST -> calculateRoot(proof.getExist());
      case NONEXIST -> calculateRoot(proof.getNonexist());
      case BATCH -> {
        if (proof.getBatch().getEntriesCount() == 0) {
          throw ProofException.of(MALFORMED_PROOF, "batch proof has empty entry");
        }
        BatchEntry first = proof.getBatch().getEntries(0);
        yield switch (first.getProofCase()) {
          case EXIST -> calculateRoot(first.getExist());
          case NONEXIST -> calculateRoot(first.getNonexist());
          case PROOF_NOT_SET -> throw ProofException.of(MALFORMED_PROOF, "unrecognized proof type");
        };
      }
      case COMPRESSED -> calculateRoot(decompress(proof));
      case PROOF_NOT_SET -> throw ProofException.of(MALFORMED_PROOF, "unrecognized proof type");
    };
  }

  /** {@code LeafOp.Apply}: the leaf hash of {@code key} and {@code value}. */
  public static Bytes applyLeaf(LeafOp op, Bytes key, Bytes value) {
    requireNonNull(op, Bytes.EMPTY, key, value);
    return Bytes.wrapOwned(Ops.applyLeaf(op, key.toByteArray(), value.toByteArray()));
  }

  /** {@code InnerOp.Apply}: the parent hash of {@code child}. */
  public static Bytes applyInner(InnerOp op, Bytes child) {
    requireNonNull(op, Bytes.EMPTY, child, Bytes.EMPTY);
    return Bytes.wrapOwned(Ops.applyInner(op, child.toByteArray()));
  }

  /** {@code doHash} for a hash op given by its wire number (unknown numbers are errors). */
  public static Bytes doHash(int hashOp, Bytes preimage) {
    requireNonNull(preimage, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    return Bytes.wrapOwned(HashOps.doHash(hashOp, preimage.toByteArray()));
  }

  /** {@code doHash}. */
  public static Bytes doHash(HashOp hashOp, Bytes preimage) {
    return doHash(hashOp == HashOp.UNRECOGNIZED ? -1 : hashOp.getNumber(), preimage);
  }

  // ---- neighbour predicates (exported by Go; used by sparse-tree specs) ----

  /** {@code IsLeftMost}: every step is left-most or has only empty children to its left. */
  public static boolean isLeftMost(InnerSpec spec, List<InnerOp> path) {
    return NonExistence.isLeftMost(spec, path);
  }

  /** {@code IsRightMost}. */
  public static boolean isRightMost(InnerSpec spec, List<InnerOp> path) {
    return NonExistence.isRightMost(spec, path);
  }

  /** {@code IsLeftNeighbor}: {@code right} is the path immediately after {@code left}. */
  public static boolean isLeftNeighbor(InnerSpec spec, List<InnerOp> left, List<InnerOp> right) {
    return NonExistence.isLeftNeighbor(spec, left, right);
  }

  /** {@code leftBranchesAreEmpty}: the step's left siblings are all the spec's empty child. */
  public static boolean leftBranchesAreEmpty(InnerSpec spec, InnerOp op) {
    return NonExistence.leftBranchesAreEmpty(spec, op);
  }

  /** {@code rightBranchesAreEmpty}. */
  public static boolean rightBranchesAreEmpty(InnerSpec spec, InnerOp op) {
    return NonExistence.rightBranchesAreEmpty(spec, op);
  }

  // ---- batches ----

  public static boolean isCompressed(CommitmentProof proof) {
    return proof != null && proof.getProofCase() == CommitmentProof.ProofCase.COMPRESSED;
  }

  /** A batch proof becomes a compressed batch; anything else is returned as is. */
  public static CommitmentProof compress(CommitmentProof proof) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    return Compression.compress(proof);
  }

  /**
   * A compressed batch becomes a batch; anything else is returned as is. An out-of-range lookup
   * index or an empty entry is an error (Go panics).
   */
  public static CommitmentProof decompress(CommitmentProof proof) {
    requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    return Compression.decompress(proof);
  }

  /** {@code CombineProofs}: all entries of {@code proofs} as one compressed batch. */
  public static CommitmentProof combineProofs(List<CommitmentProof> proofs) {
    for (CommitmentProof proof : proofs) {
      requireNonNull(proof, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    }
    return Compression.combine(proofs);
  }

  // ---- decoding ----

  /** Decodes a protobuf {@code CommitmentProof}; malformed bytes are an INVALID_ENCODING error. */
  public static CommitmentProof parseCommitmentProof(Bytes encoded) {
    requireNonNull(encoded, Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY);
    try {
      return CommitmentProof.parseFrom(encoded.asReadOnlyByteBuffer());
    } catch (InvalidProtocolBufferException e) {
      throw new ProofException(
          ProofErrorCode.INVALID_ENCODING, "cannot decode CommitmentProof: " + e.getMessage(), e);
    }
  }

  private static void requireNonNull(Object proof, Bytes a, Bytes b, Bytes c) {
    if (proof == null || a == null || b == null || c == null) {
      throw ProofException.of(MALFORMED_PROOF, "proof, root, key and value must be non-nil");
    }
  }
}
