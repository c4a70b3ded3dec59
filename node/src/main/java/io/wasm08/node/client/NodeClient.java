package io.wasm08.node.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.Auth.ModuleAccount;
import cosmos.auth.v1beta1.QueryGrpc;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.tx.v1beta1.ServiceGrpc;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastMode;
import cosmos.tx.v1beta1.ServiceOuterClass.BroadcastTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.GetTxRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateRequest;
import cosmos.tx.v1beta1.ServiceOuterClass.SimulateResponse;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.tx.SignedTx;
import io.wasm08.core.tx.TxBuilder;
import io.wasm08.core.tx.TxSigner;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.tx.AnteHandler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;
import wasm08.node.v1.NodeGrpc;
import wasm08.node.v1.NodeOuterClass.StatusRequest;
import wasm08.node.v1.NodeOuterClass.StatusResponse;

/**
 * A gRPC client of a node, as the CLI, the demo and the tests use it: reads the signer's account
 * number and sequence, signs in SIGN_MODE_DIRECT ({@code ibc-core}'s {@link TxBuilder}), broadcasts
 * in SYNC mode and waits for the tx to be committed (polling GetTx).
 */
public final class NodeClient implements AutoCloseable {
  private final ManagedChannel channel;
  private final String chainId;

  private NodeClient(ManagedChannel channel, String chainId) {
    this.channel = channel;
    this.chainId = chainId;
  }

  /** Connects to {@code host:port} in plaintext (the node listens on loopback by default). */
  public static NodeClient connect(String target) {
    ManagedChannel channel =
        NettyChannelBuilder.forTarget(target)
            .usePlaintext()
            .maxInboundMessageSize(32 * 1024 * 1024)
            .build();
    return forChannel(channel);
  }

  /** A client over an existing channel; reads the chain id from the node. */
  public static NodeClient forChannel(ManagedChannel channel) {
    StatusResponse status;
    try {
      status =
          NodeGrpc.newBlockingStub(channel)
              .withDeadlineAfter(10, TimeUnit.SECONDS)
              .status(StatusRequest.getDefaultInstance());
    } catch (StatusRuntimeException e) {
      channel.shutdownNow();
      throw NodeErrorCode.UNAVAILABLE.wrap(
          e.getStatus().getCode() + ": " + e.getStatus().getDescription(), e);
    }
    return new NodeClient(channel, status.getChainId());
  }

  public ManagedChannel channel() {
    return channel;
  }

  public String chainId() {
    return chainId;
  }

  public StatusResponse status() {
    return NodeGrpc.newBlockingStub(channel).status(StatusRequest.getDefaultInstance());
  }

  /** The base account at {@code address}, if it exists. */
  public Optional<BaseAccount> account(String address) {
    try {
      var any =
          QueryGrpc.newBlockingStub(channel)
              .account(QueryAccountRequest.newBuilder().setAddress(address).build())
              .getAccount();
      if (any.getTypeUrl().endsWith("ModuleAccount")) {
        return Optional.of(ModuleAccount.parseFrom(any.getValue()).getBaseAccount());
      }
      return Optional.of(BaseAccount.parseFrom(any.getValue()));
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.UNAVAILABLE.wrap("undecodable account: " + e.getMessage());
    }
  }

  /** Signs {@code msgs} for {@code key}'s account with its current number and sequence. */
  public SignedTx sign(
      List<? extends Message> msgs, Secp256k1PrivateKey key, long gasLimit, String memo) {
    String address = key.publicKey().address().toBech32(bech32Prefix());
    BaseAccount account =
        account(address)
            .orElseThrow(
                () ->
                    NodeErrorCode.UNAVAILABLE.wrap(
                        "account " + address + " does not exist on chain"));
    return sign(msgs, key, account.getAccountNumber(), account.getSequence(), gasLimit, memo);
  }

  public SignedTx sign(
      List<? extends Message> msgs,
      Secp256k1PrivateKey key,
      long accountNumber,
      long sequence,
      long gasLimit,
      String memo) {
    TxBuilder builder = TxBuilder.create().memo(memo).fee(gasLimit);
    msgs.forEach(builder::addMessage);
    return builder.sign(chainId, new TxSigner(key, accountNumber, sequence));
  }

  private String prefix;

  /** The chain's bech32 account prefix (asked once). */
  public String bech32Prefix() {
    if (prefix == null) {
      prefix =
          QueryGrpc.newBlockingStub(channel)
              .bech32Prefix(
                  cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixRequest.getDefaultInstance())
              .getBech32Prefix();
    }
    return prefix;
  }

  /** BroadcastTx in SYNC mode: the CheckTx answer. */
  public TxResponse broadcast(Bytes txBytes) {
    return ServiceGrpc.newBlockingStub(channel)
        .broadcastTx(
            BroadcastTxRequest.newBuilder()
                .setTxBytes(ByteString.copyFrom(txBytes.toByteArray()))
                .setMode(BroadcastMode.BROADCAST_MODE_SYNC)
                .build())
        .getTxResponse();
  }

  public SimulateResponse simulate(Bytes txBytes) {
    return ServiceGrpc.newBlockingStub(channel)
        .simulate(
            SimulateRequest.newBuilder()
                .setTxBytes(ByteString.copyFrom(txBytes.toByteArray()))
                .build());
  }

  /**
   * Simulates {@code msgs} from {@code key}'s account (an empty signature, as SDK clients send:
   * simulation skips signature checks) and returns the gas used.
   */
  public long simulateGas(List<? extends Message> msgs, Secp256k1PrivateKey key, String memo) {
    SignedTx probe = sign(msgs, key, AnteHandler.MAX_GAS_WANTED, memo);
    Bytes unsigned =
        new SignedTx(probe.bodyBytes(), probe.authInfoBytes(), List.of(Bytes.EMPTY)).txBytes();
    return simulate(unsigned).getGasInfo().getGasUsed();
  }

  /**
   * {@link #submit} with the gas limit from a simulation times {@code adjustment} (the SDK CLI's
   * {@code --gas auto}).
   */
  public TxResponse submitAuto(
      List<? extends Message> msgs,
      Secp256k1PrivateKey key,
      double adjustment,
      Duration timeout,
      LongConsumer tick) {
    long gas = (long) Math.ceil(simulateGas(msgs, key, "") * adjustment);
    return submit(msgs, key, gas, timeout, tick);
  }

  /** GetTx, empty while the tx is not committed. */
  public Optional<TxResponse> getTx(String hash) {
    try {
      return Optional.of(
          ServiceGrpc.newBlockingStub(channel)
              .getTx(GetTxRequest.newBuilder().setHash(hash).build())
              .getTxResponse());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** Polls GetTx until the tx is committed; {@code tick} gets the elapsed milliseconds. */
  public TxResponse waitForTx(String hash, Duration timeout, LongConsumer tick) {
    long start = System.nanoTime();
    while (true) {
      Optional<TxResponse> r = getTx(hash);
      if (r.isPresent()) {
        return r.get();
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (elapsed > timeout.toMillis()) {
        throw NodeErrorCode.TIMEOUT.wrap("tx " + hash + " not committed after " + timeout);
      }
      tick.accept(elapsed);
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NodeErrorCode.TIMEOUT.wrap("interrupted while waiting for tx " + hash);
      }
    }
  }

  /**
   * Signs, broadcasts and waits: the committed {@code TxResponse}, or the CheckTx answer when the
   * node refused the tx (code ≠ 0, height 0).
   */
  public TxResponse submit(
      List<? extends Message> msgs,
      Secp256k1PrivateKey key,
      long gasLimit,
      Duration timeout,
      LongConsumer tick) {
    SignedTx tx = sign(msgs, key, gasLimit, "");
    TxResponse checked = broadcast(tx.txBytes());
    if (checked.getCode() != 0) {
      return checked;
    }
    return waitForTx(checked.getTxhash(), timeout, tick);
  }

  /** The id of the proposal a committed {@code MsgSubmitProposal} tx created. */
  public static Optional<Long> proposalId(TxResponse submitted) {
    return submitted.getEventsList().stream()
        .filter(e -> e.getType().equals("submit_proposal"))
        .flatMap(e -> e.getAttributesList().stream())
        .filter(a -> a.getKey().equals("proposal_id"))
        .map(a -> Long.parseLong(a.getValue()))
        .findFirst();
  }

  /** One proposal, as {@code cosmos.gov.v1.Query/Proposal} answers. */
  public Proposal proposal(long id) {
    return cosmos.gov.v1.QueryGrpc.newBlockingStub(channel)
        .proposal(QueryProposalRequest.newBuilder().setProposalId(id).build())
        .getProposal();
  }

  /**
   * Polls a proposal until it leaves the deposit and voting periods: PASSED, REJECTED or FAILED
   * (with its {@code failed_reason}). {@code tick} gets the elapsed milliseconds.
   */
  public Proposal waitForProposal(long id, Duration timeout, LongConsumer tick) {
    long start = System.nanoTime();
    while (true) {
      Proposal p = proposal(id);
      if (p.getStatus() != ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD
          && p.getStatus() != ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
        return p;
      }
      long elapsed = (System.nanoTime() - start) / 1_000_000;
      if (elapsed > timeout.toMillis()) {
        throw NodeErrorCode.TIMEOUT.wrap(
            "proposal " + id + " still " + p.getStatus() + " after " + timeout);
      }
      tick.accept(elapsed);
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw NodeErrorCode.TIMEOUT.wrap("interrupted while waiting for proposal " + id);
      }
    }
  }

  @Override
  public void close() {
    channel.shutdown();
    try {
      if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
        channel.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      channel.shutdownNow();
    }
  }
}
