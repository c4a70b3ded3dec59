package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import java.nio.charset.StandardCharsets;
import org.bouncycastle.crypto.digests.SHA512Digest;
import org.bouncycastle.crypto.generators.PKCS5S2ParametersGenerator;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * BIP-39 mnemonic → seed, as the Cosmos SDK's {@code go-bip39 NewSeed}: PBKDF2-HMAC-SHA512 over the
 * mnemonic's UTF-8 bytes with salt {@code "mnemonic" + passphrase}, 2048 iterations, 64 bytes. Like
 * go-bip39 (and unlike the BIP text) no NFKD normalisation is applied, so non-ASCII passphrases
 * derive the keys the SDK derives; for ASCII inputs both agree.
 */
public final class Bip39 {
  private Bip39() {}

  public static final int ITERATIONS = 2048;

  public static Bytes seed(String mnemonic, String passphrase) {
    PKCS5S2ParametersGenerator generator = new PKCS5S2ParametersGenerator(new SHA512Digest());
    generator.init(
        mnemonic.getBytes(StandardCharsets.UTF_8),
        ("mnemonic" + passphrase).getBytes(StandardCharsets.UTF_8),
        ITERATIONS);
    KeyParameter key = (KeyParameter) generator.generateDerivedParameters(512);
    return Bytes.wrapOwned(key.getKey());
  }
}
