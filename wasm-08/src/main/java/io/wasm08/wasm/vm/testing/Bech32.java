package io.wasm08.wasm.vm.testing;

import io.wasm08.common.Bytes;
import java.io.ByteArrayOutputStream;
import java.util.Locale;

/**
 * BIP-173 Bech32 (not Bech32m) as the {@code bech32} crate's {@code encode::<Bech32>} and {@code
 * CheckedHrpstring::new::<Bech32>} behave for MockApi: mixed case rejected, the HRP compared by the
 * caller, trailing bits of the 5→8 conversion dropped.
 */
public final class Bech32 {
  private static final String CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
  private static final int[] GENERATOR = {
    0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3
  };
  private static final int CHECKSUM_LENGTH = 6;

  private Bech32() {}

  /** A decoded string: the HRP as written (case preserved) and the data bytes. */
  public record Decoded(String hrp, Bytes data) {}

  /** Thrown for any malformed input; MockApi reports it as "Error decoding bech32". */
  public static final class DecodingException extends IllegalArgumentException {
    DecodingException(String message) {
      super(message);
    }
  }

  public static String encode(String hrp, byte[] data) {
    String lowerHrp = hrp.toLowerCase(Locale.ROOT);
    byte[] fives = toFives(data);
    int polymod = polymod(expandHrp(lowerHrp), fives, new byte[CHECKSUM_LENGTH]) ^ 1;
    StringBuilder out = new StringBuilder(lowerHrp).append('1');
    for (byte b : fives) {
      out.append(CHARSET.charAt(b));
    }
    for (int i = 0; i < CHECKSUM_LENGTH; i++) {
      out.append(CHARSET.charAt((polymod >>> (5 * (5 - i))) & 31));
    }
    return out.toString();
  }

  public static Decoded decode(String input) {
    boolean lower = false;
    boolean upper = false;
    for (int i = 0; i < input.length(); i++) {
      char c = input.charAt(i);
      if (c < 33 || c > 126) {
        throw new DecodingException("invalid character");
      }
      lower |= c >= 'a' && c <= 'z';
      upper |= c >= 'A' && c <= 'Z';
    }
    if (lower && upper) {
      throw new DecodingException("mixed case");
    }
    int separator = input.lastIndexOf('1');
    if (separator < 1 || separator > 83) {
      throw new DecodingException("invalid separator position");
    }
    String hrp = input.substring(0, separator);
    String dataPart = input.substring(separator + 1).toLowerCase(Locale.ROOT);
    if (dataPart.length() < CHECKSUM_LENGTH) {
      throw new DecodingException("too short");
    }
    byte[] values = new byte[dataPart.length()];
    for (int i = 0; i < values.length; i++) {
      int v = CHARSET.indexOf(dataPart.charAt(i));
      if (v < 0) {
        throw new DecodingException("invalid data character");
      }
      values[i] = (byte) v;
    }
    if (polymod(expandHrp(hrp.toLowerCase(Locale.ROOT)), values, new byte[0]) != 1) {
      throw new DecodingException("invalid checksum");
    }
    byte[] payload = new byte[values.length - CHECKSUM_LENGTH];
    System.arraycopy(values, 0, payload, 0, payload.length);
    return new Decoded(hrp, Bytes.wrapOwned(fromFives(payload)));
  }

  private static byte[] expandHrp(String hrp) {
    byte[] out = new byte[hrp.length() * 2 + 1];
    for (int i = 0; i < hrp.length(); i++) {
      out[i] = (byte) (hrp.charAt(i) >> 5);
      out[i + hrp.length() + 1] = (byte) (hrp.charAt(i) & 31);
    }
    return out;
  }

  private static int polymod(byte[]... parts) {
    int chk = 1;
    for (byte[] part : parts) {
      for (byte v : part) {
        int top = chk >>> 25;
        chk = ((chk & 0x1ffffff) << 5) ^ (v & 0xff);
        for (int i = 0; i < 5; i++) {
          if (((top >>> i) & 1) != 0) {
            chk ^= GENERATOR[i];
          }
        }
      }
    }
    return chk;
  }

  private static byte[] toFives(byte[] data) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int acc = 0;
    int bits = 0;
    for (byte b : data) {
      acc = (acc << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        bits -= 5;
        out.write((acc >>> bits) & 31);
      }
    }
    if (bits > 0) {
      out.write((acc << (5 - bits)) & 31);
    }
    return out.toByteArray();
  }

  private static byte[] fromFives(byte[] fives) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int acc = 0;
    int bits = 0;
    for (byte v : fives) {
      acc = (acc << 5) | v;
      bits += 5;
      if (bits >= 8) {
        bits -= 8;
        out.write((acc >>> bits) & 0xff);
      }
    }
    return out.toByteArray();
  }
}
