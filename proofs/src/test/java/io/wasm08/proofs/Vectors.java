package io.wasm08.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Bytes;
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

  /** One key (with its value, or null when absent) proven against {@code root}. */
  record Item(Bytes root, Bytes key, Bytes value) {
    boolean exists() {
      return value != null;
    }
  }

  record Vector(
      String name,
      ProofSpec spec,
      Bytes root,
      CommitmentProof proof,
      Bytes encoded,
      List<Item> items) {}

  static ProofSpec specFor(String tree) {
    return tree.equals("iavl") ? ProofSpecs.IAVL : ProofSpecs.TENDERMINT;
  }

  static Vector load(String tree, String name) {
    JsonNode json =
        GoJson.read(SharedFixtures.get().file("fixtures/ics23/" + tree + "/" + name + ".json"));
    Bytes encoded = Bytes.fromHex(json.get("proof").asText());
    Bytes root = Bytes.fromHex(json.get("root").asText());
    List<Item> items = new ArrayList<>();
    if (json.has("items")) {
      for (JsonNode item : json.get("items")) {
        items.add(item(root, item));
      }
    } else {
      items.add(item(root, json));
    }
    return new Vector(
        tree + "/" + name,
        specFor(tree),
        root,
        Ics23.parseCommitmentProof(encoded),
        encoded,
        List.copyOf(items));
  }

  private static Item item(Bytes root, JsonNode json) {
    String value = json.get("value").asText();
    return new Item(
        root,
        Bytes.fromHex(json.get("key").asText()),
        value.isEmpty() ? null : Bytes.fromHex(value));
  }

  /** Every valid upstream vector: 12 single-proof files and 4 batch files. */
  static List<Vector> all() {
    List<Vector> out = new ArrayList<>();
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

  /** Verifies every item of {@code v} against {@code proof}; the reason of the first failure. */
  static void requireAll(Vector v, CommitmentProof proof) {
    for (Item item : v.items()) {
      if (item.exists()) {
        Ics23.requireMembership(v.spec(), v.root(), proof, item.key(), item.value());
      } else {
        Ics23.requireNonMembership(v.spec(), v.root(), proof, item.key());
      }
    }
  }
}
