package io.wasm08.proofs.commitment;

import ibc.core.commitment.v1.Commitment.MerkleProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.vectors.ChainedVector;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.testing.SharedFixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The real-chain two-layer MerkleProofs of {@code fixtures/ics23/ibc-go/}. */
final class RealChainProofs {
  private RealChainProofs() {}

  static final String DIR = "fixtures/ics23/ibc-go";

  /** One file: value null means a non-membership case. */
  record Case(
      String name,
      MerkleRoot root,
      MerklePath path,
      Bytes value,
      Bytes encoded,
      MerkleProof proof) {
    boolean membership() {
      return value != null;
    }

    @Override
    public String toString() {
      return name;
    }

    /** Verifies as ibc-go would with the SDK specs; throws on failure. */
    void verify(MerkleProof p, MerkleRoot r, MerklePath k, Bytes v) {
      if (v != null) {
        MerkleProofs.verifyMembership(p, MerkleProofs.SDK_SPECS, r, k, v);
      } else {
        MerkleProofs.verifyNonMembership(p, MerkleProofs.SDK_SPECS, r, k);
      }
    }
  }

  static List<Case> all() {
    Path dir = SharedFixtures.get().dir(DIR);
    List<Case> out = new ArrayList<>();
    try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "*.json")) {
      for (Path f : files) {
        out.add(load(f.getFileName().toString()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    out.sort((a, b) -> a.name().compareTo(b.name()));
    return out;
  }

  static Case load(String fileName) {
    ChainedVector v =
        (ChainedVector) Ics23VectorFile.read(SharedFixtures.get().file(DIR + "/" + fileName), null);
    if (!v.valid()) {
      throw new IllegalStateException(fileName + " is not a valid-case fixture");
    }
    return new Case(
        fileName.replace(".json", ""),
        v.root(),
        v.path(),
        v.value(),
        v.encoded(),
        MerkleProofs.parseMerkleProof(v.encoded()));
  }
}
