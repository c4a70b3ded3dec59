package io.wasm08.proofs;

import static io.wasm08.proofs.ProofErrorCode.MALFORMED_PROOF;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.BatchEntry;
import cosmos.ics23.v1.Proofs.BatchProof;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.CompressedBatchEntry;
import cosmos.ics23.v1.Proofs.CompressedBatchProof;
import cosmos.ics23.v1.Proofs.CompressedExistenceProof;
import cosmos.ics23.v1.Proofs.CompressedNonExistenceProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Batch compression as cosmos/ics23 go/v0.11.0 {@code compress.go}: every distinct inner step is
 * stored once in {@code lookup_inners} (keyed by its canonical protobuf encoding, in order of first
 * use) and referenced by index. Go panics on an out-of-range index or an empty entry; these are
 * typed errors here.
 */
final class Compression {
  private Compression() {}

  static CommitmentProof compress(CommitmentProof proof) {
    if (proof.getProofCase() != CommitmentProof.ProofCase.BATCH) {
      return proof;
    }
    List<InnerOp> lookup = new ArrayList<>();
    Map<ByteString, Integer> registry = new HashMap<>();
    CompressedBatchProof.Builder out = CompressedBatchProof.newBuilder();
    for (BatchEntry entry : proof.getBatch().getEntriesList()) {
      CompressedBatchEntry.Builder c = CompressedBatchEntry.newBuilder();
      switch (entry.getProofCase()) {
        case EXIST -> c.setExist(compressExist(entry.getExist(), lookup, registry));
        case NONEXIST -> {
          NonExistenceProof non = entry.getNonexist();
          CompressedNonExistenceProof.Builder n =
              CompressedNonExistenceProof.newBuilder().setKey(non.getKey());
          if (non.hasLeft()) {
            n.setLeft(compressExist(non.getLeft(), lookup, registry));
          }
          if (non.hasRight()) {
            n.setRight(compressExist(non.getRight(), lookup, registry));
          }
          c.setNonexist(n);
        }
        case PROOF_NOT_SET ->
            throw ProofException.of(MALFORMED_PROOF, "batch entry has neither exist nor nonexist");
      }
      out.addEntries(c);
    }
    return CommitmentProof.newBuilder().setCompressed(out.addAllLookupInners(lookup)).build();
  }

  private static CompressedExistenceProof compressExist(
      ExistenceProof exist, List<InnerOp> lookup, Map<ByteString, Integer> registry) {
    CompressedExistenceProof.Builder res =
        CompressedExistenceProof.newBuilder().setKey(exist.getKey()).setValue(exist.getValue());
    if (exist.hasLeaf()) {
      res.setLeaf(exist.getLeaf());
    }
    for (InnerOp step : exist.getPathList()) {
      res.addPath(
          registry.computeIfAbsent(
              step.toByteString(),
              bytes -> {
                lookup.add(step);
                return lookup.size() - 1;
              }));
    }
    return res.build();
  }

  static CommitmentProof decompress(CommitmentProof proof) {
    if (proof.getProofCase() != CommitmentProof.ProofCase.COMPRESSED) {
      return proof;
    }
    CompressedBatchProof comp = proof.getCompressed();
    List<InnerOp> lookup = comp.getLookupInnersList();
    BatchProof.Builder out = BatchProof.newBuilder();
    for (CompressedBatchEntry entry : comp.getEntriesList()) {
      BatchEntry.Builder b = BatchEntry.newBuilder();
      switch (entry.getProofCase()) {
        case EXIST -> b.setExist(decompressExist(entry.getExist(), lookup));
        case NONEXIST -> {
          CompressedNonExistenceProof non = entry.getNonexist();
          NonExistenceProof.Builder n = NonExistenceProof.newBuilder().setKey(non.getKey());
          if (non.hasLeft()) {
            n.setLeft(decompressExist(non.getLeft(), lookup));
          }
          if (non.hasRight()) {
            n.setRight(decompressExist(non.getRight(), lookup));
          }
          b.setNonexist(n);
        }
        case PROOF_NOT_SET ->
            throw ProofException.of(
                MALFORMED_PROOF, "compressed batch entry has neither exist nor nonexist");
      }
      out.addEntries(b);
    }
    return CommitmentProof.newBuilder().setBatch(out).build();
  }

  private static ExistenceProof decompressExist(
      CompressedExistenceProof exist, List<InnerOp> lookup) {
    ExistenceProof.Builder res =
        ExistenceProof.newBuilder().setKey(exist.getKey()).setValue(exist.getValue());
    if (exist.hasLeaf()) {
      res.setLeaf(exist.getLeaf());
    }
    for (int i = 0; i < exist.getPathCount(); i++) {
      int index = exist.getPath(i);
      if (index < 0 || index >= lookup.size()) {
        throw ProofException.of(
            MALFORMED_PROOF,
            "compressed path step %d references lookup inner %d of %d",
            i,
            index,
            lookup.size());
      }
      res.addPath(lookup.get(index));
    }
    return res.build();
  }

  /** CombineProofs: all exist, nonexist and batch entries of {@code proofs}, compressed. */
  static CommitmentProof combine(List<CommitmentProof> proofs) {
    BatchProof.Builder batch = BatchProof.newBuilder();
    for (CommitmentProof proof : proofs) {
      switch (proof.getProofCase()) {
        case EXIST -> batch.addEntries(BatchEntry.newBuilder().setExist(proof.getExist()));
        case NONEXIST -> batch.addEntries(BatchEntry.newBuilder().setNonexist(proof.getNonexist()));
        case BATCH -> batch.addAllEntries(proof.getBatch().getEntriesList());
        case COMPRESSED -> batch.addAllEntries(decompress(proof).getBatch().getEntriesList());
        case PROOF_NOT_SET ->
            throw ProofException.of(MALFORMED_PROOF, "proof neither exist or nonexist: <nil>");
      }
    }
    return compress(CommitmentProof.newBuilder().setBatch(batch).build());
  }
}
