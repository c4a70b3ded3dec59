package io.wasm08.store.iavl;

import io.wasm08.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The encodings of cosmos/iavl {@code internal/encoding}: {@code EncodeVarint} is Go's {@code
 * binary.PutVarint} (signed zig-zag LEB128), {@code EncodeUvarint}/{@code EncodeBytes} unsigned
 * LEB128 (length-prefixed), and SHA-256.
 */
public final class Encoding {
  private static final MessageDigest SHA256_PROTOTYPE;

  static {
    try {
      SHA256_PROTOTYPE = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** {@code sha256("")}: the root hash of an empty tree. */
  public static final Bytes EMPTY_HASH = sha256(new byte[0]);

  private Encoding() {}

  /** Go's {@code binary.PutVarint}: zig-zag, then unsigned LEB128. */
  public static void writeVarint(ByteArrayOutputStream out, long value) {
    writeUvarint(out, (value << 1) ^ (value >> 63));
  }

  /** Go's {@code binary.PutUvarint}: unsigned LEB128 of the 64-bit value. */
  public static void writeUvarint(ByteArrayOutputStream out, long value) {
    while ((value & ~0x7FL) != 0) {
      out.write((int) ((value & 0x7F) | 0x80));
      value >>>= 7;
    }
    out.write((int) value);
  }

  /** {@code EncodeBytes}: uvarint length, then the bytes. */
  public static void writeBytes(ByteArrayOutputStream out, Bytes bytes) {
    writeUvarint(out, bytes.size());
    out.writeBytes(bytes.toByteArray());
  }

  public static Bytes sha256(byte[] data) {
    return Bytes.wrapOwned(digest().digest(data));
  }

  static MessageDigest digest() {
    try {
      return (MessageDigest) SHA256_PROTOTYPE.clone();
    } catch (CloneNotSupportedException e) {
      throw new IllegalStateException("SHA-256 digest is not cloneable", e);
    }
  }

  /**
   * The IAVL leaf hash ({@code node.go writeHashBytes}, leaf branch): {@code sha256(varint(0) ‖
   * varint(1) ‖ varint(version) ‖ uvarint(len key) ‖ key ‖ 0x20 ‖ sha256(value))}.
   */
  public static Bytes leafHash(Bytes key, Bytes value, long version) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(key.size() + 48);
    writeVarint(out, 0);
    writeVarint(out, 1);
    writeVarint(out, version);
    writeBytes(out, key);
    writeBytes(out, sha256(value.toByteArray()));
    return sha256(out.toByteArray());
  }

  /**
   * The IAVL inner-node hash ({@code node.go writeHashBytes}, inner branch): {@code
   * sha256(varint(height) ‖ varint(size) ‖ varint(version) ‖ 0x20 ‖ left ‖ 0x20 ‖ right)}.
   */
  public static Bytes innerHash(int height, long size, long version, Bytes left, Bytes right) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(96);
    writeVarint(out, height);
    writeVarint(out, size);
    writeVarint(out, version);
    writeBytes(out, left);
    writeBytes(out, right);
    return sha256(out.toByteArray());
  }
}
