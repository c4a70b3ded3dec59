package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.proofs.commitment.MerkleRoot;
import java.util.ArrayList;
import java.util.List;

/**
 * An ibc-go chained proof (reference ics23.md §7.4): {@code {root, merkle_path_key_path_hex: [hex
 * keys, root to leaf], value (hex; null = non-membership), merkle_proof (hex MerkleProof)}},
 * checked with ibc-go 23-commitment semantics and the SDK specs {@code [iavl, tendermint]}. The
 * proof is decoded inside the check, so an undecodable proof is a failing case rather than a bad
 * file.
 */
public record ChainedVector(
    String name,
    String caseName,
    MerkleRoot root,
    MerklePath path,
    Bytes value,
    Bytes encoded,
    boolean valid)
    implements Ics23VectorFile {

  static ChainedVector of(String name, JsonNode json) {
    Bytes root = VectorJson.hex(json, "root");
    JsonNode path = json.get("merkle_path_key_path_hex");
    if (path == null || !path.isArray()) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(
          name + ": \"merkle_path_key_path_hex\" must be an array of hex keys");
    }
    List<Bytes> keys = new ArrayList<>();
    for (JsonNode k : path) {
      keys.add(VectorJson.parseHex(k.asText(), "merkle_path_key_path_hex"));
    }
    return new ChainedVector(
        name,
        json.hasNonNull("name") ? json.get("name").asText() : name,
        new MerkleRoot(root),
        new MerklePath(keys),
        VectorJson.optionalHex(json, "value"),
        VectorJson.hex(json, "merkle_proof"),
        VectorJson.expectsValid(json));
  }

  @Override
  public List<VectorCase> cases() {
    return List.of(
        new VectorCase(
            caseName,
            VectorJson.expecting(valid, () -> verify(MerkleProofs.SDK_SPECS, root, path, value))));
  }

  /** Verifies this vector's proof as ibc-go does, against any root, path and value. */
  public void verify(List<ProofSpec> specs, MerkleRoot root, MerklePath path, Bytes value) {
    var proof = MerkleProofs.parseMerkleProof(encoded);
    if (value == null) {
      MerkleProofs.verifyNonMembership(proof, specs, root, path);
    } else {
      MerkleProofs.verifyMembership(proof, specs, root, path, value);
    }
  }
}
