package io.wasm08.node.tx;

import com.google.protobuf.Message;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.Tx;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import cosmos.tx.v1beta1.TxOuterClass.TxRaw;
import io.wasm08.common.Bytes;
import java.util.List;
import java.util.Objects;

/**
 * A transaction as the decoder accepted it: the exact received bytes (what is hashed and what the
 * signatures cover), the decoded parts, the unpacked messages and the signers in order.
 */
public record DecodedTx(
    Bytes txBytes,
    TxRaw raw,
    TxBody body,
    AuthInfo authInfo,
    List<Message> msgs,
    List<Bytes> signers,
    boolean bodyHasUnknownNonCriticals) {
  public DecodedTx {
    Objects.requireNonNull(txBytes, "txBytes");
    msgs = List.copyOf(msgs);
    signers = List.copyOf(signers);
  }

  /** {@code GetGas()}: the fee's gas limit. */
  public long gasLimit() {
    return authInfo.getFee().getGasLimit();
  }

  /** Upper-case hex SHA-256 of the received bytes. */
  public String hash() {
    return io.wasm08.core.tx.TxHash.of(txBytes);
  }

  /** The signed body, auth info and signatures as one {@code cosmos.tx.v1beta1.Tx}. */
  public Tx tx() {
    return Tx.newBuilder()
        .setBody(body)
        .setAuthInfo(authInfo)
        .addAllSignatures(raw.getSignaturesList())
        .build();
  }

  /** The fee payer: {@code Fee.payer} when set, else the first signer. */
  public Bytes feePayer(io.wasm08.core.crypto.AddressCodec codec) {
    String payer = authInfo.getFee().getPayer();
    return payer.isEmpty() ? signers.get(0) : codec.stringToBytes(payer);
  }
}
