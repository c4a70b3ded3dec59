package io.wasm08.core.tx;

import com.google.protobuf.ByteString;
import cosmos.tx.v1beta1.TxOuterClass.SignDoc;
import io.wasm08.common.Bytes;

/** The SIGN_MODE_DIRECT document: what every signature of a transaction covers. */
public final class SignDocs {
  private SignDocs() {}

  /**
   * {@code SignDoc{body_bytes, auth_info_bytes, chain_id, account_number}} serialized; the body and
   * auth-info bytes are used exactly as received, never re-encoded.
   */
  public static Bytes directSignBytes(
      Bytes bodyBytes, Bytes authInfoBytes, String chainId, long accountNumber) {
    SignDoc doc =
        SignDoc.newBuilder()
            .setBodyBytes(ByteString.copyFrom(bodyBytes.toByteArray()))
            .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes.toByteArray()))
            .setChainId(chainId)
            .setAccountNumber(accountNumber)
            .build();
    return Bytes.wrapOwned(doc.toByteArray());
  }
}
