package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrings;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * BIP-173 bech32 (checksum constant 1, not bech32m) exactly as the Cosmos SDK runs it: the {@code
 * cosmos/btcutil} codec with the SDK's 1023-character limit ({@code types/bech32}). Errors are the
 * plain Go errors with btcutil's texts, prefixed {@code "decoding bech32 failed: "} where the SDK
 * prefixes them.
 */
public final class Bech32 {
  private Bech32() {}

  /** The SDK's decode limit (BIP-173 says 90; Cosmos allows longer HRPs and 32-byte data). */
  public static final int SDK_LIMIT = 1023;

  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };

  /** A decoded string: the lower-case HRP and the 5-bit data without checksum. */
  public record Decoded(String hrp, Bytes data) {}

  /**
   * {@code ConvertAndEncode}: 8-bit {@code data} regrouped to 5 bits, encoded under {@code hrp}.
   */
  public static String encode(String hrp, Bytes data) {
    return encode5(hrp, convertBits(data.toByteArray(), 8, 5, true));
  }

  /** {@code DecodeAndConvert}: the HRP and the 8-bit data of a bech32 string. */
  public static Decoded decode(String bech) {
    Decoded five;
    try {
      five = decode5(bech, SDK_LIMIT);
    } catch (IbcException e) {
      throw IbcException.plain("decoding bech32 failed: " + e.getMessage());
    }
    try {
      return new Decoded(
          five.hrp(), Bytes.wrapOwned(convertBits(five.data().toByteArray(), 5, 8, false)));
    } catch (IbcException e) {
      throw IbcException.plain("decoding bech32 failed: " + e.getMessage());
    }
  }

  /** btcutil {@code Encode}: 5-bit values under {@code hrp} (lower-cased) plus the checksum. */
  static String encode5(String hrp, byte[] data) {
    String lowerHrp = hrp.toLowerCase(Locale.ROOT);
    StringBuilder out = new StringBuilder(lowerHrp.length() + 1 + data.length + 6);
    out.append(lowerHrp).append('1');
    for (byte b : data) {
      if ((b & 0xFF) >= CHARSET.length()) {
        throw IbcException.plain("invalid data byte: " + (b & 0xFF));
      }
      out.append(CHARSET.charAt(b));
    }
    int polymod = polymod(GoStrings.utf8(lowerHrp), data, null) ^ 1;
    for (int i = 0; i < 6; i++) {
      out.append(CHARSET.charAt((polymod >>> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  /** btcutil {@code Decode(bech, limit)}: HRP and 5-bit data, checksum verified. */
  static Decoded decode5(String bech, int limit) {
    byte[] raw = GoStrings.utf8(bech);
    if (raw.length > limit || raw.length < 8) {
      throw IbcException.plain("invalid bech32 string length " + raw.length);
    }
    boolean hasLower = false;
    boolean hasUpper = false;
    for (byte b : raw) {
      int c = b & 0xFF;
      if (c < 33 || c > 126) {
        // Go prints the byte as a rune with %c.
        throw IbcException.plain("invalid character in string: '" + (char) c + "'");
      }
      hasLower |= c >= 'a' && c <= 'z';
      hasUpper |= c >= 'A' && c <= 'Z';
      if (hasLower && hasUpper) {
        throw IbcException.plain("string not all lowercase or all uppercase");
      }
    }
    String lower = hasUpper ? bech.toLowerCase(Locale.ROOT) : bech;
    int one = lower.lastIndexOf('1');
    if (one < 1 || one + 7 > lower.length()) {
      throw IbcException.plain("invalid separator index " + one);
    }
    String hrp = lower.substring(0, one);
    String dataPart = lower.substring(one + 1);
    byte[] decoded = new byte[dataPart.length()];
    for (int i = 0; i < decoded.length; i++) {
      char c = dataPart.charAt(i);
      int index = CHARSET.indexOf(c);
      if (index < 0) {
        throw IbcException.plain("invalid character not part of charset: " + (int) c);
      }
      decoded[i] = (byte) index;
    }
    byte[] values = java.util.Arrays.copyOf(decoded, decoded.length - 6);
    byte[] checksum = java.util.Arrays.copyOfRange(decoded, decoded.length - 6, decoded.length);
    byte[] hrpBytes = GoStrings.utf8(hrp);
    if (polymod(hrpBytes, values, checksum) != 1) {
      int expected = polymod(hrpBytes, values, null) ^ 1;
      StringBuilder exp = new StringBuilder(6);
      for (int i = 0; i < 6; i++) {
        exp.append(CHARSET.charAt((expected >>> (5 * (5 - i))) & 31));
      }
      throw IbcException.plain(
          "invalid checksum (expected "
              + exp
              + " got "
              + lower.substring(lower.length() - 6)
              + ")");
    }
    return new Decoded(hrp, Bytes.wrapOwned(values));
  }

  /** The BCH checksum over the HRP, the values and the checksum (zeros when encoding). */
  private static int polymod(byte[] hrp, byte[] values, byte[] checksum) {
    int chk = 1;
    for (byte h : hrp) {
      chk = step(chk, (h & 0xFF) >> 5);
    }
    chk = step(chk, 0);
    for (byte h : hrp) {
      chk = step(chk, h & 31);
    }
    for (byte v : values) {
      chk = step(chk, v & 0xFF);
    }
    if (checksum == null) {
      for (int i = 0; i < 6; i++) {
        chk = step(chk, 0);
      }
    } else {
      for (byte v : checksum) {
        chk = step(chk, v & 0xFF);
      }
    }
    return chk;
  }

  private static int step(int chk, int value) {
    int top = chk >>> 25;
    chk = ((chk & 0x1ffffff) << 5) ^ value;
    for (int i = 0; i < 5; i++) {
      if (((top >>> i) & 1) == 1) {
        chk ^= GENERATOR[i];
      }
    }
    return chk;
  }

  /** btcutil {@code ConvertBits}: regroups {@code fromBits}-bit values into {@code toBits}. */
  static byte[] convertBits(byte[] data, int fromBits, int toBits, boolean pad) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length * fromBits / toBits + 1);
    int nextByte = 0;
    int filledBits = 0;
    for (byte value : data) {
      int b = (value << (8 - fromBits)) & 0xFF;
      int remFromBits = fromBits;
      while (remFromBits > 0) {
        int remToBits = toBits - filledBits;
        int toExtract = Math.min(remFromBits, remToBits);
        nextByte = ((nextByte << toExtract) | (b >>> (8 - toExtract))) & 0xFF;
        b = (b << toExtract) & 0xFF;
        remFromBits -= toExtract;
        filledBits += toExtract;
        if (filledBits == toBits) {
          out.write(nextByte);
          filledBits = 0;
          nextByte = 0;
        }
      }
    }
    if (pad && filledBits > 0) {
      nextByte = (nextByte << (toBits - filledBits)) & 0xFF;
      out.write(nextByte);
      filledBits = 0;
      nextByte = 0;
    }
    if (filledBits > 0 && (filledBits > 4 || nextByte != 0)) {
      throw IbcException.plain("invalid incomplete group");
    }
    return out.toByteArray();
  }
}
