package io.wasm08.node.keys;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.SdkErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.bouncycastle.crypto.generators.SCrypt;

/**
 * Encryption at rest for keyring secrets: a 256-bit key from the passphrase with scrypt (salt and
 * cost parameters stored in the file), AES-256-GCM per entry with a fresh 96-bit nonce and the
 * entry's public identity as associated data, so ciphertexts cannot be swapped between entries.
 */
record KeyringCipher(int n, int r, int p, Bytes salt) {
  /** scrypt N = 2^15, r = 8, p = 1: ~0.1 s per unlock on a laptop, 32 MiB of memory. */
  static final int DEFAULT_N = 1 << 15;

  static final int DEFAULT_R = 8;
  static final int DEFAULT_P = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  KeyringCipher {
    if (n < 2 || (n & (n - 1)) != 0) {
      throw new IllegalArgumentException("scrypt N must be a power of two > 1");
    }
    if (r < 1 || p < 1 || salt.size() < 16) {
      throw new IllegalArgumentException("invalid scrypt parameters");
    }
  }

  static KeyringCipher fresh(SecureRandom random, int n) {
    byte[] salt = new byte[16];
    random.nextBytes(salt);
    return new KeyringCipher(n, DEFAULT_R, DEFAULT_P, Bytes.wrapOwned(salt));
  }

  /** The derived key; callers keep it only as long as one operation needs it. */
  byte[] deriveKey(char[] passphrase) {
    byte[] pass = new String(passphrase).getBytes(StandardCharsets.UTF_8);
    try {
      return SCrypt.generate(pass, salt.toByteArray(), n, r, p, 32);
    } finally {
      Arrays.fill(pass, (byte) 0);
    }
  }

  /** A sealed secret: nonce and ciphertext (with tag). */
  record Sealed(Bytes nonce, Bytes ciphertext) {}

  static Sealed seal(byte[] key, Bytes plaintext, Bytes associatedData, SecureRandom random) {
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.ENCRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(associatedData.toByteArray());
      return new Sealed(
          Bytes.wrapOwned(nonce), Bytes.wrapOwned(cipher.doFinal(plaintext.toByteArray())));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM unavailable", e);
    }
  }

  /** Opens a sealed secret; a wrong passphrase (or tampering) is {@code ErrWrongPassword}. */
  static Bytes open(byte[] key, Sealed sealed, Bytes associatedData) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(
          Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"),
          new GCMParameterSpec(TAG_BITS, sealed.nonce().toByteArray()));
      cipher.updateAAD(associatedData.toByteArray());
      return Bytes.wrapOwned(cipher.doFinal(sealed.ciphertext().toByteArray()));
    } catch (AEADBadTagException e) {
      throw SdkErrorCode.WRONG_PASSWORD.wrap("keyring passphrase does not decrypt the key");
    } catch (GeneralSecurityException e) {
      throw SdkErrorCode.WRONG_PASSWORD.wrap(
          "keyring entry cannot be decrypted: " + e.getMessage());
    }
  }
}
