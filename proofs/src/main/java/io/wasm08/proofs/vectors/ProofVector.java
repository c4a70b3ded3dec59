package io.wasm08.proofs.vectors;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.proofs.Ics23;
import java.util.ArrayList;
import java.util.List;

/**
 * A cosmos/ics23 proof vector: a single proof {@code {key, value, proof, root}} ({@code value ""} =
 * non-existence) or a batch {@code {items: [{key, value}…], proof, root}} (reference ics23.md
 * §7.1–7.2), with the spec it is checked under.
 *
 * @param items one item for a single file; a batch's items in file order (value null = absent)
 * @param batch whether the file is in the batch format
 * @param valid false only for a vector of one's own marked {@code "expected": "invalid"}
 */
public record ProofVector(
    String name,
    ProofSpec spec,
    Bytes root,
    Bytes encoded,
    CommitmentProof proof,
    List<Item> items,
    boolean batch,
    boolean valid)
    implements Ics23VectorFile {

  /** One key and its value (null when the key is proven absent). */
  public record Item(Bytes key, Bytes value) {
    public boolean exists() {
      return value != null;
    }
  }

  public ProofVector {
    items = List.copyOf(items);
  }

  static ProofVector of(String name, JsonNode json, ProofSpec spec) {
    Bytes root = VectorJson.hex(json, "root");
    Bytes encoded = VectorJson.hex(json, "proof");
    CommitmentProof proof;
    try {
      proof = Ics23.parseCommitmentProof(encoded);
    } catch (Wasm08Exception e) {
      throw VectorErrorCode.BAD_VECTOR_FILE.wrap(name + ": proof: " + e.getMessage());
    }
    List<Item> items = new ArrayList<>();
    boolean batch = json.has("items");
    if (batch) {
      for (JsonNode item : json.get("items")) {
        items.add(new Item(VectorJson.hex(item, "key"), VectorJson.optionalHex(item, "value")));
      }
      if (items.isEmpty()) {
        throw VectorErrorCode.BAD_VECTOR_FILE.wrap(name + ": \"items\" is empty");
      }
    } else {
      items.add(new Item(VectorJson.hex(json, "key"), VectorJson.optionalHex(json, "value")));
    }
    return new ProofVector(
        name, spec, root, encoded, proof, items, batch, VectorJson.expectsValid(json));
  }

  /**
   * Go {@code TestVectors} for a single file (the proof calculates the stated root, then
   * (non-)membership verifies); for a batch, every item verified against the one batch proof
   * (beyond upstream, which samples one item) and, for a compressed proof, Go {@code
   * TestDecompressBatchVectors}' byte-exact round trip.
   */
  @Override
  public List<VectorCase> cases() {
    if (!batch) {
      Item item = items.getFirst();
      return List.of(
          new VectorCase(
              name,
              VectorJson.expecting(
                  valid,
                  () -> {
                    Bytes calculated = Ics23.calculateRoot(proof);
                    if (!calculated.equals(root)) {
                      throw VectorErrorCode.VECTOR_MISMATCH.wrap(
                          "calculated root " + calculated.toHex() + " is not the stated root");
                    }
                    verify(item);
                  })));
    }
    List<VectorCase> cases = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      String caseName =
          name + " item " + i + " " + (item.exists() ? "" : "absent ") + item.key().toHex();
      cases.add(new VectorCase(caseName, VectorJson.expecting(valid, () -> verify(item))));
    }
    if (Ics23.isCompressed(proof)) {
      cases.add(new VectorCase(name + " decompress/compress round trip", this::roundTrip));
    }
    return cases;
  }

  /** Verifies one item of this vector's proof against its root, with its spec. */
  public void verify(Item item) {
    if (item.exists()) {
      Ics23.requireMembership(spec, root, proof, item.key(), item.value());
    } else {
      Ics23.requireNonMembership(spec, root, proof, item.key());
    }
  }

  private void roundTrip() {
    CommitmentProof decompressed = Ics23.decompress(proof);
    if (decompressed.getSerializedSize() <= encoded.size()) {
      throw VectorErrorCode.VECTOR_MISMATCH.wrap(
          "decompressing did not enlarge the proof ("
              + decompressed.getSerializedSize()
              + " bytes)");
    }
    Bytes recompressed = Bytes.wrapOwned(Ics23.compress(decompressed).toByteArray());
    if (!recompressed.equals(encoded)) {
      throw VectorErrorCode.VECTOR_MISMATCH.wrap(
          "compress(decompress(proof)) is not byte-identical to the proof");
    }
  }
}
