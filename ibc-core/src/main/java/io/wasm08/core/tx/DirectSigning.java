package io.wasm08.core.tx;

import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.crypto.Secp256k1PublicKey;

/** SIGN_MODE_DIRECT signing and verification over secp256k1 account keys. */
public final class DirectSigning {
  private DirectSigning() {}

  /** The signature of {@code key} over the sign doc of the given bytes. */
  public static Bytes sign(
      Secp256k1PrivateKey key,
      Bytes bodyBytes,
      Bytes authInfoBytes,
      String chainId,
      long accountNumber) {
    return key.sign(SignDocs.directSignBytes(bodyBytes, authInfoBytes, chainId, accountNumber));
  }

  /**
   * Checks signature {@code index} of {@code tx} against {@code publicKey}, rebuilding the sign doc
   * from the received bytes with the verifier's chain id and the signer's account number (high-S
   * and wrong-length signatures fail).
   */
  public static boolean verify(
      TxRaw tx, int index, Secp256k1PublicKey publicKey, String chainId, long accountNumber) {
    if (index < 0 || index >= tx.getSignaturesCount()) {
      return false;
    }
    Bytes signBytes =
        SignDocs.directSignBytes(
            Bytes.of(tx.getBodyBytes().toByteArray()),
            Bytes.of(tx.getAuthInfoBytes().toByteArray()),
            chainId,
            accountNumber);
    return publicKey.verify(signBytes, Bytes.of(tx.getSignatures(index).toByteArray()));
  }
}
