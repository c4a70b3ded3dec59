package io.wasm08.wasm.types;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import java.util.zip.Inflater;

/**
 * Gzip as 08-wasm handles code ({@code types/utils.go}, wasmd's ioutils): detection by the {@code
 * 1F 8B 08} prefix and a bounded decompression with Go's semantics — only the first gzip member is
 * read ({@code Multistream(false)}), Go's error texts, and the limit reader of {@code Uncompress},
 * which fails with {@code ErrWasmCodeTooLarge} once the limit is reached and more is asked for.
 */
public final class WasmGzip {
  private WasmGzip() {}

  /**
   * Go's flate decoder hands out data a full 32 KiB window at a time and only then looks for the
   * end of the stream; an output of exactly the limit therefore still triggers the limit reader
   * when the limit is a multiple of the window (3 MiB is).
   */
  private static final int FLATE_WINDOW = 32 * 1024;

  private static final int FLAG_HCRC = 1 << 1;
  private static final int FLAG_EXTRA = 1 << 2;
  private static final int FLAG_NAME = 1 << 3;
  private static final int FLAG_COMMENT = 1 << 4;

  /** {@code IsGzip}: at least 3 bytes starting {@code 1F 8B 08}. */
  public static boolean isGzip(Bytes input) {
    return input.size() >= 3
        && input.get(0) == 0x1F
        && input.get(1) == (byte) 0x8B
        && input.get(2) == 0x08;
  }

  /**
   * {@code Uncompress(src, limit)}: input longer than {@code limit} → {@code ErrWasmCodeTooLarge};
   * malformed gzip → Go's plain errors ({@code "gzip: invalid header"}, {@code "unexpected EOF"},
   * {@code "flate: corrupt input before offset N"}, {@code "gzip: invalid checksum"}); an output
   * reaching the limit → {@code ErrWasmCodeTooLarge}.
   */
  public static Bytes uncompress(Bytes src, int limit) {
    if (src.size() > limit) {
      throw WasmErrorCode.WASM_CODE_TOO_LARGE.error();
    }
    byte[] in = src.toByteArray();
    int body = readHeader(in);
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(in, body, in.length - body);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[FLATE_WINDOW];
      CRC32 crc = new CRC32();
      while (!inflater.finished()) {
        int n;
        try {
          n = inflater.inflate(chunk);
        } catch (DataFormatException e) {
          if (inflater.getBytesWritten() >= limit) {
            throw WasmErrorCode.WASM_CODE_TOO_LARGE.error();
          }
          throw IbcException.plainf(
              "flate: corrupt input before offset %d", inflater.getBytesRead());
        }
        out.write(chunk, 0, n);
        crc.update(chunk, 0, n);
        if (out.size() > limit) {
          throw WasmErrorCode.WASM_CODE_TOO_LARGE.error();
        }
        if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
          throw IbcException.plain("unexpected EOF");
        }
      }
      if (out.size() == limit && limit % FLATE_WINDOW == 0) {
        throw WasmErrorCode.WASM_CODE_TOO_LARGE.error();
      }
      int trailer = body + (int) inflater.getBytesRead();
      if (in.length - trailer < 8) {
        throw IbcException.plain("unexpected EOF");
      }
      long expectedCrc = le32(in, trailer);
      long expectedSize = le32(in, trailer + 4);
      if (expectedCrc != crc.getValue() || expectedSize != (out.size() & 0xFFFFFFFFL)) {
        throw IbcException.plain("gzip: invalid checksum");
      }
      return Bytes.wrapOwned(out.toByteArray());
    } finally {
      inflater.end();
    }
  }

  /** Go's {@code readHeader}: returns the offset of the deflate stream. */
  private static int readHeader(byte[] in) {
    if (in.length < 10) {
      throw IbcException.plain(in.length == 0 ? "EOF" : "unexpected EOF");
    }
    if (in[0] != 0x1F || in[1] != (byte) 0x8B || in[2] != 0x08) {
      throw IbcException.plain("gzip: invalid header");
    }
    int flags = in[3] & 0xFF;
    CRC32 headerCrc = new CRC32();
    headerCrc.update(in, 0, 10);
    int pos = 10;
    if ((flags & FLAG_EXTRA) != 0) {
      requireAvailable(in, pos, 2);
      int xlen = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
      requireAvailable(in, pos + 2, xlen);
      headerCrc.update(in, pos, 2 + xlen);
      pos += 2 + xlen;
    }
    if ((flags & FLAG_NAME) != 0) {
      pos = skipString(in, pos, headerCrc);
    }
    if ((flags & FLAG_COMMENT) != 0) {
      pos = skipString(in, pos, headerCrc);
    }
    if ((flags & FLAG_HCRC) != 0) {
      requireAvailable(in, pos, 2);
      int digest = (in[pos] & 0xFF) | (in[pos + 1] & 0xFF) << 8;
      if (digest != (int) (headerCrc.getValue() & 0xFFFF)) {
        throw IbcException.plain("gzip: invalid header");
      }
      pos += 2;
    }
    return pos;
  }

  /** Go's {@code readString}: NUL-terminated, at most 512 bytes, else an invalid header. */
  private static int skipString(byte[] in, int pos, CRC32 crc) {
    for (int i = 0; ; i++) {
      if (i >= 512) {
        throw IbcException.plain("gzip: invalid header");
      }
      requireAvailable(in, pos + i, 1);
      if (in[pos + i] == 0) {
        crc.update(in, pos, i + 1);
        return pos + i + 1;
      }
    }
  }

  private static void requireAvailable(byte[] in, int pos, int n) {
    if (pos + n > in.length) {
      throw IbcException.plain("unexpected EOF");
    }
  }

  private static long le32(byte[] in, int pos) {
    return (in[pos] & 0xFFL)
        | (in[pos + 1] & 0xFFL) << 8
        | (in[pos + 2] & 0xFFL) << 16
        | (in[pos + 3] & 0xFFL) << 24;
  }

  /** {@code GzipIt}: gzip with the default compression (state-sync snapshot payloads). */
  public static Bytes gzip(Bytes input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz =
        new GZIPOutputStream(out) {
          {
            def.setLevel(Deflater.DEFAULT_COMPRESSION);
          }
        }) {
      gz.write(input.toByteArray());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return Bytes.wrapOwned(out.toByteArray());
  }
}
