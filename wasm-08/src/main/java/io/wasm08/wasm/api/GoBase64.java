package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import java.util.Arrays;

/**
 * Go's {@code base64.StdEncoding}, which {@code encoding/json} uses for {@code []byte}: padded
 * output; decoding requires padding, skips {@code \r} and {@code \n} anywhere and reports {@code
 * "illegal base64 data at input byte N"} with Go's offsets. (Java's decoder accepts unpadded input
 * and rejects line breaks, so it cannot stand in.)
 */
public final class GoBase64 {
  private GoBase64() {}

  private static final byte[] DECODE = new byte[256];

  static {
    Arrays.fill(DECODE, (byte) 0xFF);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    for (int i = 0; i < alphabet.length(); i++) {
      DECODE[alphabet.charAt(i)] = (byte) i;
    }
  }

  /** A malformed input: Go's {@code CorruptInputError}. */
  public static final class CorruptInputException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    CorruptInputException(long offset) {
      super("illegal base64 data at input byte " + offset);
    }
  }

  public static String encode(Bytes data) {
    return data.toBase64();
  }

  /** Decodes as {@code StdEncoding.DecodeString}; throws {@link CorruptInputException}. */
  public static Bytes decode(byte[] src) {
    byte[] dst = new byte[src.length / 4 * 3 + 3];
    int n = 0;
    int si = 0;
    while (si < src.length) {
      int[] dbuf = new int[4];
      int dlen = 4;
      Integer error = null;
      int j = 0;
      boolean done = false;
      for (; j < 4; j++) {
        if (si == src.length) {
          if (j == 0) {
            return Bytes.of(dst, 0, n);
          }
          // padding is mandatory: a short quantum at the end is corrupt
          throw new CorruptInputException(si - j);
        }
        int in = src[si] & 0xFF;
        si++;
        int out = DECODE[in] & 0xFF;
        if (out != 0xFF) {
          dbuf[j] = out;
          continue;
        }
        if (in == '\n' || in == '\r') {
          j--;
          continue;
        }
        if (in != '=') {
          throw new CorruptInputException(si - 1);
        }
        switch (j) {
          case 0, 1 -> throw new CorruptInputException(si - 1);
          case 2 -> {
            while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
              si++;
            }
            if (si == src.length) {
              throw new CorruptInputException(src.length);
            }
            if (src[si] != '=') {
              throw new CorruptInputException(si - 1);
            }
            si++;
          }
          default -> {}
        }
        while (si < src.length && (src[si] == '\n' || src[si] == '\r')) {
          si++;
        }
        if (si < src.length) {
          error = si;
        }
        dlen = j;
        done = true;
        break;
      }
      int val = dbuf[0] << 18 | dbuf[1] << 12 | dbuf[2] << 6 | dbuf[3];
      byte b0 = (byte) (val >> 16);
      byte b1 = (byte) (val >> 8);
      byte b2 = (byte) val;
      if (dlen >= 2) {
        dst[n] = b0;
      }
      if (dlen >= 3) {
        dst[n + 1] = b1;
      }
      if (dlen == 4) {
        dst[n + 2] = b2;
      }
      n += dlen - 1;
      if (error != null) {
        throw new CorruptInputException(error);
      }
      if (done) {
        // Go keeps looping; with nothing but newlines left the next quantum returns at once.
        continue;
      }
    }
    return Bytes.of(dst, 0, n);
  }
}
