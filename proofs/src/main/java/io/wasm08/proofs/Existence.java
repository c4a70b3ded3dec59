package io.wasm08.proofs;

import static io.wasm08.proofs.ProofErrorCode.MALFORMED_PROOF;
import static io.wasm08.proofs.ProofErrorCode.SPEC_MISMATCH;

import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.ProofSpec;
import java.util.Arrays;

/** ExistenceProof CheckAgainstSpec / Verify / Calculate, as cosmos/ics23 {@code go/proof.go}. */
final class Existence {
  private Existence() {}

  /** Go's default when a spec leaves max_depth at 0 (#352, go/v0.11.0). */
  static final int DEFAULT_MAX_DEPTH = 128;

  static void checkAgainstSpec(ExistenceProof proof, ProofSpec spec) {
    if (!proof.hasLeaf()) {
      throw ProofException.of(MALFORMED_PROOF, "existence Proof needs defined LeafOp");
    }
    try {
      Ops.checkLeaf(proof.getLeaf(), spec);
    } catch (ProofException e) {
      throw e.within("leaf");
    }
    int depth = proof.getPathCount();
    if (spec.getMinDepth() > 0 && depth < spec.getMinDepth()) {
      throw ProofException.of(SPEC_MISMATCH, "innerOps depth too short: %d", depth);
    }
    int maxDepth = spec.getMaxDepth() == 0 ? DEFAULT_MAX_DEPTH : spec.getMaxDepth();
    if (depth > maxDepth) {
      throw ProofException.of(SPEC_MISMATCH, "innerOps depth too long: %d", depth);
    }
    int layerNum = 1;
    for (InnerOp inner : proof.getPathList()) {
      try {
        Ops.checkInner(inner, spec, layerNum);
      } catch (ProofException e) {
        throw e.within("inner");
      }
      layerNum++;
    }
  }

  static void verify(ExistenceProof proof, ProofSpec spec, byte[] root, byte[] key, byte[] value) {
    checkAgainstSpec(proof, spec);
    if (!proof.getKey().equals(com.google.protobuf.ByteString.copyFrom(key))) {
      throw ProofException.of(ProofErrorCode.KEY_MISMATCH, "provided key doesn't match proof");
    }
    if (!proof.getValue().equals(com.google.protobuf.ByteString.copyFrom(value))) {
      throw ProofException.of(ProofErrorCode.VALUE_MISMATCH, "provided value doesn't match proof");
    }
    byte[] calc;
    try {
      calc = calculate(proof, spec);
    } catch (ProofException e) {
      throw e.within("error calculating root");
    }
    if (!Arrays.equals(root, calc)) {
      throw ProofException.of(
          ProofErrorCode.ROOT_MISMATCH, "calculated root doesn't match provided root");
    }
  }

  /**
   * The root this proof commits to. With a spec, every intermediate hash longer than a child (for
   * child sizes of 32 and up) is rejected, the dragonberry guard against hash-length confusion.
   */
  static byte[] calculate(ExistenceProof proof, ProofSpec spec) {
    if (!proof.hasLeaf()) {
      throw ProofException.of(MALFORMED_PROOF, "existence Proof needs defined LeafOp");
    }
    byte[] res;
    try {
      res =
          Ops.applyLeaf(
              proof.getLeaf(), proof.getKey().toByteArray(), proof.getValue().toByteArray());
    } catch (ProofException e) {
      throw e.within("leaf");
    }
    for (InnerOp step : proof.getPathList()) {
      try {
        res = Ops.applyInner(step, res);
      } catch (ProofException e) {
        throw e.within("inner");
      }
      if (spec != null) {
        int childSize = spec.getInnerSpec().getChildSize();
        if (res.length > childSize && childSize >= 32) {
          // Upstream wraps a nil error here, which Go renders as "%!w(<nil>)"; kept verbatim.
          throw ProofException.of(SPEC_MISMATCH, "inner, %!w(<nil>)");
        }
      }
    }
    return res;
  }
}
