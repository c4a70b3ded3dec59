package io.wasm08.wasm.vm.chicory.binary;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** A growable byte buffer with the Wasm binary encodings (LEB128, names, sections). */
public final class WasmWriter {
  private byte[] buf;
  private int size;

  public WasmWriter() {
    this(256);
  }

  public WasmWriter(int capacity) {
    buf = new byte[Math.max(16, capacity)];
  }

  private void ensure(int extra) {
    if (size + extra > buf.length) {
      buf = Arrays.copyOf(buf, Math.max(buf.length * 2, size + extra));
    }
  }

  public int size() {
    return size;
  }

  public WasmWriter u8(int b) {
    ensure(1);
    buf[size++] = (byte) b;
    return this;
  }

  public WasmWriter bytes(byte[] b) {
    return bytes(b, 0, b.length);
  }

  public WasmWriter bytes(byte[] b, int from, int to) {
    int n = to - from;
    ensure(n);
    System.arraycopy(b, from, buf, size, n);
    size += n;
    return this;
  }

  public WasmWriter bytes(WasmWriter other) {
    return bytes(other.buf, 0, other.size);
  }

  /** Unsigned LEB128 (u32 or u64 values given as non-negative / unsigned long). */
  public WasmWriter u32(long v) {
    do {
      int b = (int) (v & 0x7F);
      v >>>= 7;
      u8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
    return this;
  }

  /** Signed LEB128 (i32, i64, s33). */
  public WasmWriter s64(long v) {
    while (true) {
      int b = (int) (v & 0x7F);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      u8(done ? b : b | 0x80);
      if (done) {
        return this;
      }
    }
  }

  public WasmWriter f32bits(int bits) {
    u8(bits);
    u8(bits >>> 8);
    u8(bits >>> 16);
    return u8(bits >>> 24);
  }

  public WasmWriter f64bits(long bits) {
    f32bits((int) bits);
    return f32bits((int) (bits >>> 32));
  }

  public WasmWriter name(String s) {
    byte[] raw = s.getBytes(StandardCharsets.UTF_8);
    u32(raw.length);
    return bytes(raw);
  }

  /** Appends a section: id, LEB size, contents. */
  public WasmWriter section(int id, WasmWriter contents) {
    u8(id);
    u32(contents.size);
    return bytes(contents);
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(buf, size);
  }

  /** Size of the unsigned LEB128 encoding of {@code v}. */
  public static int u32Size(long v) {
    int n = 1;
    while ((v >>>= 7) != 0) {
      n++;
    }
    return n;
  }
}
