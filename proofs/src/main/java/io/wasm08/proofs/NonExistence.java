package io.wasm08.proofs;

import static io.wasm08.proofs.ProofErrorCode.INVALID_SPEC;
import static io.wasm08.proofs.ProofErrorCode.MALFORMED_PROOF;
import static io.wasm08.proofs.ProofErrorCode.NOT_NEIGHBOURS;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import java.util.Arrays;
import java.util.List;

/**
 * NonExistenceProof Verify and the neighbour logic (IsLeftMost, IsRightMost, IsLeftNeighbor) of
 * cosmos/ics23 {@code go/proof.go}. Where Go panics (empty paths in IsLeftNeighbor, isLeftStep on
 * an unplaceable node, out-of-range slices for odd child orders) this returns "not neighbours" or
 * an error instead, which rejects the same proofs.
 */
final class NonExistence {
  private NonExistence() {}

  static void verify(NonExistenceProof proof, ProofSpec spec, byte[] root, byte[] key) {
    ExistenceProof left = proof.hasLeft() ? proof.getLeft() : null;
    ExistenceProof right = proof.hasRight() ? proof.getRight() : null;
    if (left != null) {
      try {
        Existence.verify(
            left, spec, root, left.getKey().toByteArray(), left.getValue().toByteArray());
      } catch (ProofException e) {
        throw e.within("left proof");
      }
    }
    if (right != null) {
      try {
        Existence.verify(
            right, spec, root, right.getKey().toByteArray(), right.getValue().toByteArray());
      } catch (ProofException e) {
        throw e.within("right proof");
      }
    }
    if (left == null && right == null) {
      throw ProofException.of(MALFORMED_PROOF, "both left and right proofs missing");
    }
    byte[] k = keyForComparison(spec, key);
    if (right != null
        && Arrays.compareUnsigned(k, keyForComparison(spec, right.getKey().toByteArray())) >= 0) {
      throw ProofException.of(NOT_NEIGHBOURS, "key is not left of right proof");
    }
    if (left != null
        && Arrays.compareUnsigned(k, keyForComparison(spec, left.getKey().toByteArray())) <= 0) {
      throw ProofException.of(NOT_NEIGHBOURS, "key is not right of left proof");
    }
    InnerSpec is = spec.getInnerSpec();
    if (left == null) {
      if (!isLeftMost(is, right.getPathList())) {
        throw ProofException.of(
            NOT_NEIGHBOURS, "left proof missing, right proof must be left-most");
      }
    } else if (right == null) {
      if (!isRightMost(is, left.getPathList())) {
        throw ProofException.of(
            NOT_NEIGHBOURS, "right proof missing, left proof must be right-most");
      }
    } else if (!isLeftNeighbor(is, left.getPathList(), right.getPathList())) {
      // Upstream reuses the right-most message for failed neighbours; kept verbatim.
      throw ProofException.of(NOT_NEIGHBOURS, "right proof missing, left proof must be right-most");
    }
  }

  /** The key as the tree orders it: hashed first when the spec says so (sparse merkle trees). */
  static byte[] keyForComparison(ProofSpec spec, byte[] key) {
    if (!spec.getPrehashKeyBeforeComparison()) {
      return key;
    }
    try {
      return HashOps.doHashOrNoop(spec.getLeafSpec().getPrehashKeyValue(), key);
    } catch (ProofException e) {
      // Go discards this error and compares against a nil slice.
      return HashOps.EMPTY;
    }
  }

  static boolean isLeftMost(InnerSpec spec, List<InnerOp> path) {
    Padding pad = padding(spec, 0);
    for (InnerOp step : path) {
      if (!pad.matches(step) && !leftBranchesAreEmpty(spec, step)) {
        return false;
      }
    }
    return true;
  }

  static boolean isRightMost(InnerSpec spec, List<InnerOp> path) {
    Padding pad = padding(spec, spec.getChildOrderCount() - 1);
    for (InnerOp step : path) {
      if (!pad.matches(step) && !rightBranchesAreEmpty(spec, step)) {
        return false;
      }
    }
    return true;
  }

  /**
   * True if {@code right} is the next path after {@code left}: strip the common steps near the
   * root, the first divergent steps must be adjacent branches, then below them left must be
   * right-most and right left-most.
   */
  static boolean isLeftNeighbor(InnerSpec spec, List<InnerOp> left, List<InnerOp> right) {
    int l = left.size() - 1;
    int r = right.size() - 1;
    if (l < 0 || r < 0) {
      return false;
    }
    while (sameStep(left.get(l), right.get(r))) {
      l--;
      r--;
      if (l < 0 || r < 0) {
        return false;
      }
    }
    if (!isLeftStep(spec, left.get(l), right.get(r))) {
      return false;
    }
    return isRightMost(spec, left.subList(0, l)) && isLeftMost(spec, right.subList(0, r));
  }

  private static boolean sameStep(InnerOp a, InnerOp b) {
    return a.getPrefix().equals(b.getPrefix()) && a.getSuffix().equals(b.getSuffix());
  }

  private static boolean isLeftStep(InnerSpec spec, InnerOp left, InnerOp right) {
    return orderFromPadding(spec, right) == orderFromPadding(spec, left) + 1;
  }

  static boolean leftBranchesAreEmpty(InnerSpec spec, InnerOp op) {
    int idx = orderFromPadding(spec, op);
    if (idx == 0) {
      return false;
    }
    long childSize = spec.getChildSize();
    long actualPrefix = op.getPrefix().size() - idx * childSize;
    if (actualPrefix < 0) {
      return false;
    }
    int[] positions = positions(spec.getChildOrderList());
    for (int i = 0; i < idx; i++) {
      long from = actualPrefix + position(spec.getChildOrderList(), positions, i) * childSize;
      if (!sliceEquals(op.getPrefix(), from, childSize, spec.getEmptyChild())) {
        return false;
      }
    }
    return true;
  }

  static boolean rightBranchesAreEmpty(InnerSpec spec, InnerOp op) {
    int idx = orderFromPadding(spec, op);
    int rightBranches = spec.getChildOrderCount() - 1 - idx;
    if (rightBranches == 0) {
      return false;
    }
    long childSize = spec.getChildSize();
    if (op.getSuffix().size() != rightBranches * childSize) {
      return false;
    }
    int[] positions = positions(spec.getChildOrderList());
    for (int i = 0; i < rightBranches; i++) {
      long from = position(spec.getChildOrderList(), positions, i) * childSize;
      if (!sliceEquals(op.getSuffix(), from, childSize, spec.getEmptyChild())) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code bytes.Equal(expected, data[from:from+length])}; a slice Go would panic on is unequal.
   */
  private static boolean sliceEquals(ByteString data, long from, long length, ByteString expected) {
    if (from < 0 || length < 0 || from + length > data.size() || length != expected.size()) {
      return false;
    }
    return data.substring((int) from, (int) (from + length)).equals(expected);
  }

  /** Which branch (child-order value) the op's prefix/suffix lengths place its child in. */
  static int orderFromPadding(InnerSpec spec, InnerOp op) {
    int[] positions = positions(spec.getChildOrderList());
    int maxBranch = spec.getChildOrderCount();
    for (int branch = 0; branch < maxBranch; branch++) {
      if (padding(spec, positions, branch).matches(op)) {
        return branch;
      }
    }
    throw ProofException.of(NOT_NEIGHBOURS, "cannot find any valid spacing for this node");
  }

  /** Expected prefix range and suffix length of a step whose child sits in {@code branch}. */
  record Padding(long minPrefix, long maxPrefix, long suffix) {
    boolean matches(InnerOp op) {
      long prefix = op.getPrefix().size();
      return prefix >= minPrefix && prefix <= maxPrefix && op.getSuffix().size() == suffix;
    }
  }

  static Padding padding(InnerSpec spec, int branch) {
    return padding(spec, positions(spec.getChildOrderList()), branch);
  }

  private static Padding padding(InnerSpec spec, int[] positions, int branch) {
    long idx = position(spec.getChildOrderList(), positions, branch);
    long childSize = spec.getChildSize();
    long prefix = idx * childSize;
    return new Padding(
        prefix + spec.getMinPrefixLength(),
        prefix + spec.getMaxPrefixLength(),
        (spec.getChildOrderCount() - 1 - idx) * childSize);
  }

  /** getPosition: the index of {@code branch} in the child order. */
  static int position(List<Integer> order, int branch) {
    return position(order, positions(order), branch);
  }

  /**
   * getPosition through a precomputed first-index table, so a spec with a long (hostile) child
   * order costs linear rather than quadratic time per step; results and errors are Go's.
   */
  private static int position(List<Integer> order, int[] positions, int branch) {
    if (branch < 0 || branch >= order.size()) {
      throw ProofException.of(INVALID_SPEC, "invalid branch: %d", branch);
    }
    if (positions[branch] < 0) {
      throw ProofException.of(
          INVALID_SPEC, "branch %d not found in order %s", branch, GoFormat.intsV(order));
    }
    return positions[branch];
  }

  /** For each branch value in range, the first index holding it, else -1. */
  private static int[] positions(List<Integer> order) {
    int[] first = new int[order.size()];
    java.util.Arrays.fill(first, -1);
    for (int i = 0; i < order.size(); i++) {
      int v = order.get(i);
      if (v >= 0 && v < first.length && first[v] < 0) {
        first[v] = i;
      }
    }
    return first;
  }
}
