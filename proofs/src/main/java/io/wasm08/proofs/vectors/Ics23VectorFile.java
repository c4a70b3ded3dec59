package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.proofs.ProofSpecs;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A file in one of the upstream ICS-23 vector formats (reference ics23.md §7), decoded: a single or
 * batch proof vector ({@code cosmos/ics23 testdata/{iavl,tendermint}/}), an ibc-go chained
 * MerkleProof, or one of the Go unit-test tables ({@code Test*Data.json}). Each yields the named
 * cases the upstream harness checks for it.
 */
public sealed interface Ics23VectorFile permits ProofVector, ChainedVector, UnitTable {

  /** The file's name, used as the prefix of its case names. */
  String name();

  /** The checks the upstream harness runs on this file, in file order. */
  List<VectorCase> cases();

  /** The standard specs by their folder names. */
  Map<String, ProofSpec> SPECS =
      Map.of("iavl", ProofSpecs.IAVL, "tendermint", ProofSpecs.TENDERMINT, "smt", ProofSpecs.SMT);

  /**
   * Reads {@code file}. Unit tables are recognised by their upstream file names, the other formats
   * by their fields. {@code spec} applies to single and batch files; null means the spec named by
   * the file's folder ({@code iavl/}, {@code tendermint/}, {@code smt/}), as the Go harness does.
   *
   * @throws io.wasm08.common.Wasm08Exception {@link VectorErrorCode#BAD_VECTOR_FILE} when the file
   *     cannot be read or is in none of the formats
   */
  static Ics23VectorFile read(Path file, ProofSpec spec) {
    String name = file.getFileName().toString();
    Optional<UnitTable.Kind> table = UnitTable.Kind.ofFileName(name);
    JsonNode json = GoJson.read(file);
    if (table.isPresent()) {
      return UnitTable.of(table.get(), json);
    }
    if (!json.isObject()) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(file + ": not a JSON object");
    }
    if (json.has("merkle_proof")) {
      return ChainedVector.of(name, json);
    }
    if (json.has("items") || json.has("key")) {
      return ProofVector.of(name, json, spec != null ? spec : VectorJson.specOfFolder(file));
    }
    throw VectorErrorCode.BAD_VECTOR_FILE.wrap(
        file
            + ": neither a proof vector ({key|items, proof, root}), a chained proof"
            + " ({merkle_proof, …}) nor an upstream unit table (Test*Data.json)");
  }

  /** True for names {@link #read} recognises as vector files: {@code *.json}. */
  static boolean isVectorFileName(String fileName) {
    return fileName.toLowerCase(Locale.ROOT).endsWith(".json");
  }
}
