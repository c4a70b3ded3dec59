package io.wasm08.proofs;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.LengthOp;
import cosmos.ics23.v1.Proofs.ProofSpec;
import java.util.List;

/** The standard proof specs of cosmos/ics23 ({@code go/proof.go}), with their literal values. */
public final class ProofSpecs {
  private ProofSpecs() {}

  private static final LeafOp SDK_LEAF =
      LeafOp.newBuilder()
          .setHash(HashOp.SHA256)
          .setPrehashKey(HashOp.NO_HASH)
          .setPrehashValue(HashOp.SHA256)
          .setLength(LengthOp.VAR_PROTO)
          .setPrefix(ByteString.copyFrom(new byte[] {0}))
          .build();

  /**
   * IAVL trees (cosmos/iavl): leaf prefix 0x00, inner prefix 4..12 bytes, child size 33 (the 0x20
   * length byte plus the 32-byte hash). max_depth 0 means 128.
   */
  public static final ProofSpec IAVL =
      ProofSpec.newBuilder()
          .setLeafSpec(SDK_LEAF)
          .setInnerSpec(
              InnerSpec.newBuilder()
                  .addAllChildOrder(List.of(0, 1))
                  .setChildSize(33)
                  .setMinPrefixLength(4)
                  .setMaxPrefixLength(12)
                  .setHash(HashOp.SHA256))
          .build();

  /** CometBFT simple merkle trees (the SDK multistore): inner prefix 0x01, child size 32. */
  public static final ProofSpec TENDERMINT =
      ProofSpec.newBuilder()
          .setLeafSpec(SDK_LEAF)
          .setInnerSpec(
              InnerSpec.newBuilder()
                  .addAllChildOrder(List.of(0, 1))
                  .setChildSize(32)
                  .setMinPrefixLength(1)
                  .setMaxPrefixLength(1)
                  .setHash(HashOp.SHA256))
          .build();

  /** celestiaorg/smt sparse merkle trees: hashed keys, 32 zero bytes as the empty child. */
  public static final ProofSpec SMT =
      ProofSpec.newBuilder()
          .setLeafSpec(
              LeafOp.newBuilder()
                  .setHash(HashOp.SHA256)
                  .setPrehashKey(HashOp.SHA256)
                  .setPrehashValue(HashOp.SHA256)
                  .setLength(LengthOp.NO_PREFIX)
                  .setPrefix(ByteString.copyFrom(new byte[] {0})))
          .setInnerSpec(
              InnerSpec.newBuilder()
                  .addAllChildOrder(List.of(0, 1))
                  .setChildSize(32)
                  .setMinPrefixLength(1)
                  .setMaxPrefixLength(1)
                  .setEmptyChild(ByteString.copyFrom(new byte[32]))
                  .setHash(HashOp.SHA256))
          .setMaxDepth(256)
          .setPrehashKeyBeforeComparison(true)
          .build();

  /**
   * ics23's {@code SpecEquals}: deliberately coarse (leaf prefix, child order contents, empty child
   * and depths are not compared), so IAVL- and Tendermint-shaped custom specs get the extra IAVL /
   * Tendermint validation too. Nil-safe as in go/v0.11.0.
   */
  public static boolean specEquals(ProofSpec a, ProofSpec b) {
    if (a.hasLeafSpec() != b.hasLeafSpec() || a.hasInnerSpec() != b.hasInnerSpec()) {
      return false;
    }
    if (a.hasLeafSpec()) {
      LeafOp x = a.getLeafSpec();
      LeafOp y = b.getLeafSpec();
      if (x.getHashValue() != y.getHashValue()
          || x.getPrehashKeyValue() != y.getPrehashKeyValue()
          || x.getPrehashValueValue() != y.getPrehashValueValue()
          || x.getLengthValue() != y.getLengthValue()) {
        return false;
      }
    }
    if (a.hasInnerSpec()) {
      InnerSpec x = a.getInnerSpec();
      InnerSpec y = b.getInnerSpec();
      return x.getHashValue() == y.getHashValue()
          && x.getMinPrefixLength() == y.getMinPrefixLength()
          && x.getMaxPrefixLength() == y.getMaxPrefixLength()
          && x.getChildSize() == y.getChildSize()
          && x.getChildOrderCount() == y.getChildOrderCount();
    }
    return true;
  }
}
