package io.wasm08.core.tx;

import com.google.protobuf.ByteString;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A signed transaction: the exact signed body and auth-info bytes plus one signature per signer.
 */
public record SignedTx(Bytes bodyBytes, Bytes authInfoBytes, List<Bytes> signatures) {
  public SignedTx {
    Objects.requireNonNull(bodyBytes, "bodyBytes");
    Objects.requireNonNull(authInfoBytes, "authInfoBytes");
    signatures = List.copyOf(signatures);
  }

  public TxRaw toTxRaw() {
    TxRaw.Builder raw =
        TxRaw.newBuilder()
            .setBodyBytes(ByteString.copyFrom(bodyBytes.toByteArray()))
            .setAuthInfoBytes(ByteString.copyFrom(authInfoBytes.toByteArray()));
    signatures.forEach(s -> raw.addSignatures(ByteString.copyFrom(s.toByteArray())));
    return raw.build();
  }

  /** The bytes to broadcast ({@code BroadcastTxRequest.tx_bytes}). */
  public Bytes txBytes() {
    return Bytes.wrapOwned(toTxRaw().toByteArray());
  }

  /** {@link TxHash} of {@link #txBytes()}. */
  public String hash() {
    return TxHash.of(txBytes());
  }
}
