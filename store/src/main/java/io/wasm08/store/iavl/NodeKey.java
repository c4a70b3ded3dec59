package io.wasm08.store.iavl;

import java.nio.ByteBuffer;

/**
 * Where a saved node lives (cosmos/iavl v1 {@code NodeKey}): the version that created it and a
 * nonce within that version (1 is the version's root). Keys order by version, then nonce.
 */
record NodeKey(long version, int nonce) {
  static final int SIZE = 12;

  /** {@code GetKey()}: 8-byte big-endian version ‖ 4-byte big-endian nonce. */
  byte[] toBytes() {
    return ByteBuffer.allocate(SIZE).putLong(version).putInt(nonce).array();
  }

  /**
   * A well-mixed hash: the record default ({@code 31 * version + nonce}) collides for every (v, n),
   * (v + 1, n - 31) pair, which degenerated the node cache's buckets into trees.
   */
  @Override
  public int hashCode() {
    long h = version * 0x9E3779B97F4A7C15L + nonce;
    h ^= h >>> 33;
    h *= 0xFF51AFD7ED558CCDL;
    h ^= h >>> 33;
    return (int) h;
  }

  static NodeKey fromBytes(byte[] b, int offset) {
    ByteBuffer buf = ByteBuffer.wrap(b, offset, SIZE);
    return new NodeKey(buf.getLong(), buf.getInt());
  }
}
