package io.wasm08.relayer.relay;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.chain.Destination;
import io.wasm08.relayer.chain.TxSubmitter;
import io.wasm08.relayer.ibc.TendermintClientHeader;
import io.wasm08.relayer.ibc.TendermintClientState;
import io.wasm08.relayer.ibc.TendermintConsensusState;
import io.wasm08.relayer.ibc.TendermintHeaderBuilder;
import io.wasm08.relayer.light.LightBlockStatus;
import io.wasm08.relayer.light.LightClient;
import io.wasm08.relayer.light.LightStore;
import io.wasm08.relayer.light.LightVerifier;
import io.wasm08.relayer.light.Supervisor;
import io.wasm08.relayer.quorum.KvPair;
import io.wasm08.relayer.quorum.Quorum;
import io.wasm08.relayer.quorum.UpdateRequest;
import io.wasm08.relayer.quorum.WasmUpdateExecutor;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one 08-wasm (07-tendermint) client on the destination up to date with its source chain.
 * Each {@link #step()} reads the client from the destination, and when the source is ahead:
 *
 * <ol>
 *   <li>takes the source block at the client's latest height as the trust root, after checking it
 *       is the block the client trusts (app hash, next validators, time of its consensus state);
 *   <li>verifies the source's latest block from it with the client's own trust level, trusting
 *       period and clock drift (skipping, bisecting when needed), cross-checked with the witnesses
 *       — a block that does not verify is never relayed;
 *   <li>builds the 07-tendermint header (trusted height = the client's latest, trusted validators
 *       hashing to its consensus state's next validators) wrapped as an 08-wasm ClientMessage;
 *   <li>when a quorum is configured, dry-runs the update on every executor against a snapshot of
 *       the client's store and submits only an agreed, successful outcome;
 *   <li>submits {@code MsgUpdateClient} and waits for it to be committed.
 * </ol>
 *
 * Since every step starts from the client's on-chain height, a restarted relayer resumes where the
 * client is. A failure is classified ({@link RelayFailure}), counted and logged; a fork or a quorum
 * disagreement halts this client (other clients keep relaying), anything else is retried next poll.
 */
public final class ClientRelay {
  private static final Logger LOG = Logger.getLogger(ClientRelay.class.getName());

  /** The quorum and the local executor that rebuilds client-store snapshots for it. */
  public record QuorumStep(Quorum quorum, WasmUpdateExecutor seeder) {}

  private final String clientId;
  private final SourceChain source;
  private final Destination destination;
  private final TxSubmitter submitter;
  private final Optional<QuorumStep> quorum;
  private final RelayerMetrics metrics;
  private final InstantSource clock;
  private final LightVerifier verifier = new LightVerifier();

  private volatile String state = "starting";
  private volatile long sourceHeight;
  private volatile long clientHeight;
  private volatile long updates;
  private volatile String lastFailureReason;
  private volatile String lastFailure;
  private volatile Instant lastUpdate;

  public ClientRelay(
      String clientId,
      SourceChain source,
      Destination destination,
      TxSubmitter submitter,
      Optional<QuorumStep> quorum,
      RelayerMetrics metrics,
      InstantSource clock) {
    this.clientId = Objects.requireNonNull(clientId, "clientId");
    this.source = Objects.requireNonNull(source, "source");
    this.destination = Objects.requireNonNull(destination, "destination");
    this.submitter = Objects.requireNonNull(submitter, "submitter");
    this.quorum = Objects.requireNonNull(quorum, "quorum");
    this.metrics = Objects.requireNonNull(metrics, "metrics");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public String clientId() {
    return clientId;
  }

  public ClientStatus status() {
    return new ClientStatus(
        clientId,
        source.name(),
        state,
        sourceHeight,
        clientHeight,
        updates,
        Optional.ofNullable(lastFailureReason),
        Optional.ofNullable(lastFailure),
        Optional.ofNullable(lastUpdate));
  }

  public boolean halted() {
    return state.equals("halted");
  }

  /** One poll: at most one update. Never throws for relay failures; see {@link #status()}. */
  public synchronized void step() {
    if (halted()) {
      return;
    }
    try {
      relayOnce();
    } catch (Wasm08Exception e) {
      fail(RelayFailure.of(e));
    } catch (IllegalArgumentException | IllegalStateException e) {
      fail(new RelayFailure("internal", false, false, String.valueOf(e)));
    }
  }

  private void fail(RelayFailure f) {
    metrics.failed(clientId, f);
    lastFailureReason = f.reason();
    lastFailure = f.message();
    state = f.halts() ? "halted" : "failing";
    if (f.halts() || f.sourceLied()) {
      LOG.log(
          Level.SEVERE,
          () ->
              "ALERT client "
                  + clientId
                  + " ("
                  + source.name()
                  + "): "
                  + f.reason()
                  + (f.halts() ? " — client halted: " : " — nothing relayed: ")
                  + f.message());
    } else {
      LOG.warning(() -> "client " + clientId + ": " + f.reason() + ": " + f.message());
    }
  }

  private void relayOnce() {
    Destination.ClientStateAnswer answer =
        destination
            .clientState(clientId)
            .orElseThrow(
                () ->
                    RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
                        "client " + clientId + " does not exist on the destination"));
    Any clientStateAny = answer.clientState();
    WasmClientState wasmState = unwrapClientState(clientStateAny);
    TendermintClientState tmState =
        TendermintClientState.fromBytes(inner(wasmState.data(), TendermintClientState.TYPE_URL));
    Height trusted = tmState.latestHeight();
    clientHeight = trusted.revisionHeight();
    if (tmState.isFrozen()) {
      state = "frozen";
      return;
    }
    Any consensusAny =
        destination
            .consensusState(clientId, trusted)
            .orElseThrow(
                () ->
                    RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
                        "client "
                            + clientId
                            + " has no consensus state at its latest height "
                            + trusted));
    TendermintConsensusState consensus =
        TendermintConsensusState.fromBytes(
            inner(
                WasmConsensusState.unmarshal(Bytes.wrapOwned(consensusAny.getValue().toByteArray()))
                    .data(),
                TendermintConsensusState.TYPE_URL));

    LightBlock latest = source.primary().latestLightBlock();
    sourceHeight = latest.height();
    metrics.heights(clientId, sourceHeight, clientHeight);
    if (!latest.chainId().equals(tmState.chainId())) {
      throw RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
          "source "
              + source.name()
              + " is chain "
              + latest.chainId()
              + ", client "
              + clientId
              + " follows "
              + tmState.chainId());
    }
    if (latest.height() <= trusted.revisionHeight()) {
      state = "up-to-date";
      return;
    }
    Instant seen = clock.instant();

    LightBlock root = source.primary().lightBlock(trusted.revisionHeight());
    checkTrustRoot(root, consensus);
    LightStore store = LightStore.trusting(root);
    store.put(latest, LightBlockStatus.UNVERIFIED);
    LightClient light =
        new LightClient(tmState.verifierOptions(), verifier, source.primary(), clock);
    LightBlock verified =
        source.witnesses().isEmpty()
            ? light.verifyToTarget(latest.height(), store)
            : new Supervisor(light, source.witnesses(), verifier, clock)
                .verifyToTarget(latest.height(), store);

    // every hop of the trust chain becomes an update, so the client can follow what we verified
    TendermintHeaderBuilder builder = new TendermintHeaderBuilder(source.primary());
    List<WasmClientMessage> messages = new ArrayList<>();
    Height hopTrusted = trusted;
    Bytes hopNextValidators = consensus.nextValidatorsHash();
    for (LightBlock hop :
        store.trustedOrVerifiedBetween(trusted.revisionHeight(), verified.height())) {
      TendermintClientHeader header = builder.build(hop, hopTrusted, hopNextValidators);
      messages.add(new WasmClientMessage(Bytes.wrapOwned(header.toAny().toByteArray())));
      hopTrusted = header.height();
      hopNextValidators = hop.header().nextValidatorsHash();
    }
    quorum.ifPresent(
        q -> agree(q, clientStateAny, consensusAny, trusted, wasmState, messages, answer));

    List<MsgUpdateClient> msgs = new ArrayList<>();
    for (WasmClientMessage message : messages) {
      msgs.add(
          MsgUpdateClient.newBuilder()
              .setClientId(clientId)
              .setClientMessage(
                  Any.newBuilder()
                      .setTypeUrl(WasmClientMessage.TYPE_URL)
                      .setValue(
                          com.google.protobuf.ByteString.copyFrom(
                              message.marshal().asReadOnlyByteBuffer())))
              .setSigner(submitter.signer())
              .build());
    }
    TxSubmitter.Committed committed = submitter.submit(msgs);
    Duration latency = Duration.between(seen, clock.instant());
    metrics.updated(clientId, latency, committed.response().getGasUsed());
    clientHeight = verified.height();
    metrics.heights(clientId, sourceHeight, clientHeight);
    updates++;
    lastUpdate = clock.instant();
    state = "relaying";
    LOG.fine(
        () ->
            "client "
                + clientId
                + " updated "
                + trusted.revisionHeight()
                + " → "
                + verified.height()
                + " in block "
                + committed.response().getHeight()
                + " ("
                + latency.toMillis()
                + " ms, gas "
                + committed.response().getGasUsed()
                + ")");
  }

  /**
   * The source's block at the client's height must be the one the client's consensus state records.
   */
  private void checkTrustRoot(LightBlock root, TendermintConsensusState consensus) {
    boolean same =
        root.header().appHash().equals(consensus.root())
            && root.header().nextValidatorsHash().equals(consensus.nextValidatorsHash())
            && root.time().equals(consensus.timestamp());
    if (!same) {
      throw RelayerErrorCode.TRUST_ROOT_MISMATCH.wrap(
          "block "
              + root.height()
              + " from "
              + root.provider()
              + " (app hash "
              + hex(root.header().appHash())
              + ", next validators "
              + hex(root.header().nextValidatorsHash())
              + ", time "
              + root.time()
              + ") is not the block client "
              + clientId
              + " trusts (root "
              + hex(consensus.root())
              + ", next validators "
              + hex(consensus.nextValidatorsHash())
              + ", time "
              + consensus.timestamp()
              + "): the source serves another history");
    }
  }

  private void agree(
      QuorumStep q,
      Any clientStateAny,
      Any consensusAny,
      Height trusted,
      WasmClientState wasmState,
      List<WasmClientMessage> messages,
      Destination.ClientStateAnswer answer) {
    BlockInfo block =
        new BlockInfo(
            answer.proofHeight().revisionHeight() + 1, clock.instant(), destination.chainId());
    List<KvPair> snapshot = q.seeder().seed(clientId, clientStateAny, consensusAny, trusted, block);
    UpdateRequest request =
        new UpdateRequest(
            clientId,
            messages.stream().map(WasmClientMessage::marshal).toList(),
            wasmState.checksum(),
            snapshot,
            block);
    Quorum.Verdict verdict = q.quorum().run(request);
    if (!verdict.agreed()) {
      metrics.quorum(clientId, "disagreement");
      verdict.votes().forEach(v -> metrics.dissent(clientId, v.executor()));
      throw RelayerErrorCode.QUORUM_NOT_REACHED.wrap(verdict.describe());
    }
    metrics.quorum(clientId, "agreed");
    for (Quorum.Vote v : verdict.dissent()) {
      metrics.dissent(clientId, v.executor());
      LOG.warning(
          () -> "client " + clientId + ": executor dissents from the quorum: " + v.describe());
    }
    var result = verdict.result().orElseThrow();
    if (!result.success()) {
      throw RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
          "the executors agree the update would fail: " + result.result().toUtf8());
    }
  }

  private static WasmClientState unwrapClientState(Any any) {
    if (!any.getTypeUrl().equals(WasmClientState.TYPE_URL)) {
      throw RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
          "not an 08-wasm client: client state " + any.getTypeUrl());
    }
    return WasmClientState.unmarshal(Bytes.wrapOwned(any.getValue().toByteArray()));
  }

  /**
   * The value of the {@code Any} in an 08-wasm {@code data} field, which must be of {@code
   * typeUrl}.
   */
  private static Bytes inner(Bytes data, String typeUrl) {
    Any any;
    try {
      any = Any.parseFrom(data.asReadOnlyByteBuffer());
    } catch (InvalidProtocolBufferException e) {
      throw RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap("08-wasm data is not an Any", e);
    }
    if (!any.getTypeUrl().equals(typeUrl)) {
      throw RelayerErrorCode.CLIENT_NOT_RELAYABLE.wrap(
          "not a 07-tendermint client: data is " + any.getTypeUrl());
    }
    return Bytes.wrapOwned(any.getValue().toByteArray());
  }

  private static String hex(Bytes b) {
    return b.toHex().toUpperCase(Locale.ROOT);
  }
}
