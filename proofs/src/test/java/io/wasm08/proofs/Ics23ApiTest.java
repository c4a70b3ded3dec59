package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.CompressedBatchEntry;
import cosmos.ics23.v1.Proofs.CompressedBatchProof;
import cosmos.ics23.v1.Proofs.CompressedExistenceProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.InnerSpec;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import io.wasm08.common.Bytes;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Edges of the public API that upstream does not test: nulls, bad indexes, hostile specs. */
class Ics23ApiTest {
  private static final Bytes K = Bytes.ofUtf8("k");
  private static final CommitmentProof EMPTY = CommitmentProof.getDefaultInstance();

  @Test
  void nullsAreFalseOrProofExceptions() {
    assertThat(Ics23.verifyMembership(null, K, EMPTY, K, K)).isFalse();
    assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, null, EMPTY, K, K)).isFalse();
    assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, K, null, K, K)).isFalse();
    assertThat(Ics23.verifyNonMembership(null, K, EMPTY, K)).isFalse();
    assertThat(Ics23.verifyNonMembership(ProofSpecs.IAVL, K, EMPTY, null)).isFalse();
    assertThatThrownBy(() -> Ics23.calculateRoot((CommitmentProof) null))
        .isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> Ics23.decompress(null)).isInstanceOf(ProofException.class);
    assertThatThrownBy(() -> Ics23.parseCommitmentProof(null)).isInstanceOf(ProofException.class);
    assertThat(Ics23.isCompressed(null)).isFalse();
  }

  @Test
  void nullSpecFailsWithGosTextInsideTheNeighbourChecks() {
    NonExistenceProof np =
        NonExistenceProof.newBuilder()
            .setLeft(ExistenceProof.newBuilder().setLeaf(ProofSpecs.IAVL.getLeafSpec()))
            .build();
    assertThatThrownBy(() -> Ics23.verifyNonExistence(np, null, K, K))
        .isInstanceOf(ProofException.class)
        .hasMessage("left proof, leaf, op and spec must be non-nil");
    assertThatThrownBy(
            () -> Ics23.verifyNonExistence(NonExistenceProof.getDefaultInstance(), null, K, K))
        .hasMessage("both left and right proofs missing");
  }

  @Test
  void outOfRangeLookupIndexIsAnErrorNotAPanic() {
    CommitmentProof bad =
        CommitmentProof.newBuilder()
            .setCompressed(
                CompressedBatchProof.newBuilder()
                    .addEntries(
                        CompressedBatchEntry.newBuilder()
                            .setExist(
                                CompressedExistenceProof.newBuilder()
                                    .setKey(ByteString.copyFromUtf8("k"))
                                    .addPath(3))))
            .build();
    assertThatThrownBy(() -> Ics23.decompress(bad))
        .isInstanceOf(ProofException.class)
        .hasMessage("compressed path step 0 references lookup inner 3 of 0");
    assertThat(Ics23.verifyMembership(ProofSpecs.IAVL, K, bad, K, K)).isFalse();
    assertThatThrownBy(() -> Ics23.calculateRoot(bad)).isInstanceOf(ProofException.class);
  }

  /**
   * Empty paths and identical paths make Go panic in IsLeftNeighbor; here they are not neighbours.
   */
  @Test
  void degenerateNeighbourPathsAreNotNeighbours() {
    InnerSpec spec = ProofSpecs.TENDERMINT.getInnerSpec();
    InnerOp step =
        InnerOp.newBuilder()
            .setHash(HashOp.SHA256)
            .setPrefix(ByteString.copyFrom(new byte[] {1}))
            .build();
    assertThat(Ics23.isLeftNeighbor(spec, List.of(), List.of(step))).isFalse();
    assertThat(Ics23.isLeftNeighbor(spec, List.of(step), List.of(step))).isFalse();
    assertThat(Ics23.isLeftNeighbor(spec, List.of(step, step), List.of(step))).isFalse();
  }

  /** A client state can carry any spec: a 200000-entry child order must not go quadratic. */
  @Test
  void hostileChildOrderIsLinear() {
    List<Integer> order = IntStream.range(0, 200_000).boxed().toList();
    InnerSpec spec =
        InnerSpec.newBuilder()
            .addAllChildOrder(Collections.unmodifiableList(order))
            .setChildSize(1)
            .setHash(HashOp.SHA256)
            .build();
    InnerOp step = InnerOp.newBuilder().setHash(HashOp.SHA256).build();
    // No branch fits an empty prefix with 199999 suffix bytes expected: an error, quickly.
    assertThatThrownBy(() -> Ics23.leftBranchesAreEmpty(spec, step))
        .isInstanceOf(ProofException.class)
        .hasMessage("cannot find any valid spacing for this node");
  }
}
