package io.wasm08.store.iavl;

import io.wasm08.common.Bytes;
import io.wasm08.store.StoreErrorCode;
import java.io.ByteArrayOutputStream;

/**
 * An IAVL node (cosmos/iavl v1 {@code Node}), immutable. A leaf holds a key and value (height 0,
 * size 1); an inner node holds the smallest key of its right subtree, its height and leaf count.
 *
 * <p>An <em>unsaved</em> node (created in the working version) points at its children directly and
 * hashes with the working version; a <em>saved</em> node has a {@link NodeKey}, its stored hash and
 * refers to its children by key, loaded through the {@link NodeDb} cache, so the resident tree
 * stays bounded.
 */
final class Node {
  final Bytes key;
  final Bytes value;
  final int height;
  final long size;
  final NodeKey nodeKey;
  final NodeKey leftKey;
  final NodeKey rightKey;
  private final Node leftNode;
  private final Node rightNode;
  private final Bytes savedHash;
  private volatile WorkingHash workingHash;

  private record WorkingHash(long version, Bytes hash) {}

  private Node(
      Bytes key,
      Bytes value,
      int height,
      long size,
      NodeKey nodeKey,
      Node leftNode,
      Node rightNode,
      NodeKey leftKey,
      NodeKey rightKey,
      Bytes savedHash) {
    this.key = key;
    this.value = value;
    this.height = height;
    this.size = size;
    this.nodeKey = nodeKey;
    this.leftNode = leftNode;
    this.rightNode = rightNode;
    this.leftKey = leftKey;
    this.rightKey = rightKey;
    this.savedHash = savedHash;
  }

  /** {@code NewNode(key, value)}: an unsaved leaf. */
  static Node leaf(Bytes key, Bytes value) {
    return new Node(key, value, 0, 1, null, null, null, null, null, null);
  }

  /** An unsaved inner node; height and size follow from the children. */
  static Node inner(Bytes key, Node left, Node right) {
    return new Node(
        key,
        null,
        Math.max(left.height, right.height) + 1,
        left.size + right.size,
        null,
        left,
        right,
        null,
        null,
        null);
  }

  boolean isLeaf() {
    return height == 0;
  }

  boolean isSaved() {
    return nodeKey != null;
  }

  Node left(NodeDb db) {
    return leftNode != null ? leftNode : db.getNode(leftKey);
  }

  Node right(NodeDb db) {
    return rightNode != null ? rightNode : db.getNode(rightKey);
  }

  /** The version in the node's hash: its creating version, or the working one if unsaved. */
  long version(long workingVersion) {
    return nodeKey != null ? nodeKey.version() : workingVersion;
  }

  /**
   * The node hash ({@code _hash}/{@code hashWithCount}); unsaved nodes hash at the given version.
   */
  Bytes hash(NodeDb db, long workingVersion) {
    if (savedHash != null) {
      return savedHash;
    }
    WorkingHash cached = workingHash;
    if (cached != null && cached.version() == workingVersion) {
      return cached.hash();
    }
    Bytes hash =
        isLeaf()
            ? Encoding.leafHash(key, value, workingVersion)
            : Encoding.innerHash(
                height,
                size,
                workingVersion,
                left(db).hash(db, workingVersion),
                right(db).hash(db, workingVersion));
    workingHash = new WorkingHash(workingVersion, hash);
    return hash;
  }

  /** The saved form of this unsaved node, at {@code nodeKey}, over already-saved children. */
  Node saved(NodeKey nodeKey, Node left, Node right, Bytes hash) {
    return new Node(
        key,
        value,
        height,
        size,
        nodeKey,
        null,
        null,
        left == null ? null : left.nodeKey,
        right == null ? null : right.nodeKey,
        hash);
  }

  /**
   * Our storage encoding (not iavl's): varint height, varint size, length-prefixed key, then the
   * length-prefixed value for a leaf, the 32-byte hash, and for an inner node both child keys.
   */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream(64 + key.size());
    Encoding.writeVarint(out, height);
    Encoding.writeVarint(out, size);
    Encoding.writeBytes(out, key);
    if (isLeaf()) {
      Encoding.writeBytes(out, value);
    }
    out.writeBytes(savedHash.toByteArray());
    if (!isLeaf()) {
      out.writeBytes(leftKey.toBytes());
      out.writeBytes(rightKey.toBytes());
    }
    return out.toByteArray();
  }

  static Node decode(NodeKey nodeKey, byte[] data) {
    Reader r = new Reader(data);
    int height = (int) r.varint();
    long size = r.varint();
    Bytes key = r.bytes();
    Bytes value = height == 0 ? r.bytes() : null;
    Bytes hash = r.fixed(32);
    NodeKey left = null;
    NodeKey right = null;
    if (height > 0) {
      left = NodeKey.fromBytes(data, r.skip(NodeKey.SIZE));
      right = NodeKey.fromBytes(data, r.skip(NodeKey.SIZE));
    }
    if (!r.atEnd() || height < 0 || size < 1) {
      throw StoreErrorCode.STORAGE_FAILURE.wrap("corrupt IAVL node " + nodeKey);
    }
    return new Node(key, value, height, size, nodeKey, null, null, left, right, hash);
  }

  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    long uvarint() {
      long result = 0;
      for (int shift = 0; shift < 64; shift += 7) {
        if (pos >= data.length) {
          throw StoreErrorCode.STORAGE_FAILURE.wrap("truncated IAVL node");
        }
        byte b = data[pos++];
        result |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
      }
      throw StoreErrorCode.STORAGE_FAILURE.wrap("varint overflow in IAVL node");
    }

    long varint() {
      long ux = uvarint();
      return (ux >>> 1) ^ -(ux & 1);
    }

    Bytes bytes() {
      long length = uvarint();
      if (length < 0 || length > data.length - pos) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("truncated IAVL node");
      }
      return fixed((int) length);
    }

    Bytes fixed(int length) {
      return Bytes.of(data, skip(length), length);
    }

    int skip(int length) {
      if (length > data.length - pos) {
        throw StoreErrorCode.STORAGE_FAILURE.wrap("truncated IAVL node");
      }
      int at = pos;
      pos += length;
      return at;
    }

    boolean atEnd() {
      return pos == data.length;
    }
  }
}
