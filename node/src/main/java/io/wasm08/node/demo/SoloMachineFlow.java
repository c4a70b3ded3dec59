package io.wasm08.node.demo;

import com.google.protobuf.ByteString;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import cosmos.gov.v1.Tx.MsgVote;
import ibc.core.client.v1.QueryGrpc;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipRequest;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.commitment.v2.Commitment.MerklePath;
import ibc.lightclients.wasm.v1.ClientMessage;
import ibc.lightclients.wasm.v1.ConsensusState;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.crypto.Hashes;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.wasm.solomachine.SoloMachineClientState;
import io.wasm08.wasm.solomachine.SoloMachineHeader;
import io.wasm08.wasm.solomachine.SoloMachineProof;
import io.wasm08.wasm.solomachine.SoloMachineSigner;
import io.wasm08.wasm.types.WasmClientState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.function.LongConsumer;

/**
 * The life of an 08-wasm client on a running node, over gRPC, with the repository's own
 * solo-machine contract: store the code through a governance proposal (submit, vote, wait for the
 * EndBlocker to execute it), create a client controlled by an ed25519 key, update it with a signed
 * header, and verify a membership proof signed by that key ({@code VerifyMembership} query). The
 * demo, the CLI tests and the child-process test drive a node through it.
 */
public final class SoloMachineFlow {
  /** The classpath resource holding the contract (copied from examples/ by the node's build). */
  public static final String CONTRACT_RESOURCE = "/solo_machine_client.wasm";

  private static final double GAS_ADJUSTMENT = 1.5;

  private NodeClient node;
  private final Secp256k1PrivateKey account;
  private final SoloMachineSigner solo;
  private final String diversifier;
  private final Duration timeout;
  private SoloMachineClientState state;
  private Bytes checksum;
  private String clientId;

  /**
   * @param account signs the txs, deposits and votes (it needs funds and voting power)
   * @param solo the solo machine's key, which controls the client
   */
  public SoloMachineFlow(
      NodeClient node,
      Secp256k1PrivateKey account,
      SoloMachineSigner solo,
      String diversifier,
      Duration timeout) {
    this.node = node;
    this.account = account;
    this.solo = solo;
    this.diversifier = diversifier;
    this.timeout = timeout;
  }

  /** The contract's bytes from the classpath. */
  public static Bytes contract() {
    try (InputStream in = SoloMachineFlow.class.getResourceAsStream(CONTRACT_RESOURCE)) {
      if (in == null) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("no " + CONTRACT_RESOURCE + " on the classpath");
      }
      return Bytes.wrapOwned(in.readAllBytes());
    } catch (IOException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("cannot read " + CONTRACT_RESOURCE, e);
    }
  }

  /** Continues against another connection (e.g. the same chain after a node restart). */
  public void reconnect(NodeClient other) {
    this.node = other;
  }

  public String accountAddress() {
    return account.publicKey().address().toBech32(node.bech32Prefix());
  }

  /** Submits {@code MsgStoreCode} (signed by the gov account) as a proposal; its id. */
  public long submitStoreCode(Bytes wasm, Coin deposit) {
    MsgStoreCode store =
        MsgStoreCode.newBuilder()
            .setSigner(
                Wasm08Modules.govAuthority(
                    new io.wasm08.core.crypto.AddressCodec(node.bech32Prefix())))
            .setWasmByteCode(ByteString.copyFrom(wasm.toByteArray()))
            .build();
    MsgSubmitProposal submit =
        MsgSubmitProposal.newBuilder()
            .addMessages(AnyCodec.pack(store))
            .addInitialDeposit(deposit)
            .setProposer(accountAddress())
            .setTitle("Store the solo-machine light client")
            .setSummary("08-wasm code for the wasm08 demo")
            .build();
    TxResponse r = deliver(submit);
    checksum = Hashes.sha256(wasm);
    return NodeClient.proposalId(r)
        .orElseThrow(() -> NodeErrorCode.INVALID_DATA.wrap("no proposal_id in " + r.getTxhash()));
  }

  /** Votes yes with the account's voting power. */
  public void voteYes(long proposalId) {
    deliver(
        MsgVote.newBuilder()
            .setProposalId(proposalId)
            .setVoter(accountAddress())
            .setOption(VoteOption.VOTE_OPTION_YES)
            .build());
  }

  /** Waits until the proposal is decided; {@code tick} gets the elapsed milliseconds. */
  public Proposal awaitProposal(long proposalId, LongConsumer tick) {
    return node.waitForProposal(proposalId, timeout, tick);
  }

  /** The checksum of the code stored by {@link #submitStoreCode}. */
  public Bytes checksum() {
    return checksum;
  }

  /**
   * {@code MsgCreateClient} with the solo machine at sequence 1 (08-wasm height 0-1) and its
   * consensus state at {@code timestampNanos}; the new client id.
   */
  public String createClient(long timestampNanos) {
    state = solo.initialClientState(diversifier, timestampNanos);
    WasmClientState wasm =
        new WasmClientState(state.toData(), checksum, Height.of(0, state.latestHeight()));
    TxResponse r =
        deliver(
            MsgCreateClient.newBuilder()
                .setClientState(AnyCodec.pack(wasm.toProto()))
                .setConsensusState(
                    AnyCodec.pack(
                        ConsensusState.newBuilder()
                            .setData(bytes(state.consensusState().toData()))
                            .build()))
                .setSigner(accountAddress())
                .build());
    clientId =
        event(r, "create_client", "client_id")
            .orElseThrow(() -> NodeErrorCode.INVALID_DATA.wrap("no client_id in " + r.getTxhash()));
    return clientId;
  }

  /** {@code MsgUpdateClient} with a header signed by the solo key (keeping key and diversifier). */
  public Height updateClient(long timestampNanos) {
    SoloMachineHeader header =
        solo.signHeader(
            state, timestampNanos, solo.publicKey(), state.consensusState().diversifier());
    deliver(
        MsgUpdateClient.newBuilder()
            .setClientId(clientId)
            .setClientMessage(
                AnyCodec.pack(
                    ClientMessage.newBuilder()
                        .setData(bytes(header.toClientMessageData()))
                        .build()))
            .setSigner(accountAddress())
            .build());
    state = state.afterHeader(header);
    return Height.of(0, state.latestHeight());
  }

  /** The client's latest height as the node reports it. */
  public Height latestHeight() {
    var any =
        QueryGrpc.newBlockingStub(node.channel())
            .clientState(QueryClientStateRequest.newBuilder().setClientId(clientId).build())
            .getClientState();
    try {
      return Height.fromProto(
          ibc.lightclients.wasm.v1.ClientState.parseFrom(any.getValue()).getLatestHeight());
    } catch (com.google.protobuf.InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_DATA.wrap("client state of " + clientId + ": " + e.getMessage());
    }
  }

  /**
   * Asks the node to verify that {@code value} is stored at {@code path} (key path {@code ["ibc",
   * path]}) with a proof the solo key signs for {@code signedValue} at the client's sequence: the
   * node's answer ({@code VerifyMembership} runs the contract's {@code verify_membership}).
   */
  public boolean verifyMembership(
      String path, Bytes value, Bytes signedValue, long timestampNanos) {
    SoloMachineProof proof = solo.signMembership(state, timestampNanos, path, signedValue);
    return QueryGrpc.newBlockingStub(node.channel())
        .verifyMembership(
            QueryVerifyMembershipRequest.newBuilder()
                .setClientId(clientId)
                .setProof(bytes(proof.toProofBytes()))
                .setProofHeight(Height.of(0, state.latestHeight()).toProto())
                .setMerklePath(
                    MerklePath.newBuilder()
                        .addKeyPath(ByteString.copyFromUtf8("ibc"))
                        .addKeyPath(ByteString.copyFrom(path, StandardCharsets.UTF_8)))
                .setValue(bytes(value))
                .build())
        .getSuccess();
  }

  public String clientId() {
    return clientId;
  }

  /** Signs, simulates, broadcasts and waits; a refused or failed tx is an error. */
  private TxResponse deliver(com.google.protobuf.Message msg) {
    TxResponse r = node.submitAuto(List.of(msg), account, GAS_ADJUSTMENT, timeout, t -> {});
    if (r.getCode() != 0) {
      throw NodeErrorCode.TX_FAILED.wrap(
          r.getCodespace() + " code " + r.getCode() + ": " + r.getRawLog());
    }
    return r;
  }

  private static java.util.Optional<String> event(TxResponse r, String type, String key) {
    return r.getEventsList().stream()
        .filter(e -> e.getType().equals(type))
        .flatMap(e -> e.getAttributesList().stream())
        .filter(a -> a.getKey().equals(key))
        .map(a -> a.getValue())
        .findFirst();
  }

  private static ByteString bytes(Bytes b) {
    return ByteString.copyFrom(b.toByteArray());
  }
}
