package io.wasm08.core.tx;

import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Hashes;
import java.math.BigInteger;

/**
 * Bitcoin base58check, only to compare with the SDK vector that prints an address that way (a
 * version byte, the payload, the first 4 bytes of double SHA-256; leading zero bytes as '1').
 */
final class Base58Check {
  private static final String ALPHABET =
      "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

  private Base58Check() {}

  static String encode(byte version, Bytes payload) {
    Bytes versioned = Bytes.of(version).concat(payload);
    Bytes check = Hashes.sha256(Hashes.sha256(versioned)).slice(0, 4);
    byte[] all = versioned.concat(check).toByteArray();
    StringBuilder out = new StringBuilder();
    BigInteger value = new BigInteger(1, all);
    BigInteger base = BigInteger.valueOf(58);
    while (value.signum() > 0) {
      BigInteger[] qr = value.divideAndRemainder(base);
      out.append(ALPHABET.charAt(qr[1].intValue()));
      value = qr[0];
    }
    for (byte b : all) {
      if (b != 0) {
        break;
      }
      out.append('1');
    }
    return out.reverse().toString();
  }
}
