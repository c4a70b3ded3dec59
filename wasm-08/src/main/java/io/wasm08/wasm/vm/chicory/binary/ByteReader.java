package io.wasm08.wasm.vm.chicory.binary;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked cursor over a window of a Wasm binary. Offsets are absolute positions in the
 * whole module, as wasmparser reports them. Every read past the window end fails with "unexpected
 * end-of-file"; LEB128 decoding follows the spec's length limits.
 */
public final class ByteReader {
  /** wasmparser's {@code MAX_WASM_STRING_SIZE}. */
  static final int MAX_STRING_SIZE = 100_000;

  private final byte[] bytes;
  private int pos;
  private final int end;

  public ByteReader(byte[] bytes, int start, int end) {
    if (start < 0 || end > bytes.length || start > end) {
      throw new IllegalArgumentException("bad window " + start + ".." + end);
    }
    this.bytes = bytes;
    this.pos = start;
    this.end = end;
  }

  public ByteReader(byte[] bytes) {
    this(bytes, 0, bytes.length);
  }

  public int pos() {
    return pos;
  }

  public int end() {
    return end;
  }

  public boolean eof() {
    return pos >= end;
  }

  public int remaining() {
    return end - pos;
  }

  public byte[] bytes() {
    return bytes;
  }

  public void seek(int newPos) {
    if (newPos < 0 || newPos > end) {
      throw new IllegalArgumentException("seek out of window");
    }
    pos = newPos;
  }

  private WasmFormatException eofError() {
    return new WasmFormatException("unexpected end-of-file", pos);
  }

  public int u8() {
    if (pos >= end) {
      throw eofError();
    }
    return bytes[pos++] & 0xFF;
  }

  public int peekU8() {
    if (pos >= end) {
      throw eofError();
    }
    return bytes[pos] & 0xFF;
  }

  /** Little-endian u32 (the header version). */
  public int u32le() {
    if (end - pos < 4) {
      throw eofError();
    }
    int v =
        (bytes[pos] & 0xFF)
            | (bytes[pos + 1] & 0xFF) << 8
            | (bytes[pos + 2] & 0xFF) << 16
            | (bytes[pos + 3] & 0xFF) << 24;
    pos += 4;
    return v;
  }

  public long u64le() {
    long lo = u32le() & 0xFFFFFFFFL;
    long hi = u32le() & 0xFFFFFFFFL;
    return lo | hi << 32;
  }

  /** An unsigned LEB128 u32, returned as a non-negative long. */
  public long varU32() {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      if (shift == 28) {
        if ((b & 0x80) != 0) {
          throw new WasmFormatException("invalid var_u32: integer representation too long", start);
        }
        if ((b & 0x70) != 0) {
          throw new WasmFormatException("invalid var_u32: integer too large", start);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }

  /** A u32 that must fit in a Java int (counts, indices below 2^31). */
  public int varU32AsInt(String what) {
    int start = pos;
    long v = varU32();
    if (v > Integer.MAX_VALUE) {
      throw new WasmFormatException(what + " out of bounds", start);
    }
    return (int) v;
  }

  /** An unsigned LEB128 u64 (memory64 limits). */
  public long varU64() {
    int start = pos;
    long result = 0;
    for (int shift = 0; ; shift += 7) {
      int b = u8();
      if (shift == 63) {
        if ((b & 0x80) != 0) {
          throw new WasmFormatException("invalid var_u64: integer representation too long", start);
        }
        if ((b & 0x7E) != 0) {
          throw new WasmFormatException("invalid var_u64: integer too large", start);
        }
      }
      result |= (long) (b & 0x7F) << shift;
      if ((b & 0x80) == 0) {
        return result;
      }
    }
  }

  public int varS32() {
    return (int) varSigned(32, "invalid var_i32");
  }

  public long varS64() {
    return varSigned(64, "invalid var_i64");
  }

  public long varS33() {
    return varSigned(33, "invalid var_s33");
  }

  private long varSigned(int bits, String what) {
    int start = pos;
    long result = 0;
    int shift = 0;
    int maxBytes = (bits + 6) / 7;
    int b;
    int count = 0;
    do {
      b = u8();
      count++;
      if (count > maxBytes) {
        throw new WasmFormatException(what + ": integer representation too long", start);
      }
      result |= (long) (b & 0x7F) << shift;
      shift += 7;
    } while ((b & 0x80) != 0);
    if (count == maxBytes) {
      // The unused bits of the last byte must be a sign extension of the value's top bit.
      int usedBits = bits - 7 * (maxBytes - 1);
      int signAndUnused = (b & 0x7F) >> (usedBits - 1);
      if (signAndUnused != 0 && signAndUnused != (0x7F >> (usedBits - 1))) {
        throw new WasmFormatException(what + ": integer too large", start);
      }
    }
    if (shift < 64 && (b & 0x40) != 0) {
      result |= -1L << shift;
    }
    if (bits < 64) {
      // sign-extend from `bits`
      result = (result << (64 - bits)) >> (64 - bits);
    }
    return result;
  }

  public int f32bits() {
    return u32le();
  }

  public long f64bits() {
    return u64le();
  }

  public byte[] bytes(int n) {
    if (n < 0 || end - pos < n) {
      throw eofError();
    }
    byte[] out = new byte[n];
    System.arraycopy(bytes, pos, out, 0, n);
    pos += n;
    return out;
  }

  public void skip(int n) {
    if (n < 0 || end - pos < n) {
      throw eofError();
    }
    pos += n;
  }

  /** A length-prefixed UTF-8 name. */
  public String name() {
    int start = pos;
    long len = varU32();
    if (len > MAX_STRING_SIZE) {
      throw new WasmFormatException("string size out of bounds", start);
    }
    int at = pos;
    byte[] raw = bytes((int) len);
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw))
          .toString();
    } catch (CharacterCodingException e) {
      throw new WasmFormatException("malformed UTF-8 encoding", at);
    }
  }
}
