package io.wasm08.common;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;

/**
 * An immutable byte string: the value type records use instead of {@code byte[]} (whose {@code
 * equals} is identity). Ordering is unsigned lexicographic, the order of every Cosmos KV store.
 */
public final class Bytes implements Comparable<Bytes> {
  public static final Bytes EMPTY = new Bytes(new byte[0]);
  private static final HexFormat HEX = HexFormat.of();

  private final byte[] data;
  private int hash;

  private Bytes(byte[] owned) {
    this.data = owned;
  }

  /** Copies {@code data}; later changes to the array do not affect the value. */
  public static Bytes of(byte... data) {
    return data.length == 0 ? EMPTY : new Bytes(data.clone());
  }

  /** Copies {@code length} bytes of {@code data} starting at {@code offset}. */
  public static Bytes of(byte[] data, int offset, int length) {
    return length == 0 ? EMPTY : new Bytes(Arrays.copyOfRange(data, offset, offset + length));
  }

  /** Copies the remaining bytes of {@code buffer} without moving its position. */
  public static Bytes of(ByteBuffer buffer) {
    byte[] copy = new byte[buffer.remaining()];
    buffer.duplicate().get(copy);
    return copy.length == 0 ? EMPTY : new Bytes(copy);
  }

  /**
   * Takes ownership of {@code data} without copying. Only for arrays the caller created and never
   * touches again.
   */
  public static Bytes wrapOwned(byte[] data) {
    return data.length == 0 ? EMPTY : new Bytes(data);
  }

  /** Parses lower- or upper-case hex; throws {@link IllegalArgumentException} on bad input. */
  public static Bytes fromHex(CharSequence hex) {
    return wrapOwned(HEX.parseHex(hex));
  }

  /** Parses standard padded base64; throws {@link IllegalArgumentException} on bad input. */
  public static Bytes fromBase64(String base64) {
    return wrapOwned(Base64.getDecoder().decode(base64));
  }

  public static Bytes ofUtf8(String text) {
    return wrapOwned(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }

  public int size() {
    return data.length;
  }

  public boolean isEmpty() {
    return data.length == 0;
  }

  public byte get(int index) {
    return data[index];
  }

  /** A fresh copy of the content. */
  public byte[] toByteArray() {
    return data.clone();
  }

  public ByteBuffer asReadOnlyByteBuffer() {
    return ByteBuffer.wrap(data).asReadOnlyBuffer();
  }

  public Bytes slice(int from, int to) {
    return of(data, from, to - from);
  }

  public Bytes concat(Bytes other) {
    if (other.isEmpty()) {
      return this;
    }
    if (isEmpty()) {
      return other;
    }
    byte[] joined = Arrays.copyOf(data, data.length + other.data.length);
    System.arraycopy(other.data, 0, joined, data.length, other.data.length);
    return new Bytes(joined);
  }

  public boolean startsWith(Bytes prefix) {
    return prefix.data.length <= data.length
        && Arrays.equals(data, 0, prefix.data.length, prefix.data, 0, prefix.data.length);
  }

  public String toHex() {
    return HEX.formatHex(data);
  }

  public String toBase64() {
    return Base64.getEncoder().encodeToString(data);
  }

  public String toUtf8() {
    return new String(data, java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Copies the content into {@code target} at {@code offset}. */
  public void copyTo(byte[] target, int offset) {
    System.arraycopy(data, 0, target, offset, data.length);
  }

  @Override
  public int compareTo(Bytes other) {
    return Arrays.compareUnsigned(data, other.data);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Bytes other && Arrays.equals(data, other.data);
  }

  @Override
  public int hashCode() {
    int h = hash;
    if (h == 0 && data.length > 0) {
      h = Arrays.hashCode(data);
      hash = h;
    }
    return h;
  }

  /** Hex form, so records holding bytes print readably. */
  @Override
  public String toString() {
    return data.length <= 64
        ? toHex()
        : HEX.formatHex(data, 0, 64) + "…(" + data.length + " bytes)";
  }
}
