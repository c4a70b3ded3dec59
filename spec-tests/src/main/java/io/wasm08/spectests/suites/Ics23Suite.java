package io.wasm08.spectests.suites;

import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.proofs.vectors.VectorCase;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ics23 --dir D}: every JSON file under D in one of the upstream ICS-23 vector formats, with
 * the semantics of the harness that reads it upstream ({@link Ics23VectorFile}). A file in none of
 * the formats fails, so a folder cannot pass by holding nothing checkable.
 */
public final class Ics23Suite implements Suite {
  private final Path dir;
  private final ProofSpec spec;

  /**
   * @param spec the spec for single and batch files, or null for the spec named by each file's
   *     folder ({@code iavl/}, {@code tendermint/}, {@code smt/}), as the upstream harness does
   */
  public Ics23Suite(Path dir, ProofSpec spec) {
    this.dir = dir;
    this.spec = spec;
  }

  @Override
  public String name() {
    return "ics23";
  }

  @Override
  public String subject() {
    return dir.toString();
  }

  @Override
  public List<String> checks() {
    return List.of(
        "single proofs {key, value, proof, root}: the proof calculates the stated root, then"
            + " (non-)membership verifies under the folder's spec (Go TestVectors)",
        "batch proofs {items, proof, root}: every item verifies against the one batch proof;"
            + " compress(decompress(proof)) is byte-identical (Go TestBatchVectors,"
            + " TestDecompressBatchVectors)",
        "unit tables Test*Data.json: each row with its Go test's semantics; error texts equal"
            + " for TestCheckAgainstSpecData (go/ops_test.go, go/proof_test.go)",
        "chained ibc-go MerkleProofs {root, merkle_path_key_path_hex, value, merkle_proof}: ibc-go"
            + " 23-commitment VerifyMembership/VerifyNonMembership with the SDK specs [iavl,"
            + " tendermint]");
  }

  @Override
  public List<ConformanceCase> cases() {
    List<ConformanceCase> cases = new ArrayList<>();
    for (Path file : InputFiles.under(dir, Ics23VectorFile::isVectorFileName)) {
      String rel = InputFiles.relative(dir, file);
      String fileName = file.getFileName().toString();
      List<VectorCase> vectorCases;
      try {
        vectorCases = Ics23VectorFile.read(file, spec).cases();
      } catch (Wasm08Exception e) {
        String reason = e.getMessage();
        cases.add(
            new ConformanceCase(
                rel,
                () -> {
                  throw ConformanceErrorCode.MISMATCH.wrap(reason);
                }));
        continue;
      }
      for (VectorCase v : vectorCases) {
        String name =
            vectorCases.size() == 1
                ? rel
                : v.name().startsWith(fileName)
                    ? rel + v.name().substring(fileName.length())
                    : rel + " " + v.name();
        cases.add(ConformanceCase.of(name, v.check()::run));
      }
    }
    return cases;
  }
}
