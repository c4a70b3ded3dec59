package io.wasm08.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.vectors.ProofVector;
import io.wasm08.proofs.vectors.ProofVector.Item;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The upstream proof vectors with the Go harnesses' semantics: {@code TestVectors} (single files),
 * {@code TestBatchVectors} (go/v0.11.0, incl. its invalid cases) and {@code
 * TestDecompressBatchVectors}; beyond upstream, every item of every batch file is verified.
 */
class VectorsTest {

  static Stream<Arguments> singles() {
    List<Arguments> out = new ArrayList<>();
    for (String tree : Vectors.TREES) {
      for (String name : Vectors.SINGLE) {
        out.add(Arguments.of(tree, name));
      }
    }
    return out.stream();
  }

  /** Go TestVectors: Calculate equals the root, then (Non)Membership verifies. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("singles")
  void singleVector(String tree, String name) {
    ProofVector v = Vectors.load(tree, name);
    assertThat(Ics23.calculateRoot(v.proof())).isEqualTo(v.root());
    Item item = v.items().getFirst();
    if (item.exists()) {
      assertThat(v.proof().getProofCase()).isEqualTo(CommitmentProof.ProofCase.EXIST);
      assertThat(Ics23.verifyMembership(v.spec(), v.root(), v.proof(), item.key(), item.value()))
          .isTrue();
      Ics23.verifyExistence(v.proof().getExist(), v.spec(), v.root(), item.key(), item.value());
    } else {
      assertThat(v.proof().getProofCase()).isEqualTo(CommitmentProof.ProofCase.NONEXIST);
      assertThat(Ics23.verifyNonMembership(v.spec(), v.root(), v.proof(), item.key())).isTrue();
      Ics23.verifyNonExistence(v.proof().getNonexist(), v.spec(), v.root(), item.key());
    }
  }

  /** The shapes the reference states: left has only a right neighbour, right only a left one. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("trees")
  void nonExistenceNeighbourShapes(String tree) {
    assertThat(Vectors.load(tree, "nonexist_left").proof().getNonexist().hasLeft()).isFalse();
    assertThat(Vectors.load(tree, "nonexist_right").proof().getNonexist().hasRight()).isFalse();
    var middle = Vectors.load(tree, "nonexist_middle").proof().getNonexist();
    assertThat(middle.hasLeft() && middle.hasRight()).isTrue();
  }

  static Stream<String> trees() {
    return Vectors.TREES.stream();
  }

  static Stream<Arguments> batchFiles() {
    List<Arguments> out = new ArrayList<>();
    for (String tree : Vectors.TREES) {
      for (String name : Vectors.BATCH) {
        out.add(Arguments.of(tree, name));
      }
    }
    return out.stream();
  }

  /** Every one of the 20 items of every batch file verifies, singly and as a batch. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("batchFiles")
  void everyBatchItemVerifies(String tree, String name) {
    ProofVector v = Vectors.load(tree, name);
    assertThat(v.proof().getProofCase()).isEqualTo(CommitmentProof.ProofCase.COMPRESSED);
    assertThat(v.items()).hasSize(20);
    Vectors.requireAll(v, v.proof());
    Vectors.requireAll(v, Ics23.decompress(v.proof()));
    assertThat(Ics23.calculateRoot(v.proof())).isEqualTo(v.root());
    if (name.equals("batch_exist")) {
      Map<Bytes, Bytes> items = new java.util.HashMap<>();
      v.items().forEach(i -> items.put(i.key(), i.value()));
      assertThat(Ics23.batchVerifyMembership(v.spec(), v.root(), v.proof(), items)).isTrue();
      assertThat(Ics23.batchVerifyNonMembership(v.spec(), v.root(), v.proof(), items.keySet()))
          .isFalse();
    } else {
      List<Bytes> keys = v.items().stream().map(Item::key).toList();
      assertThat(Ics23.batchVerifyNonMembership(v.spec(), v.root(), v.proof(), keys)).isTrue();
    }
  }

  /** Go TestDecompressBatchVectors, on all four batch files. */
  @ParameterizedTest(name = "{0}/{1}")
  @MethodSource("batchFiles")
  void compressOfDecompressIsByteIdentical(String tree, String name) {
    ProofVector v = Vectors.load(tree, name);
    CommitmentProof decompressed = Ics23.decompress(v.proof());
    assertThat(decompressed).isNotEqualTo(v.proof());
    assertThat(decompressed.getProofCase()).isEqualTo(CommitmentProof.ProofCase.BATCH);
    assertThat(decompressed.getSerializedSize()).isGreaterThan(v.encoded().size());
    assertThat(Ics23.compress(decompressed).toByteArray()).isEqualTo(v.encoded().toByteArray());
    assertThat(Ics23.isCompressed(v.proof())).isTrue();
    assertThat(Ics23.decompress(decompressed)).isSameAs(decompressed);
  }

  /** A reference item with the root of the file it came from, as Go's RefData has. */
  record Ref(Bytes root, Item item) {}

  record BatchCase(String name, ProofSpec spec, CommitmentProof proof, Ref ref, boolean valid) {
    Item item() {
      return ref.item();
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Go TestBatchVectors at go/v0.11.0 ({@code BatchVectorsTestData}), case by case. */
  static Stream<BatchCase> batchCases() {
    List<Ref> iavlRefs = refs("iavl");
    List<Ref> tmRefs = refs("tendermint");
    CommitmentProof iavlBatch = combined("iavl");
    CommitmentProof tmBatch = combined("tendermint");
    List<BatchCase> out = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      out.add(new BatchCase("iavl " + i, ProofSpecs.IAVL, iavlBatch, iavlRefs.get(i), true));
    }
    out.add(
        new BatchCase("iavl invalid 1", ProofSpecs.TENDERMINT, iavlBatch, iavlRefs.get(4), false));
    out.add(new BatchCase("iavl invalid 2", ProofSpecs.IAVL, iavlBatch, tmRefs.get(0), false));
    ProofVector iavlExist = Vectors.load("iavl", "batch_exist");
    ProofVector iavlNonexist = Vectors.load("iavl", "batch_nonexist");
    out.add(
        new BatchCase(
            "iavl batch exist",
            ProofSpecs.IAVL,
            iavlExist.proof(),
            new Ref(iavlExist.root(), iavlExist.items().get(17)),
            true));
    out.add(
        new BatchCase(
            "iavl batch nonexist",
            ProofSpecs.IAVL,
            iavlNonexist.proof(),
            new Ref(iavlNonexist.root(), iavlNonexist.items().get(7)),
            true));
    for (int i = 0; i < 6; i++) {
      out.add(new BatchCase("tm " + i, ProofSpecs.TENDERMINT, tmBatch, tmRefs.get(i), true));
    }
    out.add(new BatchCase("tm invalid 1", ProofSpecs.IAVL, tmBatch, tmRefs.get(4), false));
    out.add(new BatchCase("tm invalid 2", ProofSpecs.TENDERMINT, tmBatch, iavlRefs.get(0), false));
    ProofVector tmExist = Vectors.load("tendermint", "batch_exist");
    ProofVector tmNonexist = Vectors.load("tendermint", "batch_nonexist");
    out.add(
        new BatchCase(
            "tm batch exist",
            ProofSpecs.TENDERMINT,
            tmExist.proof(),
            new Ref(tmExist.root(), tmExist.items().get(10)),
            true));
    out.add(
        new BatchCase(
            "tm batch nonexist",
            ProofSpecs.TENDERMINT,
            tmNonexist.proof(),
            new Ref(tmNonexist.root(), tmNonexist.items().get(3)),
            true));
    return out.stream();
  }

  /**
   * Go's refs order: exist_left, exist_right, exist_middle, nonexist_left, nonexist_right,
   * nonexist_middle.
   */
  private static List<Ref> refs(String tree) {
    return Vectors.SINGLE.stream()
        .map(n -> Vectors.load(tree, n))
        .map(v -> new Ref(v.root(), v.items().getFirst()))
        .toList();
  }

  /** CombineProofs of the six single files (a compressed batch, as Go builds it). */
  private static CommitmentProof combined(String tree) {
    return Ics23.combineProofs(
        Vectors.SINGLE.stream().map(n -> Vectors.load(tree, n).proof()).toList());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("batchCases")
  void batchVector(BatchCase c) {
    // Each reference carries the root of the file it came from, as Go's RefData does.
    Bytes root = rootFor(c);
    boolean single;
    boolean batch;
    if (c.item().exists()) {
      single = Ics23.verifyMembership(c.spec(), root, c.proof(), c.item().key(), c.item().value());
      batch =
          Ics23.batchVerifyMembership(
              c.spec(), root, c.proof(), Map.of(c.item().key(), c.item().value()));
    } else {
      single = Ics23.verifyNonMembership(c.spec(), root, c.proof(), c.item().key());
      batch = Ics23.batchVerifyNonMembership(c.spec(), root, c.proof(), List.of(c.item().key()));
    }
    assertThat(single).isEqualTo(c.valid());
    assertThat(batch).isEqualTo(c.valid());
  }

  private static Bytes rootFor(BatchCase c) {
    return c.ref().root();
  }

  @Test
  void combinedBatchesCompressAndRoundTrip() {
    for (String tree : Vectors.TREES) {
      CommitmentProof combined = combined(tree);
      assertThat(combined.getProofCase()).isEqualTo(CommitmentProof.ProofCase.COMPRESSED);
      assertThat(combined.getCompressed().getEntriesCount()).isEqualTo(6);
      assertThat(Ics23.compress(Ics23.decompress(combined))).isEqualTo(combined);
    }
  }
}
