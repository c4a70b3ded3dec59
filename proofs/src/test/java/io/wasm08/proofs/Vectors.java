package io.wasm08.proofs;

import cosmos.ics23.v1.Proofs.CommitmentProof;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.proofs.vectors.ProofVector;
import io.wasm08.testing.SharedFixtures;
import java.util.ArrayList;
import java.util.List;

/** The upstream vector files of {@code fixtures/ics23/{iavl,tendermint}/}, decoded. */
final class Vectors {
  private Vectors() {}

  static final List<String> TREES = List.of("iavl", "tendermint");
  static final List<String> SINGLE =
      List.of(
          "exist_left",
          "exist_right",
          "exist_middle",
          "nonexist_left",
          "nonexist_right",
          "nonexist_middle");
  static final List<String> BATCH = List.of("batch_exist", "batch_nonexist");

  /** The vector named {@code tree/name} (the mutation seeds derive from that name). */
  static ProofVector load(String tree, String name) {
    ProofVector v =
        (ProofVector)
            Ics23VectorFile.read(
                SharedFixtures.get().file("fixtures/ics23/" + tree + "/" + name + ".json"), null);
    return new ProofVector(
        tree + "/" + name,
        v.spec(),
        v.root(),
        v.encoded(),
        v.proof(),
        v.items(),
        v.batch(),
        v.valid());
  }

  /** Verifies every item of {@code v} against {@code proof}; throws the first failure. */
  static void requireAll(ProofVector v, CommitmentProof proof) {
    for (ProofVector.Item item : v.items()) {
      if (item.exists()) {
        Ics23.requireMembership(v.spec(), v.root(), proof, item.key(), item.value());
      } else {
        Ics23.requireNonMembership(v.spec(), v.root(), proof, item.key());
      }
    }
  }

  /** Every valid upstream vector: 12 single-proof files and 4 batch files. */
  static List<ProofVector> all() {
    List<ProofVector> out = new ArrayList<>();
    for (String tree : TREES) {
      for (String name : SINGLE) {
        out.add(load(tree, name));
      }
      for (String name : BATCH) {
        out.add(load(tree, name));
      }
    }
    return out;
  }
}
