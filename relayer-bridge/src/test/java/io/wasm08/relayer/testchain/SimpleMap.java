package io.wasm08.relayer.testchain;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.Sha256;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * A sorted key/value map hashed as the Cosmos SDK hashes its multistore ({@code
 * store/internal/maps}): simple Merkle tree over {@code uvarint(len key) ‖ key ‖ uvarint(32) ‖
 * SHA256(value)}, keys ascending — the tree ICS-23's {@code TendermintSpec} proves. The test chain
 * keeps its app state in such maps (one per store, and one over the stores' roots), so its app hash
 * is provable with real ICS-23 proofs.
 */
public final class SimpleMap {
  private SimpleMap() {}

  /** The leaf bytes of one entry. */
  public static Bytes leaf(Bytes key, Bytes value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    uvarint(out, key.size());
    out.writeBytes(key.toByteArray());
    Bytes valueHash = Sha256.hash(value);
    uvarint(out, valueHash.size());
    out.writeBytes(valueHash.toByteArray());
    return Bytes.wrapOwned(out.toByteArray());
  }

  public static List<Bytes> leaves(NavigableMap<Bytes, Bytes> map) {
    List<Bytes> leaves = new ArrayList<>(map.size());
    for (Map.Entry<Bytes, Bytes> e : map.entrySet()) {
      leaves.add(leaf(e.getKey(), e.getValue()));
    }
    return leaves;
  }

  public static Bytes root(NavigableMap<Bytes, Bytes> map) {
    return SimpleMerkle.hashFromByteSlices(leaves(map));
  }

  static void uvarint(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
