package io.wasm08.node.tx;

import cosmos.auth.v1beta1.Auth.Params;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.tx.signing.v1beta1.Signing.SignMode;
import cosmos.tx.v1beta1.TxOuterClass.ModeInfo;
import cosmos.tx.v1beta1.TxOuterClass.SignerInfo;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.crypto.Secp256k1PublicKey;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.tx.SignDocs;
import io.wasm08.node.auth.Account;
import io.wasm08.node.auth.AuthKeeper;
import io.wasm08.store.KvStore;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK v0.50 default ante chain ({@code x/auth/ante.NewAnteHandler}), in its order: extension
 * options, ValidateBasic, timeout height, memo, tx-size gas, fee deduction, public keys, signature
 * count, signature gas, signature verification (SIGN_MODE_DIRECT, secp256k1, low-S) with sequence
 * checks, and sequence increment. The gas meter (SetUpContext) and the out-of-gas recovery belong
 * to the caller ({@link TxRunner}). Error codes and texts are the SDK's.
 */
public final class AnteHandler {
  /** {@code authtypes.MaxGasWanted} = 2^63 − 1. */
  public static final long MAX_GAS_WANTED = Long.MAX_VALUE;

  /**
   * The size of an amino {@code StdSignature} with a secp256k1 key and a 64-byte signature, plus 6:
   * what simulation charges per missing signature. Amino: key field {@code 0a 26} + prefix {@code
   * eb5ae987} + {@code 21} + 33 bytes = 40; signature field {@code 12 40} + 64 = 66; 106 + 6.
   */
  static final long SIMULATED_SIGNATURE_BYTES = 112;

  /** {@code simSecp256k1Pubkey}: the key simulation assumes for signers without one. */
  static final Secp256k1PublicKey SIM_PUBKEY =
      new Secp256k1PublicKey(
          Bytes.fromHex("035AD6810A47F073553FF30D2FCC7E0D3B1C0B74B61A1AAA2582344037151E143A"));

  private final AuthKeeper auth;
  private final FeeHandler fees;

  public AnteHandler(AuthKeeper auth, FeeHandler fees) {
    this.auth = auth;
    this.fees = fees;
  }

  public void handle(AnteContext ctx, DecodedTx tx) {
    // Params and accounts are read where each SDK decorator reads them: every read is metered,
    // so the gas used matches upstream's.
    KvStore acc = ctx.store(AuthKeeper.STORE_KEY);
    AddressCodec codec = auth.addressCodec();

    // ExtensionOptionsDecorator: this chain accepts none.
    if (tx.body().getExtensionOptionsCount() > 0) {
      throw SdkErrorCode.UNKNOWN_EXTENSION_OPTIONS.error();
    }
    if (ctx.mode() != ExecMode.RECHECK) {
      validateBasic(tx);
    }
    long timeout = tx.body().getTimeoutHeight();
    if (timeout != 0 && Long.compareUnsigned(ctx.block().height(), timeout) > 0) {
      throw SdkErrorCode.TX_TIMEOUT_HEIGHT.wrapf(
          "block height: %d, timeout height: %s",
          ctx.block().height(), Long.toUnsignedString(timeout));
    }
    int memoLength = tx.body().getMemoBytes().size();
    if (memoLength > 0) {
      Params params = auth.params(acc);
      if (memoLength > params.getMaxMemoCharacters()) {
        throw SdkErrorCode.MEMO_TOO_LARGE.wrapf(
            "maximum number of characters is %d but received %d characters",
            params.getMaxMemoCharacters(), memoLength);
      }
    }
    consumeTxSizeGas(ctx, tx, auth.params(acc), acc);
    deductFee(ctx, tx, acc, codec);

    List<SignerInfo> infos = tx.authInfo().getSignerInfosList();
    List<Bytes> signers = tx.signers();
    setPubKeys(ctx, tx, acc, codec, infos, signers);
    // ValidateSigCountDecorator: one key per single signer.
    Params params = auth.params(acc);
    long sigCount = infos.stream().filter(SignerInfo::hasPublicKey).count();
    if (sigCount > params.getTxSigLimit()) {
      throw SdkErrorCode.TOO_MANY_SIGNATURES.wrapf(
          "signatures: %d, limit: %d", sigCount, params.getTxSigLimit());
    }
    // SigGasConsumeDecorator.
    params = auth.params(acc);
    for (int i = 0; i < infos.size(); i++) {
      Account account = signerAccount(acc, signers.get(i), codec);
      if (account.pubKey() == null && !ctx.simulate()) {
        // SigVerification reports it below; upstream's gas consumer would fail on a nil key too.
        throw SdkErrorCode.INVALID_PUB_KEY.wrap("pubkey on account is not set");
      }
      ctx.gasMeter().consumeGas(params.getSigVerifyCostSecp256K1(), "ante verify: secp256k1");
    }
    verifySignatures(ctx, tx, acc, codec, infos, signers);
    // IncrementSequenceDecorator.
    for (Bytes signer : signers) {
      Account account = signerAccount(acc, signer, codec);
      auth.setAccount(acc, account.withSequence(account.sequence() + 1));
    }
  }

  /** {@code Tx.ValidateBasic} plus the wrapper's signer count. */
  static void validateBasic(DecodedTx tx) {
    if (!tx.authInfo().hasFee()) {
      throw IbcException.plain("missing fee");
    }
    if (tx.gasLimit() < 0) {
      throw SdkErrorCode.INVALID_REQUEST.wrapf(
          "invalid gas supplied; %s > %d", Long.toUnsignedString(tx.gasLimit()), MAX_GAS_WANTED);
    }
    for (Coin coin : tx.authInfo().getFee().getAmountList()) {
      if (new BigInteger(coin.getAmount()).signum() < 0) {
        throw SdkErrorCode.INSUFFICIENT_FEE.wrapf(
            "invalid fee provided: %s", FeeCoins.format(tx.authInfo().getFee().getAmountList()));
      }
    }
    int sigs = tx.raw().getSignaturesCount();
    if (sigs == 0) {
      throw SdkErrorCode.NO_SIGNATURES.error();
    }
    if (sigs != tx.signers().size()) {
      throw SdkErrorCode.UNAUTHORIZED.wrapf(
          "wrong number of signers; expected %d, got %d", tx.signers().size(), sigs);
    }
    if (tx.authInfo().getSignerInfosCount() != sigs) {
      throw SdkErrorCode.UNAUTHORIZED.wrapf(
          "wrong number of signer infos; expected %d, got %d",
          sigs, tx.authInfo().getSignerInfosCount());
    }
  }

  private static void consumeTxSizeGas(AnteContext ctx, DecodedTx tx, Params params, KvStore acc) {
    ctx.gasMeter()
        .consumeGas(
            Math.multiplyExact(params.getTxSizeCostPerByte(), (long) tx.txBytes().size()),
            "txSize");
    if (ctx.simulate()) {
      for (int i = 0; i < tx.signers().size(); i++) {
        boolean complete =
            i < tx.raw().getSignaturesCount() && !tx.raw().getSignatures(i).isEmpty();
        if (!complete) {
          ctx.gasMeter()
              .consumeGas(params.getTxSizeCostPerByte() * SIMULATED_SIGNATURE_BYTES, "txSize");
        }
      }
    }
  }

  private void deductFee(AnteContext ctx, DecodedTx tx, KvStore acc, AddressCodec codec) {
    Bytes payer = tx.feePayer(codec);
    if (auth.account(acc, payer).isEmpty()) {
      throw SdkErrorCode.UNKNOWN_ADDRESS.wrapf(
          "fee payer address: %s does not exist", codec.bytesToString(payer));
    }
    List<Coin> fee = FeeCoins.nonZero(tx.authInfo().getFee().getAmountList());
    if (!fee.isEmpty()) {
      fees.deductFees(ctx, payer, fee);
    }
    ctx.events()
        .emit(Event.of("tx", "fee", FeeCoins.format(fee), "fee_payer", codec.bytesToString(payer)));
  }

  private void setPubKeys(
      AnteContext ctx,
      DecodedTx tx,
      KvStore acc,
      AddressCodec codec,
      List<SignerInfo> infos,
      List<Bytes> signers) {
    List<String> signerStrings = new ArrayList<>();
    for (int i = 0; i < infos.size(); i++) {
      String signerString = codec.bytesToString(signers.get(i));
      signerStrings.add(signerString);
      Secp256k1PublicKey pk = pubKey(infos.get(i));
      if (pk == null) {
        if (!ctx.simulate()) {
          continue;
        }
        pk = SIM_PUBKEY;
      }
      if (!ctx.simulate() && !pk.address().bytes().equals(signers.get(i))) {
        throw SdkErrorCode.INVALID_PUB_KEY.wrapf(
            "pubKey does not match signer address %s with signer index: %d", signerString, i);
      }
      Account account = signerAccount(acc, signers.get(i), codec);
      if (account.pubKey() != null) {
        continue;
      }
      auth.setAccount(acc, account.withPubKey(pk));
    }
    for (int i = 0; i < infos.size(); i++) {
      ctx.events()
          .emit(
              Event.of(
                  "tx",
                  "acc_seq",
                  signerStrings.get(i) + "/" + Long.toUnsignedString(infos.get(i).getSequence())));
      ctx.events()
          .emit(
              Event.of(
                  "tx", "signature", Bytes.of(tx.raw().getSignatures(i).toByteArray()).toBase64()));
    }
  }

  private void verifySignatures(
      AnteContext ctx,
      DecodedTx tx,
      KvStore acc,
      AddressCodec codec,
      List<SignerInfo> infos,
      List<Bytes> signers) {
    if (infos.size() != signers.size()) {
      throw SdkErrorCode.UNAUTHORIZED.wrapf(
          "invalid number of signer;  expected: %d, got %d", signers.size(), infos.size());
    }
    boolean genesis = ctx.block().height() == 0;
    String chainId = ctx.block().chainId();
    for (int i = 0; i < infos.size(); i++) {
      Account account = signerAccount(acc, signers.get(i), codec);
      Secp256k1PublicKey pk = account.pubKey();
      if (!ctx.simulate() && pk == null) {
        throw SdkErrorCode.INVALID_PUB_KEY.wrap("pubkey on account is not set");
      }
      long sequence = infos.get(i).getSequence();
      if (sequence != account.sequence()) {
        throw SdkErrorCode.WRONG_SEQUENCE.wrapf(
            "account sequence mismatch, expected %s, got %s",
            Long.toUnsignedString(account.sequence()), Long.toUnsignedString(sequence));
      }
      long accNum = genesis ? 0 : account.accountNumber();
      if (ctx.simulate() || ctx.mode() == ExecMode.RECHECK) {
        continue;
      }
      String failure = verifyOne(tx, i, infos.get(i), pk, chainId, accNum);
      if (failure != null) {
        throw SdkErrorCode.UNAUTHORIZED.wrap(
            String.format(
                "signature verification failed; please verify account number (%s) and chain-id"
                    + " (%s): (%s)",
                Long.toUnsignedString(accNum), chainId, failure));
      }
    }
  }

  /** The failure text of {@code VerifySignature}, or null when signature {@code i} is valid. */
  private static String verifyOne(
      DecodedTx tx, int i, SignerInfo info, Secp256k1PublicKey pk, String chainId, long accNum) {
    ModeInfo mode = info.getModeInfo();
    if (mode.getSumCase() != ModeInfo.SumCase.SINGLE) {
      return "unsupported mode info: only single-signer SIGN_MODE_DIRECT is accepted";
    }
    if (mode.getSingle().getMode() != SignMode.SIGN_MODE_DIRECT) {
      return "unsupported sign mode " + mode.getSingle().getMode();
    }
    Bytes signBytes =
        SignDocs.directSignBytes(
            Bytes.of(tx.raw().getBodyBytes().toByteArray()),
            Bytes.of(tx.raw().getAuthInfoBytes().toByteArray()),
            chainId,
            accNum);
    Bytes signature = Bytes.of(tx.raw().getSignatures(i).toByteArray());
    return pk.verify(signBytes, signature) ? null : "unable to verify single signer signature";
  }

  private static Secp256k1PublicKey pubKey(SignerInfo info) {
    if (!info.hasPublicKey()) {
      return null;
    }
    if (!info.getPublicKey().getTypeUrl().equals(Secp256k1PublicKey.TYPE_URL)) {
      throw SdkErrorCode.INVALID_PUB_KEY.wrapf(
          "unrecognized public key type: %s", info.getPublicKey().getTypeUrl());
    }
    try {
      return Secp256k1PublicKey.fromProto(
          cosmos.crypto.secp256k1.Keys.PubKey.parseFrom(info.getPublicKey().getValue()));
    } catch (com.google.protobuf.InvalidProtocolBufferException | IbcException e) {
      throw SdkErrorCode.INVALID_PUB_KEY.wrap(e.getMessage());
    }
  }

  private Account signerAccount(KvStore acc, Bytes address, AddressCodec codec) {
    return auth.account(acc, address)
        .orElseThrow(
            () ->
                SdkErrorCode.UNKNOWN_ADDRESS.wrapf(
                    "account %s does not exist", codec.bytesToString(address)));
  }
}
