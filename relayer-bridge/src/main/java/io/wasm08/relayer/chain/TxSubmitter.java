package io.wasm08.relayer.chain;

import com.google.protobuf.Message;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.tx.SignedTx;
import io.wasm08.core.tx.TxBuilder;
import io.wasm08.core.tx.TxSigner;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.rpc.Sleeper;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Signs and submits the relayer's transactions, one at a time (one signer, so sequences go in
 * order): the account number and sequence from the auth query (cached, refetched after a sequence
 * mismatch or a lost tx), Simulate for the gas with an adjustment, SIGN_MODE_DIRECT signing, SYNC
 * broadcast, then GetTx until the tx is in a block.
 */
public final class TxSubmitter {
  private static final Logger LOG = Logger.getLogger(TxSubmitter.class.getName());

  /** The SDK's {@code ErrWrongSequence} (codespace {@code sdk}, code 32). */
  static final int WRONG_SEQUENCE = 32;

  static final int MAX_SEQUENCE_RETRIES = 3;

  /** Fee settings: gas = ceil(simulated × adjustment); fee = ceil(gas × price) when priced. */
  public record Fees(double gasAdjustment, Optional<BigDecimal> gasPrice, String denom) {
    public static final Fees FREE = new Fees(1.3, Optional.empty(), "");

    public Fees {
      Objects.requireNonNull(gasPrice, "gasPrice");
      Objects.requireNonNull(denom, "denom");
    }
  }

  /** A committed transaction and the gas it was given. */
  public record Committed(TxResponse response, long gasLimit) {}

  private final Destination destination;
  private final Secp256k1PrivateKey key;
  private final Fees fees;
  private final String memo;
  private final Duration timeout;
  private final Duration pollInterval;
  private final Sleeper sleeper;
  private String address;
  private Destination.Account account; // the next sequence to sign with, null = unknown

  public TxSubmitter(
      Destination destination,
      Secp256k1PrivateKey key,
      Fees fees,
      String memo,
      Duration timeout,
      Duration pollInterval,
      Sleeper sleeper) {
    this.destination = Objects.requireNonNull(destination, "destination");
    this.key = Objects.requireNonNull(key, "key");
    this.fees = Objects.requireNonNull(fees, "fees");
    this.memo = Objects.requireNonNull(memo, "memo");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.pollInterval = Objects.requireNonNull(pollInterval, "pollInterval");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The signer's bech32 address on the destination. */
  public synchronized String signer() {
    if (address == null) {
      address = key.publicKey().address().toBech32(destination.bech32Prefix());
    }
    return address;
  }

  /**
   * Submits {@code msgs} in one tx and waits for it to be committed.
   *
   * @throws Wasm08Exception {@code TX_REJECTED} (CheckTx or Simulate refused it), {@code TX_FAILED}
   *     (committed with a non-zero code), {@code TX_TIMEOUT}, or a destination error
   */
  public synchronized Committed submit(List<? extends Message> msgs) {
    for (int attempt = 1; ; attempt++) {
      Destination.Account acc = account();
      long gasLimit;
      try {
        gasLimit = estimateGas(msgs, acc);
      } catch (Wasm08Exception e) {
        if (isSequenceMismatch(e.getMessage()) && attempt < MAX_SEQUENCE_RETRIES) {
          refetch("simulation", e.getMessage());
          continue;
        }
        throw e;
      }
      SignedTx tx = sign(msgs, acc, gasLimit);
      TxResponse checked = destination.broadcastSync(tx.txBytes());
      if (checked.getCode() == WRONG_SEQUENCE && "sdk".equals(checked.getCodespace())) {
        if (attempt < MAX_SEQUENCE_RETRIES) {
          refetch("CheckTx", checked.getRawLog());
          continue;
        }
      }
      if (checked.getCode() != 0) {
        throw RelayerErrorCode.TX_REJECTED.wrap(
            "CheckTx code "
                + checked.getCode()
                + " ("
                + checked.getCodespace()
                + "): "
                + checked.getRawLog());
      }
      account = new Destination.Account(acc.accountNumber(), acc.sequence() + 1);
      TxResponse committed = awaitCommit(checked.getTxhash());
      if (committed.getCode() != 0) {
        throw RelayerErrorCode.TX_FAILED.wrap(
            "tx "
                + committed.getTxhash()
                + " failed in block "
                + committed.getHeight()
                + " with code "
                + committed.getCode()
                + " ("
                + committed.getCodespace()
                + "): "
                + committed.getRawLog());
      }
      return new Committed(committed, gasLimit);
    }
  }

  private Destination.Account account() {
    if (account == null) {
      String addr = signer();
      account =
          destination
              .account(addr)
              .orElseThrow(
                  () ->
                      RelayerErrorCode.TX_REJECTED.wrap(
                          "the relayer account " + addr + " does not exist on the destination"));
    }
    return account;
  }

  private void refetch(String where, String why) {
    LOG.info(() -> "account sequence mismatch in " + where + " (" + why + "); refetching");
    account = null;
  }

  private long estimateGas(List<? extends Message> msgs, Destination.Account acc) {
    SignedTx probe = sign(msgs, acc, 0);
    // Simulation skips signature checks; clients send one empty signature per signer.
    Bytes unsigned =
        new SignedTx(probe.bodyBytes(), probe.authInfoBytes(), List.of(Bytes.EMPTY)).txBytes();
    long used = destination.simulate(unsigned);
    return (long) Math.ceil(used * fees.gasAdjustment());
  }

  private SignedTx sign(List<? extends Message> msgs, Destination.Account acc, long gasLimit) {
    TxBuilder builder = TxBuilder.create().memo(memo);
    if (fees.gasPrice().isPresent() && gasLimit > 0) {
      BigDecimal amount =
          fees.gasPrice()
              .get()
              .multiply(BigDecimal.valueOf(gasLimit))
              .setScale(0, RoundingMode.CEILING);
      builder.fee(
          gasLimit,
          Coin.newBuilder().setDenom(fees.denom()).setAmount(amount.toPlainString()).build());
    } else {
      builder.fee(gasLimit);
    }
    msgs.forEach(builder::addMessage);
    return builder.sign(
        destination.chainId(), new TxSigner(key, acc.accountNumber(), acc.sequence()));
  }

  private TxResponse awaitCommit(String hash) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      Optional<TxResponse> r = destination.getTx(hash);
      if (r.isPresent()) {
        return r.get();
      }
      if (System.nanoTime() - deadline > 0) {
        account = null; // the tx may still land later: do not guess the next sequence
        throw RelayerErrorCode.TX_TIMEOUT.wrap("tx " + hash + " not committed after " + timeout);
      }
      try {
        sleeper.sleep(pollInterval);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        account = null;
        throw RelayerErrorCode.TX_TIMEOUT.wrap("interrupted while waiting for tx " + hash, e);
      }
    }
  }

  static boolean isSequenceMismatch(String message) {
    return message != null
        && message.toLowerCase(Locale.ROOT).contains("account sequence mismatch");
  }
}
