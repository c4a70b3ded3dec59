package io.wasm08.core.tx;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.tx.signing.v1beta1.Signing.SignMode;
import cosmos.tx.v1beta1.TxOuterClass.AuthInfo;
import cosmos.tx.v1beta1.TxOuterClass.Fee;
import cosmos.tx.v1beta1.TxOuterClass.ModeInfo;
import cosmos.tx.v1beta1.TxOuterClass.SignerInfo;
import cosmos.tx.v1beta1.TxOuterClass.TxBody;
import io.wasm08.common.Bytes;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and signs a Cosmos transaction in SIGN_MODE_DIRECT, as the SDK client does: encode the
 * body and the auth info once, sign {@code SignDoc{body, auth_info, chain_id, account_number}} for
 * each signer in order, and keep the exact signed bytes in the {@link SignedTx}. Signers must be
 * given in the order of the transaction's signers (first occurrence across its messages).
 */
public final class TxBuilder {
  private final List<Any> messages = new ArrayList<>();
  private final List<Coin> feeAmount = new ArrayList<>();
  private String memo = "";
  private long timeoutHeight;
  private long gasLimit;
  private String payer = "";
  private String granter = "";

  private TxBuilder() {}

  public static TxBuilder create() {
    return new TxBuilder();
  }

  /** Adds a message packed under its Cosmos type URL. */
  public TxBuilder addMessage(Message message) {
    messages.add(AnyCodec.pack(message));
    return this;
  }

  /** Adds an already packed message as is. */
  public TxBuilder addMessage(Any message) {
    messages.add(message);
    return this;
  }

  public TxBuilder memo(String memo) {
    this.memo = memo;
    return this;
  }

  public TxBuilder timeoutHeight(long timeoutHeight) {
    this.timeoutHeight = timeoutHeight;
    return this;
  }

  /** The gas limit and the fee coins offered for it. */
  public TxBuilder fee(long gasLimit, Coin... amount) {
    this.gasLimit = gasLimit;
    feeAmount.clear();
    feeAmount.addAll(List.of(amount));
    return this;
  }

  public TxBuilder feePayer(String payer) {
    this.payer = payer;
    return this;
  }

  public TxBuilder feeGranter(String granter) {
    this.granter = granter;
    return this;
  }

  public TxBody body() {
    return TxBody.newBuilder()
        .addAllMessages(messages)
        .setMemo(memo)
        .setTimeoutHeight(timeoutHeight)
        .build();
  }

  public Fee fee() {
    return Fee.newBuilder()
        .addAllAmount(feeAmount)
        .setGasLimit(gasLimit)
        .setPayer(payer)
        .setGranter(granter)
        .build();
  }

  /** The auth info for signers with these public keys and sequences, all SIGN_MODE_DIRECT. */
  public AuthInfo authInfo(List<SignerInfo> signerInfos) {
    return AuthInfo.newBuilder().addAllSignerInfos(signerInfos).setFee(fee()).build();
  }

  /** {@code SignerInfo{public_key, mode_info.single = DIRECT, sequence}}. */
  public static SignerInfo directSignerInfo(Secp256k1PublicKey publicKey, long sequence) {
    return SignerInfo.newBuilder()
        .setPublicKey(publicKey.toAny())
        .setModeInfo(
            ModeInfo.newBuilder()
                .setSingle(ModeInfo.Single.newBuilder().setMode(SignMode.SIGN_MODE_DIRECT)))
        .setSequence(sequence)
        .build();
  }

  /** Signs for one signer. */
  public SignedTx sign(String chainId, TxSigner signer) {
    return sign(chainId, List.of(signer));
  }

  /** Signs for every signer, in order; all sign the same body and auth-info bytes. */
  public SignedTx sign(String chainId, List<TxSigner> signers) {
    if (signers.isEmpty()) {
      throw new IllegalArgumentException("a transaction needs at least one signer");
    }
    List<SignerInfo> infos = new ArrayList<>(signers.size());
    for (TxSigner s : signers) {
      infos.add(directSignerInfo(s.key().publicKey(), s.sequence()));
    }
    Bytes bodyBytes = Bytes.wrapOwned(body().toByteArray());
    Bytes authInfoBytes = Bytes.wrapOwned(authInfo(infos).toByteArray());
    List<Bytes> signatures = new ArrayList<>(signers.size());
    for (TxSigner s : signers) {
      signatures.add(
          DirectSigning.sign(s.key(), bodyBytes, authInfoBytes, chainId, s.accountNumber()));
    }
    return new SignedTx(bodyBytes, authInfoBytes, signatures);
  }
}
