package io.wasm08.store.rootmulti;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.LengthOp;
import io.wasm08.common.Bytes;
import io.wasm08.store.CommitId;
import io.wasm08.store.StoreErrorCode;
import io.wasm08.store.iavl.Encoding;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The SDK's {@code CommitInfo}: the stores committed at a version. Its {@link #hash()} is the app
 * hash ({@code store/types/commit_info.go} → {@code maps.ProofsFromMap}): the simple-Merkle root
 * over the stores sorted by name, each leaf item being {@code uvarint(len name) ‖ name ‖
 * uvarint(32) ‖ sha256(storeRootHash)}.
 */
public record CommitInfo(long version, List<StoreInfo> storeInfos) {
  public CommitInfo {
    storeInfos =
        storeInfos.stream().sorted(Comparator.comparing(s -> Bytes.ofUtf8(s.name()))).toList();
  }

  /** The app hash; empty when there are no stores (the SDK returns nil). */
  public Bytes hash() {
    return storeInfos.isEmpty() ? Bytes.EMPTY : SimpleMerkle.hashFromByteSlices(leaves());
  }

  public CommitId commitId() {
    return new CommitId(version, hash());
  }

  /** The named store's info, or {@code null}. */
  public StoreInfo storeInfo(String name) {
    for (StoreInfo info : storeInfos) {
      if (info.name().equals(name)) {
        return info;
      }
    }
    return null;
  }

  /**
   * {@code CommitInfo.ProofOp(storeName)} (the {@code ics23:simple} op): the existence proof of the
   * store's root hash under the app hash, verifiable with {@code TendermintSpec} — key = store
   * name, value = the store root (unhashed), leaf prefix {@code 00}, and per aunt leaf to root
   * {@code prefix 01, suffix aunt} (aunt on the right) or {@code prefix 01 ‖ aunt} (on the left),
   * as {@code store/internal/proofs/convert.go} builds it.
   */
  public CommitmentProof storeProof(String storeName) {
    int index = -1;
    for (int i = 0; i < storeInfos.size(); i++) {
      if (storeInfos.get(i).name().equals(storeName)) {
        index = i;
      }
    }
    if (index < 0) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "store " + storeName + " is not in the commit of version " + version);
    }
    ExistenceProof.Builder proof =
        ExistenceProof.newBuilder()
            .setKey(ByteString.copyFrom(Bytes.ofUtf8(storeName).toByteArray()))
            .setValue(ByteString.copyFrom(storeInfos.get(index).commitId().hash().toByteArray()))
            .setLeaf(
                LeafOp.newBuilder()
                    .setHash(HashOp.SHA256)
                    .setPrehashKey(HashOp.NO_HASH)
                    .setPrehashValue(HashOp.SHA256)
                    .setLength(LengthOp.VAR_PROTO)
                    .setPrefix(ByteString.copyFrom(new byte[] {0})));
    for (SimpleMerkle.Aunt aunt : SimpleMerkle.aunts(leaves(), index)) {
      InnerOp.Builder op = InnerOp.newBuilder().setHash(HashOp.SHA256);
      if (aunt.onRight()) {
        op.setPrefix(ByteString.copyFrom(new byte[] {1}))
            .setSuffix(ByteString.copyFrom(aunt.hash().toByteArray()));
      } else {
        op.setPrefix(ByteString.copyFrom(Bytes.of((byte) 1).concat(aunt.hash()).toByteArray()));
      }
      proof.addPath(op);
    }
    return CommitmentProof.newBuilder().setExist(proof).build();
  }

  /** The simple-Merkle leaf items, in name order ({@code KVPair.Bytes} of name and value hash). */
  public List<Bytes> leaves() {
    List<Bytes> leaves = new ArrayList<>(storeInfos.size());
    for (StoreInfo info : storeInfos) {
      leaves.add(leaf(info.name(), info.commitId().hash()));
    }
    return leaves;
  }

  static Bytes leaf(String name, Bytes storeHash) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Encoding.writeBytes(out, Bytes.ofUtf8(name));
    Encoding.writeBytes(out, Encoding.sha256(storeHash.toByteArray()));
    return Bytes.wrapOwned(out.toByteArray());
  }

  /** Our storage encoding (the SDK stores a protobuf CommitInfo; nothing reads ours but us). */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(8).putLong(version).array());
    Encoding.writeUvarint(out, storeInfos.size());
    for (StoreInfo info : storeInfos) {
      Encoding.writeBytes(out, Bytes.ofUtf8(info.name()));
      out.writeBytes(ByteBuffer.allocate(8).putLong(info.commitId().version()).array());
      Encoding.writeBytes(out, info.commitId().hash());
    }
    return out.toByteArray();
  }

  static CommitInfo decode(byte[] data) {
    try {
      ByteBuffer in = ByteBuffer.wrap(data);
      long version = in.getLong();
      int count = (int) uvarint(in);
      List<StoreInfo> infos = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        String name = new String(bytes(in), StandardCharsets.UTF_8);
        long storeVersion = in.getLong();
        Bytes hash = Bytes.wrapOwned(bytes(in));
        infos.add(new StoreInfo(name, new CommitId(storeVersion, hash)));
      }
      if (in.hasRemaining()) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("trailing bytes in commit info");
      }
      return new CommitInfo(version, infos);
    } catch (java.nio.BufferUnderflowException | NegativeArraySizeException e) {
      throw StoreErrorCode.STORAGE_FAILURE.wrap("corrupt commit info", e);
    }
  }

  private static byte[] bytes(ByteBuffer in) {
    long length = uvarint(in);
    if (length > in.remaining()) {
      throw StoreErrorCode.STORAGE_FAILURE.wrap("corrupt commit info");
    }
    byte[] b = new byte[(int) length];
    in.get(b);
    return b;
  }

  private static long uvarint(ByteBuffer in) {
    long result = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      byte b = in.get();
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
    throw StoreErrorCode.STORAGE_FAILURE.wrap("corrupt commit info");
  }
}
