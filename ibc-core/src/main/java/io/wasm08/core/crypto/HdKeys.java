package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-32 private-key derivation as the Cosmos SDK's {@code crypto/hd} runs it: master key from
 * {@code HMAC-SHA512("Bitcoin seed", seed)}, child keys {@code (I_L + k) mod n} (the SDK does not
 * skip the astronomically rare invalid children, so neither do we).
 */
public final class HdKeys {
  private HdKeys() {}

  /** The key at {@code path} below the master key of {@code seed}. */
  public static Secp256k1PrivateKey derive(Bytes seed, HdPath path) {
    byte[] i = hmacSha512("Bitcoin seed".getBytes(StandardCharsets.US_ASCII), seed.toByteArray());
    byte[] key = java.util.Arrays.copyOfRange(i, 0, 32);
    byte[] chainCode = java.util.Arrays.copyOfRange(i, 32, 64);
    for (HdPath.Index index : path.indices()) {
      ByteBuffer data = ByteBuffer.allocate(37);
      if (index.hardened()) {
        data.put((byte) 0).put(key).putInt(index.value() | 0x80000000);
      } else {
        byte[] point =
            Secp256k1.DOMAIN.getG().multiply(new BigInteger(1, key)).normalize().getEncoded(true);
        data.put(point).putInt(index.value());
      }
      byte[] child = hmacSha512(chainCode, data.array());
      BigInteger sum =
          new BigInteger(1, java.util.Arrays.copyOfRange(child, 0, 32))
              .add(new BigInteger(1, key))
              .mod(Secp256k1.N);
      key = Secp256k1.to32(sum);
      chainCode = java.util.Arrays.copyOfRange(child, 32, 64);
    }
    return Secp256k1PrivateKey.fromBytes(Bytes.wrapOwned(key));
  }

  /** The key of {@code mnemonic} (with {@code passphrase}) at {@code path}. */
  public static Secp256k1PrivateKey fromMnemonic(String mnemonic, String passphrase, HdPath path) {
    return derive(Bip39.seed(mnemonic, passphrase), path);
  }

  private static byte[] hmacSha512(byte[] key, byte[] data) {
    HMac mac = new HMac(new SHA512Digest());
    mac.init(new KeyParameter(key));
    mac.update(data, 0, data.length);
    byte[] out = new byte[64];
    mac.doFinal(out, 0);
    return out;
  }
}
