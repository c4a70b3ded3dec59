package io.wasm08.proofs;

import static io.wasm08.proofs.ProofErrorCode.INVALID_SPEC;
import static io.wasm08.proofs.ProofErrorCode.MALFORMED_PROOF;
import static io.wasm08.proofs.ProofErrorCode.SPEC_MISMATCH;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.ProofSpec;

/**
 * Leaf and inner steps: applying them ({@code Apply}) and checking them against a spec ({@code
 * CheckAgainstSpec}), with the messages and order of checks of cosmos/ics23 Go master, which adds
 * the strict IAVL leaf, Tendermint prefix and max-prefix-length rules to go/v0.11.0.
 */
final class Ops {
  private Ops() {}

  static byte[] applyLeaf(LeafOp op, byte[] key, byte[] value) {
    if (key.length == 0) {
      throw ProofException.of(MALFORMED_PROOF, "leaf op needs key");
    }
    if (value.length == 0) {
      throw ProofException.of(MALFORMED_PROOF, "leaf op needs value");
    }
    byte[] pkey;
    byte[] pkeyLength;
    try {
      pkey = HashOps.doHashOrNoop(op.getPrehashKeyValue(), key);
      pkeyLength = HashOps.lengthPrefix(op.getLengthValue(), pkey.length);
    } catch (ProofException e) {
      throw e.within("prehash key");
    }
    byte[] pvalue;
    byte[] pvalueLength;
    try {
      pvalue = HashOps.doHashOrNoop(op.getPrehashValueValue(), value);
      pvalueLength = HashOps.lengthPrefix(op.getLengthValue(), pvalue.length);
    } catch (ProofException e) {
      throw e.within("prehash value");
    }
    return HashOps.doHash(
        op.getHashValue(), op.getPrefix().toByteArray(), pkeyLength, pkey, pvalueLength, pvalue);
  }

  static byte[] applyInner(InnerOp op, byte[] child) {
    if (child.length == 0) {
      throw ProofException.of(MALFORMED_PROOF, "inner op needs child value");
    }
    return HashOps.doHash(
        op.getHashValue(), op.getPrefix().toByteArray(), child, op.getSuffix().toByteArray());
  }

  static void checkLeaf(LeafOp op, ProofSpec spec) {
    if (spec == null) {
      throw ProofException.of(INVALID_SPEC, "op and spec must be non-nil");
    }
    if (!spec.hasLeafSpec()) {
      throw ProofException.of(INVALID_SPEC, "spec.LeafSpec must be non-nil");
    }
    LeafOp ls = spec.getLeafSpec();
    if (ProofSpecs.specEquals(spec, ProofSpecs.IAVL)) {
      validateIavlOps(op.getPrefix(), op.getHashValue(), 0);
    }
    if (op.getHashValue() != ls.getHashValue()) {
      throw ProofException.of(SPEC_MISMATCH, "unexpected HashOp: %d", op.getHashValue());
    }
    if (op.getPrehashKeyValue() != ls.getPrehashKeyValue()) {
      throw ProofException.of(SPEC_MISMATCH, "unexpected PrehashKey: %d", op.getPrehashKeyValue());
    }
    if (op.getPrehashValueValue() != ls.getPrehashValueValue()) {
      throw ProofException.of(
          SPEC_MISMATCH, "unexpected PrehashValue: %d", op.getPrehashValueValue());
    }
    if (op.getLengthValue() != ls.getLengthValue()) {
      throw ProofException.of(SPEC_MISMATCH, "unexpected LengthOp: %d", op.getLengthValue());
    }
    if (!op.getPrefix().startsWith(ls.getPrefix())) {
      throw ProofException.of(
          SPEC_MISMATCH, "leaf Prefix doesn't start with %s", GoFormat.upperHex(ls.getPrefix()));
    }
  }

  static void checkInner(InnerOp op, ProofSpec spec, int layerNum) {
    if (spec == null) {
      throw ProofException.of(INVALID_SPEC, "op and spec must be both non-nil");
    }
    if (!spec.hasInnerSpec()) {
      throw ProofException.of(INVALID_SPEC, "spec.InnerSpec must be non-nil");
    }
    if (!spec.hasLeafSpec()) {
      throw ProofException.of(INVALID_SPEC, "spec.LeafSpec must be non-nil");
    }
    InnerSpec is = spec.getInnerSpec();
    if (op.getHashValue() != is.getHashValue()) {
      throw ProofException.of(SPEC_MISMATCH, "unexpected HashOp: %d", op.getHashValue());
    }
    if (ProofSpecs.specEquals(spec, ProofSpecs.IAVL)) {
      validateIavlOps(op.getPrefix(), op.getHashValue(), layerNum);
    }
    if (ProofSpecs.specEquals(spec, ProofSpecs.TENDERMINT)) {
      validateTendermintOps(op);
    }
    ByteString leafPrefix = spec.getLeafSpec().getPrefix();
    if (op.getPrefix().startsWith(leafPrefix)) {
      throw ProofException.of(
          SPEC_MISMATCH, "inner Prefix starts with %s", GoFormat.upperHex(leafPrefix));
    }
    long prefixLength = op.getPrefix().size();
    if (prefixLength < is.getMinPrefixLength()) {
      throw ProofException.of(SPEC_MISMATCH, "innerOp prefix too short (%d)", prefixLength);
    }
    // Go computes this in 64-bit int; so do we, so huge spec values cannot wrap.
    long maxLeftChildBytes = (is.getChildOrderCount() - 1L) * is.getChildSize();
    if (prefixLength > is.getMaxPrefixLength() + maxLeftChildBytes) {
      throw ProofException.of(SPEC_MISMATCH, "innerOp prefix too long (%d)", prefixLength);
    }
    if (is.getChildSize() <= 0) {
      throw ProofException.of(INVALID_SPEC, "spec.InnerSpec.ChildSize must be >= 1");
    }
    // Go adds two int32 here, wrapping on overflow exactly like Java int addition.
    if (is.getMaxPrefixLength() >= is.getMinPrefixLength() + is.getChildSize()) {
      throw ProofException.of(
          INVALID_SPEC,
          "spec.InnerSpec.MaxPrefixLength must be < spec.InnerSpec.MinPrefixLength +"
              + " spec.InnerSpec.ChildSize");
    }
    if (op.getSuffix().size() % is.getChildSize() != 0) {
      throw ProofException.of(SPEC_MISMATCH, "InnerOp suffix malformed");
    }
  }

  /**
   * The 2022 "dragonberry" fix: an IAVL prefix must start with zig-zag varints height, size and
   * version, and the rest must be exactly the bytes IAVL puts there (nothing for a leaf; the length
   * byte, or length byte + left hash + length byte, for an inner node).
   */
  static void validateIavlOps(ByteString prefix, int hashOp, int layerNum) {
    GoVarintReader r = new GoVarintReader(prefix);
    long height = r.readVarint("height");
    if (height < 0 || height < layerNum) {
      throw ProofException.of(
          SPEC_MISMATCH,
          "IAVL height (%d) must be non-negative and greater than or equal to the layer number"
              + " (%d)",
          height,
          layerNum);
    }
    long size = r.readVarint("size");
    if (size < 0) {
      throw ProofException.of(SPEC_MISMATCH, "IAVL size must be non-negative");
    }
    long version = r.readVarint("version");
    if (version < 0) {
      throw ProofException.of(SPEC_MISMATCH, "IAVL version must be non-negative");
    }
    int remLen = r.remaining();
    if (layerNum == 0) {
      if (remLen != 0) {
        throw ProofException.of(
            SPEC_MISMATCH, "expected remaining prefix length to be 0, got: %d", remLen);
      }
      // Upstream prints remLen (always 0 here) in the next two messages; kept verbatim.
      if (height != 0) {
        throw ProofException.of(
            SPEC_MISMATCH, "expected leaf node height to be 0, got: %d", remLen);
      }
      if (size != 1) {
        throw ProofException.of(SPEC_MISMATCH, "expected leaf node size to be 1, got: %d", remLen);
      }
    } else {
      if (remLen != 1 && remLen != 34) {
        throw ProofException.of(
            SPEC_MISMATCH, "remainder of prefix must be of length 1 or 34, got: %d", remLen);
      }
      if (hashOp != HashOp.SHA256_VALUE) {
        throw ProofException.of(SPEC_MISMATCH, "IAVL hash op must be SHA256");
      }
    }
  }

  /** Tendermint inner nodes are {@code 0x01 || left || right}: the prefix must start with 0x01. */
  static void validateTendermintOps(InnerOp op) {
    ByteString prefix = op.getPrefix();
    if (prefix.isEmpty()) {
      throw ProofException.of(SPEC_MISMATCH, "inner op prefix must not be empty");
    }
    // Go tests suffix != nil; proto3 cannot tell an absent suffix from an empty one, and Go's own
    // encoder never writes an empty one, so "non-empty" is the observable equivalent.
    if (!op.getSuffix().isEmpty() && !(prefix.size() == 1 && prefix.byteAt(0) == 1)) {
      throw ProofException.of(
          SPEC_MISMATCH, "expected inner op prefix: [1], got: %s", GoFormat.bytesV(prefix));
    }
    if (prefix.byteAt(0) != 1) {
      throw ProofException.of(
          SPEC_MISMATCH,
          "expected inner op prefix to begin with: [1], got: %s",
          GoFormat.bytesV(prefix.substring(0, 1)));
    }
  }

  /** Go's binary.ReadVarint over a byte reader, with its error texts. */
  private static final class GoVarintReader {
    private final ByteString data;
    private int pos;

    GoVarintReader(ByteString data) {
      this.data = data;
    }

    long readVarint(String what) {
      long ux = 0;
      int shift = 0;
      for (int i = 0; i < 10; i++) {
        if (pos >= data.size()) {
          throw ProofException.of(
              SPEC_MISMATCH,
              "failed to read IAVL %s varint: %s",
              what,
              i > 0 ? "unexpected EOF" : "EOF");
        }
        int b = data.byteAt(pos++) & 0xff;
        if (b < 0x80) {
          if (i == 9 && b > 1) {
            throw overflow(what);
          }
          ux |= ((long) b) << shift;
          long x = ux >>> 1;
          return (ux & 1) != 0 ? ~x : x;
        }
        ux |= ((long) (b & 0x7f)) << shift;
        shift += 7;
      }
      throw overflow(what);
    }

    private static ProofException overflow(String what) {
      return ProofException.of(
          SPEC_MISMATCH,
          "failed to read IAVL %s varint: binary: varint overflows a 64-bit integer",
          what);
    }

    int remaining() {
      return data.size() - pos;
    }
  }
}
