package io.wasm08.relayer.testchain;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import io.wasm08.common.Bytes;
import io.wasm08.proofs.ProofSpecs;
import io.wasm08.relayer.rpc.ProofOp;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * ICS-23 proofs ({@code TendermintSpec}) for {@link SimpleMap}s: an existence proof walks from the
 * leaf to the root, one inner op per level (prefix 0x01 plus the left sibling's hash, or the right
 * sibling's hash as suffix); a non-existence proof carries the existence proofs of the key's
 * neighbours. With the multistore proof of the store's root on top, this is what a Cosmos SDK node
 * returns from {@code abci_query … prove=true}, with simple trees where an SDK has IAVL.
 */
public final class SimpleMapProofs {
  public static final String OP_TYPE = "ics23:simple";

  private SimpleMapProofs() {}

  /** The two proof ops of {@code key} in the test chain's store after block {@code height}. */
  public static List<ProofOp> proofOps(TestChain chain, Bytes key, long height) {
    NavigableMap<Bytes, Bytes> state = chain.stateAfter(height);
    Bytes store = Bytes.ofUtf8(TestChain.STORE);
    return List.of(
        new ProofOp(OP_TYPE, key, Bytes.wrapOwned(proof(state, key).toByteArray())),
        new ProofOp(
            OP_TYPE, store, Bytes.wrapOwned(proof(chain.storeRoots(state), store).toByteArray())));
  }

  /** A {@link TestChainRpcServer.ProofSource} for paths {@code store/ibc/key}. */
  public static TestChainRpcServer.ProofSource source(TestChain chain) {
    return (path, key, height) ->
        path.equals("store/" + TestChain.STORE + "/key") ? proofOps(chain, key, height) : List.of();
  }

  public static CommitmentProof proof(NavigableMap<Bytes, Bytes> map, Bytes key) {
    if (map.containsKey(key)) {
      return CommitmentProof.newBuilder().setExist(existence(map, key)).build();
    }
    NonExistenceProof.Builder non = NonExistenceProof.newBuilder().setKey(bs(key));
    Map.Entry<Bytes, Bytes> left = map.lowerEntry(key);
    Map.Entry<Bytes, Bytes> right = map.higherEntry(key);
    if (left != null) {
      non.setLeft(existence(map, left.getKey()));
    }
    if (right != null) {
      non.setRight(existence(map, right.getKey()));
    }
    return CommitmentProof.newBuilder().setNonexist(non).build();
  }

  public static ExistenceProof existence(NavigableMap<Bytes, Bytes> map, Bytes key) {
    List<Bytes> leaves = SimpleMap.leaves(map);
    int index = map.headMap(key, false).size();
    List<InnerOp> path = new ArrayList<>();
    walk(leaves, 0, leaves.size(), index, path);
    return ExistenceProof.newBuilder()
        .setKey(bs(key))
        .setValue(bs(map.get(key)))
        .setLeaf(ProofSpecs.TENDERMINT.getLeafSpec())
        .addAllPath(path)
        .build();
  }

  /** Appends the inner ops from the leaf at {@code index} up to the root of leaves[from, to). */
  private static void walk(List<Bytes> leaves, int from, int to, int index, List<InnerOp> out) {
    int n = to - from;
    if (n == 1) {
      return;
    }
    int k = Integer.highestOneBit(n - 1);
    if (index < from + k) {
      walk(leaves, from, from + k, index, out);
      Bytes right = SimpleMerkle.hashFromByteSlices(leaves.subList(from + k, to));
      out.add(inner(Bytes.of((byte) 1), right));
    } else {
      walk(leaves, from + k, to, index, out);
      Bytes left = SimpleMerkle.hashFromByteSlices(leaves.subList(from, from + k));
      out.add(inner(Bytes.of((byte) 1).concat(left), Bytes.EMPTY));
    }
  }

  private static InnerOp inner(Bytes prefix, Bytes suffix) {
    return InnerOp.newBuilder()
        .setHash(HashOp.SHA256)
        .setPrefix(bs(prefix))
        .setSuffix(bs(suffix))
        .build();
  }

  private static ByteString bs(Bytes b) {
    return ByteString.copyFrom(b.asReadOnlyByteBuffer());
  }
}
