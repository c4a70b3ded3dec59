package io.wasm08.wasm.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.testing.SharedFixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Gzip detection and bounded decompression, mirroring wasmd's {@code ioutils} {@code
 * TestUncompress} table (whose {@code Uncompress}/{@code limitReader} 08-wasm copies) plus the
 * 08-wasm limit of 3 MiB and a real gzip fixture.
 */
class WasmGzipTest {
  static final int MAX = 400_000; // wasmd's table uses this limit

  static Bytes gzip(byte[] data) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(data);
    }
    return Bytes.wrapOwned(out.toByteArray());
  }

  static IbcException failure(Bytes src, int limit) {
    return catchThrowableOfType(IbcException.class, () -> WasmGzip.uncompress(src, limit));
  }

  @Test
  void detection() {
    assertThat(WasmGzip.isGzip(Bytes.of((byte) 0x1F, (byte) 0x8B, (byte) 0x08))).isTrue();
    assertThat(WasmGzip.isGzip(Bytes.of((byte) 0x1F, (byte) 0x8B))).isFalse();
    assertThat(WasmGzip.isGzip(Bytes.of((byte) 0, (byte) 0x61, (byte) 0x73, (byte) 0x6D)))
        .isFalse();
  }

  @Test
  void wasmdTable() throws IOException {
    byte[] ones = new byte[MAX];
    Arrays.fill(ones, (byte) 1);
    // "handle limit gzip output": exactly the limit (not a multiple of the 32 KiB window) passes
    assertThat(WasmGzip.uncompress(gzip(ones), MAX).toByteArray()).isEqualTo(ones);
    // "handle big gzip output" / "handle other big gzip output"
    byte[] onePlus = Arrays.copyOf(ones, MAX + 1);
    onePlus[MAX] = 1;
    assertThat(failure(gzip(onePlus), MAX).errorCode())
        .isEqualTo(WasmErrorCode.WASM_CODE_TOO_LARGE);
    assertThat(failure(gzip(new byte[2 * MAX]), MAX).errorCode())
        .isEqualTo(WasmErrorCode.WASM_CODE_TOO_LARGE);
    // "handle input slice exceeding limit"
    assertThat(failure(Bytes.wrapOwned(new byte[MAX + 1]), MAX).errorCode())
        .isEqualTo(WasmErrorCode.WASM_CODE_TOO_LARGE);
    // "handle gzip identifier only", "handle broken gzip", "handle incomplete gzip": unexpected EOF
    assertThat(failure(Bytes.of((byte) 0x1F, (byte) 0x8B, (byte) 0x08), MAX))
        .hasMessage("unexpected EOF");
    assertThat(failure(Bytes.of((byte) 0x1F, (byte) 0x8B, (byte) 0x08, (byte) 1), MAX))
        .hasMessage("unexpected EOF");
    Bytes wasm = gzip(Bytes.ofUtf8("\0asm some contract bytes").toByteArray());
    assertThat(failure(wasm.slice(0, wasm.size() - 5), MAX)).hasMessage("unexpected EOF");
  }

  /**
   * At 3 MiB — a multiple of Go's 32 KiB flate window — an output of exactly the limit is handed
   * out before the stream's end is seen, so the limit reader fails it (08-wasm-host.md §6.1).
   */
  @Test
  void exactlyThreeMibFails() throws IOException {
    assertThat(
            failure(gzip(new byte[WasmValidation.MAX_WASM_SIZE]), WasmValidation.MAX_WASM_SIZE)
                .errorCode())
        .isEqualTo(WasmErrorCode.WASM_CODE_TOO_LARGE);
    assertThat(
            WasmGzip.uncompress(
                    gzip(new byte[WasmValidation.MAX_WASM_SIZE - 1]), WasmValidation.MAX_WASM_SIZE)
                .size())
        .isEqualTo(WasmValidation.MAX_WASM_SIZE - 1);
  }

  @Test
  void corruptionAndChecksum() throws IOException {
    Bytes ok = gzip(new byte[1000]);
    byte[] badCrc = ok.toByteArray();
    badCrc[badCrc.length - 8] ^= 1;
    IbcException crc = failure(Bytes.wrapOwned(badCrc), MAX);
    assertThat(crc).hasMessage("gzip: invalid checksum");
    assertThat(crc.isPlain()).isTrue();
    byte[] badHeader = ok.toByteArray();
    badHeader[3] = 1 << 1; // FHCRC with a wrong header crc
    assertThat(failure(Bytes.wrapOwned(badHeader), MAX)).hasMessage("gzip: invalid header");
    byte[] badBlock = ok.toByteArray();
    badBlock[10] = (byte) 0xFF; // invalid block type 11
    assertThat(failure(Bytes.wrapOwned(badBlock), MAX).getMessage())
        .startsWith("flate: corrupt input before offset");
  }

  /** Go reads only the first gzip member ({@code Multistream(false)}). */
  @Test
  void onlyTheFirstMemberIsRead() throws IOException {
    Bytes first = gzip(Bytes.ofUtf8("first").toByteArray());
    Bytes both = first.concat(gzip(Bytes.ofUtf8("second").toByteArray()));
    assertThat(WasmGzip.uncompress(both, MAX).toUtf8()).isEqualTo("first");
  }

  @Test
  void realFixtureDecompressesToItsChecksum() throws Exception {
    byte[] gz =
        SharedFixtures.get()
            .bytes("fixtures/light-clients/ibc-go/legacy-g1/ics07_tendermint_cw.wasm.gz");
    Bytes wasm = WasmGzip.uncompress(Bytes.wrapOwned(gz), WasmValidation.MAX_WASM_SIZE);
    assertThat(
            Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(wasm.toByteArray()))
                .toHex())
        .isEqualTo("9b18dc4aa6a4dc6183f148bdcadbf7d3de2fdc7aac59394f1589b81e77de5e3c");
    assertThat(WasmGzip.uncompress(WasmGzip.gzip(wasm), WasmValidation.MAX_WASM_SIZE))
        .isEqualTo(wasm);
  }
}
