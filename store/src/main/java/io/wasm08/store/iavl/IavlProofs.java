package io.wasm08.store.iavl;

import com.google.protobuf.ByteString;
import cosmos.ics23.v1.Proofs.CommitmentProof;
import cosmos.ics23.v1.Proofs.ExistenceProof;
import cosmos.ics23.v1.Proofs.HashOp;
import cosmos.ics23.v1.Proofs.InnerOp;
import cosmos.ics23.v1.Proofs.LeafOp;
import cosmos.ics23.v1.Proofs.LengthOp;
import cosmos.ics23.v1.Proofs.NonExistenceProof;
import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.StoreErrorCode;
import java.io.ByteArrayOutputStream;
import java.util.List;

/**
 * ICS-23 proofs out of one IAVL tree version, as cosmos/iavl {@code proof_ics23.go} builds them
 * (they verify under {@code IavlSpec}): the leaf op carries {@code varint(0) varint(1)
 * varint(version)}; each inner op, leaf to root, carries {@code varint(height) varint(size)
 * varint(version)} and the sibling hash on its side, each hash length-prefixed with {@code 0x20}.
 */
final class IavlProofs {
  private static final byte HASH_LENGTH = 0x20;

  private IavlProofs() {}

  /** {@code GetMembershipProof}: an existence proof; INVALID_REQUEST if the key is absent. */
  static CommitmentProof membership(ImmutableTree tree, Bytes key) {
    requireNonEmpty(tree);
    return CommitmentProof.newBuilder().setExist(existence(tree, key)).build();
  }

  /**
   * {@code GetNonMembershipProof}: the existence proofs of the key's neighbours (the last key below
   * it, the first above it; one is missing at either end); INVALID_REQUEST if the key is present.
   */
  static CommitmentProof nonMembership(ImmutableTree tree, Bytes key) {
    requireNonEmpty(tree);
    if (tree.has(key)) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "cannot create NonExistenceProof when key " + key + " is in state");
    }
    NonExistenceProof.Builder nonexist =
        NonExistenceProof.newBuilder().setKey(ByteString.copyFrom(key.toByteArray()));
    try (KvIterator left = tree.reverseIterator(null, key)) {
      if (left.valid()) {
        nonexist.setLeft(existence(tree, left.key()));
      }
    }
    try (KvIterator right = tree.iterator(key, null)) {
      if (right.valid()) {
        nonexist.setRight(existence(tree, right.key()));
      }
    }
    return CommitmentProof.newBuilder().setNonexist(nonexist).build();
  }

  static ExistenceProof existence(ImmutableTree tree, Bytes key) {
    List<Node> path = tree.pathToLeaf(key);
    if (path == null) {
      throw StoreErrorCode.INVALID_REQUEST.wrap(
          "cannot create ExistenceProof when key " + key + " is not in state");
    }
    NodeDb ndb = tree.nodeDb();
    long workingVersion = tree.hashVersion();
    Node leaf = path.get(path.size() - 1);
    ExistenceProof.Builder proof =
        ExistenceProof.newBuilder()
            .setKey(ByteString.copyFrom(leaf.key.toByteArray()))
            .setValue(ByteString.copyFrom(leaf.value.toByteArray()))
            .setLeaf(leafOp(leaf.version(workingVersion)));
    for (int i = path.size() - 2; i >= 0; i--) {
      Node inner = path.get(i);
      ByteArrayOutputStream prefix = new ByteArrayOutputStream(80);
      Encoding.writeVarint(prefix, inner.height);
      Encoding.writeVarint(prefix, inner.size);
      Encoding.writeVarint(prefix, inner.version(workingVersion));
      InnerOp.Builder op = InnerOp.newBuilder().setHash(HashOp.SHA256);
      // The path went left exactly when the key sorts below the inner node's key.
      if (key.compareTo(inner.key) < 0) {
        prefix.write(HASH_LENGTH);
        ByteArrayOutputStream suffix = new ByteArrayOutputStream(33);
        suffix.write(HASH_LENGTH);
        suffix.writeBytes(inner.right(ndb).hash(ndb, workingVersion).toByteArray());
        op.setSuffix(ByteString.copyFrom(suffix.toByteArray()));
      } else {
        prefix.write(HASH_LENGTH);
        prefix.writeBytes(inner.left(ndb).hash(ndb, workingVersion).toByteArray());
        prefix.write(HASH_LENGTH);
      }
      proof.addPath(op.setPrefix(ByteString.copyFrom(prefix.toByteArray())));
    }
    return proof.build();
  }

  /** {@code convertLeafOp}: IavlSpec's leaf with the leaf's version in the prefix. */
  static LeafOp leafOp(long version) {
    ByteArrayOutputStream prefix = new ByteArrayOutputStream(12);
    Encoding.writeVarint(prefix, 0);
    Encoding.writeVarint(prefix, 1);
    Encoding.writeVarint(prefix, version);
    return LeafOp.newBuilder()
        .setHash(HashOp.SHA256)
        .setPrehashKey(HashOp.NO_HASH)
        .setPrehashValue(HashOp.SHA256)
        .setLength(LengthOp.VAR_PROTO)
        .setPrefix(ByteString.copyFrom(prefix.toByteArray()))
        .build();
  }

  private static void requireNonEmpty(ImmutableTree tree) {
    if (tree.isEmpty()) {
      throw StoreErrorCode.INVALID_REQUEST.wrap("cannot generate the proof with nil root");
    }
  }
}
