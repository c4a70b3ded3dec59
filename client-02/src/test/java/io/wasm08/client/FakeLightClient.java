package io.wasm08.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.wasm08.client.FakeTypes.FakeHeader;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.KvStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wasm08.testing.fake.v1.Fake;

/**
 * A working in-memory light client for keeper tests, independent of Wasm. It keeps a client state
 * (latest height, frozen flag, chain id, optional forced status) and consensus states in its prefix
 * store the way 07-tendermint does, including processed-time/height metadata, and behaves like a
 * simple client: headers must carry a root, a header conflicting with a stored consensus state is
 * misbehaviour, membership proofs are the literal {@code "valid proof"}, upgrade proofs {@code
 * "upgrade proof"}. Tests drive failures per method with {@link #failOn} (ibc-go's malleate) and
 * read the call sequence with {@link #calls}.
 */
public final class FakeLightClient implements LightClientModule {
  public static final Bytes VALID_PROOF = Bytes.ofUtf8("valid proof");
  public static final Bytes UPGRADE_PROOF = Bytes.ofUtf8("upgrade proof");

  private final ClientStoreProvider stores;
  private final Map<String, RuntimeException> failures = new HashMap<>();
  private final List<String> calls = new ArrayList<>();

  public FakeLightClient(ClientStoreProvider stores) {
    this.stores = stores;
  }

  /** Makes {@code method} (e.g. "verifyClientMessage") throw {@code error} from now on. */
  public FakeLightClient failOn(String method, RuntimeException error) {
    failures.put(method, error);
    return this;
  }

  public List<String> calls() {
    return List.copyOf(calls);
  }

  private void enter(String method) {
    calls.add(method);
    RuntimeException failure = failures.get(method);
    if (failure != null) {
      throw failure;
    }
  }

  /** Fails after the method's writes when {@code failOn(method + ".after", …)} was set. */
  private void exit(String method) {
    RuntimeException failure = failures.get(method + ".after");
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public void initialize(
      BlockContext ctx, String clientId, Bytes clientState, Bytes consensusState) {
    enter("initialize");
    Fake.ClientState cs;
    try {
      cs = Fake.ClientState.parseFrom(clientState.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CLIENT.wrap(e.getMessage());
    }
    Fake.ConsensusState cons;
    try {
      cons = Fake.ConsensusState.parseFrom(consensusState.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CONSENSUS.wrap(e.getMessage());
    }
    new FakeTypes.FakeClientState(cs).validate();
    new FakeTypes.FakeConsensusState(cons).validateBasic();
    KvStore store = stores.clientStore(ctx, clientId);
    Height latest = Height.fromProto(cs.getLatestHeight());
    setClientState(store, cs);
    setConsensusState(ctx, store, latest, cons);
    exit("initialize");
  }

  @Override
  public void verifyClientMessage(BlockContext ctx, String clientId, ClientMessage clientMessage) {
    enter("verifyClientMessage");
    requireClient(ctx, clientId);
    FakeHeader header = asHeader(clientMessage);
    if (header.proto().getRoot().isEmpty()) {
      throw ClientErrorCode.INVALID_HEADER.wrap("header root cannot be empty");
    }
  }

  @Override
  public boolean checkForMisbehaviour(
      BlockContext ctx, String clientId, ClientMessage clientMessage) {
    enter("checkForMisbehaviour");
    FakeHeader header = asHeader(clientMessage);
    if (header.proto().getMisbehaviour()) {
      return true;
    }
    // A header conflicting with a stored consensus state at its height is misbehaviour.
    return consensusState(stores.clientStore(ctx, clientId), header.height())
        .map(existing -> !existing.getRoot().equals(header.proto().getRoot()))
        .orElse(false);
  }

  @Override
  public void updateStateOnMisbehaviour(
      BlockContext ctx, String clientId, ClientMessage clientMessage) {
    enter("updateStateOnMisbehaviour");
    KvStore store = stores.clientStore(ctx, clientId);
    setClientState(store, requireClient(ctx, clientId).toBuilder().setFrozen(true).build());
  }

  @Override
  public List<Height> updateState(BlockContext ctx, String clientId, ClientMessage clientMessage) {
    enter("updateState");
    FakeHeader header = asHeader(clientMessage);
    KvStore store = stores.clientStore(ctx, clientId);
    Fake.ClientState cs = requireClient(ctx, clientId);
    List<Height> heights = new ArrayList<>();
    heights.add(header.height());
    header.proto().getExtraHeightsList().forEach(h -> heights.add(Height.fromProto(h)));
    Height latest = Height.fromProto(cs.getLatestHeight());
    for (Height h : heights) {
      if (consensusState(store, h).isEmpty()) {
        setConsensusState(
            ctx,
            store,
            h,
            Fake.ConsensusState.newBuilder()
                .setTimestamp(header.proto().getTimestamp())
                .setRoot(header.proto().getRoot())
                .build());
      }
      if (h.gt(latest)) {
        latest = h;
      }
    }
    setClientState(store, cs.toBuilder().setLatestHeight(latest.toProto()).build());
    exit("updateState");
    return heights;
  }

  @Override
  public void verifyMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path,
      Bytes value) {
    enter("verifyMembership");
    verifyProof(ctx, clientId, height, proof);
  }

  @Override
  public void verifyNonMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path) {
    enter("verifyNonMembership");
    verifyProof(ctx, clientId, height, proof);
  }

  private void verifyProof(BlockContext ctx, String clientId, Height height, Bytes proof) {
    requireClient(ctx, clientId);
    if (consensusState(stores.clientStore(ctx, clientId), height).isEmpty()) {
      throw ClientErrorCode.CONSENSUS_STATE_NOT_FOUND.wrapf(
          "please ensure the proof was constructed against a height that exists on the client: %s",
          height);
    }
    if (!proof.equals(VALID_PROOF)) {
      throw io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_PROOF.wrap(
          "proof does not verify");
    }
    // Like clients that write while verifying (solo machine, some 08-wasm contracts).
    stores.clientStore(ctx, clientId).set(LAST_VERIFIED_KEY, Bytes.ofUtf8(height.toString()));
  }

  /** Written by every successful verification. */
  public static final Bytes LAST_VERIFIED_KEY = Bytes.ofUtf8("lastVerified");

  @Override
  public Status status(BlockContext ctx, String clientId) {
    enter("status");
    KvStore store = stores.clientStore(ctx, clientId);
    java.util.Optional<Fake.ClientState> cs = clientState(store);
    if (cs.isEmpty()) {
      return Status.UNKNOWN;
    }
    if (!cs.get().getStatus().isEmpty()) {
      return new Status(cs.get().getStatus());
    }
    if (cs.get().getFrozen()) {
      return Status.FROZEN;
    }
    if (consensusState(store, Height.fromProto(cs.get().getLatestHeight())).isEmpty()) {
      return Status.EXPIRED;
    }
    return Status.ACTIVE;
  }

  @Override
  public Height latestHeight(BlockContext ctx, String clientId) {
    enter("latestHeight");
    return clientState(stores.clientStore(ctx, clientId))
        .map(cs -> Height.fromProto(cs.getLatestHeight()))
        .orElse(Height.ZERO);
  }

  @Override
  public long timestampAtHeight(BlockContext ctx, String clientId, Height height) {
    enter("timestampAtHeight");
    requireClient(ctx, clientId);
    return consensusState(stores.clientStore(ctx, clientId), height)
        .map(Fake.ConsensusState::getTimestamp)
        .orElseThrow(
            () ->
                ClientErrorCode.CONSENSUS_STATE_NOT_FOUND.wrapf(
                    "height %s (client %s)", height, clientId));
  }

  @Override
  public void recoverClient(BlockContext ctx, String clientId, String substituteClientId) {
    enter("recoverClient");
    Fake.ClientState subject = requireClient(ctx, clientId);
    Fake.ClientState substitute = requireClient(ctx, substituteClientId);
    if (!subject.getChainId().equals(substitute.getChainId())) {
      throw ClientErrorCode.INVALID_SUBSTITUTE.wrap(
          "subject client state does not match substitute client state");
    }
    Height latest = Height.fromProto(substitute.getLatestHeight());
    KvStore subjectStore = stores.clientStore(ctx, clientId);
    Fake.ConsensusState cons =
        consensusState(stores.clientStore(ctx, substituteClientId), latest).orElseThrow();
    setConsensusState(ctx, subjectStore, latest, cons);
    setClientState(
        subjectStore,
        subject.toBuilder().setLatestHeight(latest.toProto()).setFrozen(false).build());
    exit("recoverClient");
  }

  @Override
  public void verifyUpgradeAndUpdateState(
      BlockContext ctx,
      String clientId,
      Bytes newClient,
      Bytes newConsensusState,
      Bytes upgradeClientProof,
      Bytes upgradeConsensusStateProof) {
    enter("verifyUpgradeAndUpdateState");
    Fake.ClientState upgraded;
    Fake.ConsensusState upgradedCons;
    try {
      upgraded = Fake.ClientState.parseFrom(newClient.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CLIENT.wrap(e.getMessage());
    }
    try {
      upgradedCons = Fake.ConsensusState.parseFrom(newConsensusState.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CONSENSUS.wrap(e.getMessage());
    }
    Fake.ClientState current = requireClient(ctx, clientId);
    Height newHeight = Height.fromProto(upgraded.getLatestHeight());
    Height currentHeight = Height.fromProto(current.getLatestHeight());
    if (!newHeight.gt(currentHeight)) {
      throw IbcErrorCode.INVALID_HEIGHT.wrapf(
          "upgraded client height %s must be at greater than current client height %s",
          newHeight, currentHeight);
    }
    if (!upgradeClientProof.equals(UPGRADE_PROOF)
        || !upgradeConsensusStateProof.equals(UPGRADE_PROOF)) {
      throw io.wasm08.proofs.commitment.CommitmentErrorCode.INVALID_PROOF.wrap(
          "failed to verify membership proof at index 0: provided value doesn't match proof");
    }
    KvStore store = stores.clientStore(ctx, clientId);
    setClientState(store, upgraded);
    setConsensusState(ctx, store, newHeight, upgradedCons);
    exit("verifyUpgradeAndUpdateState");
  }

  // ---------------------------------------------------------------------------------------------

  private Fake.ClientState requireClient(BlockContext ctx, String clientId) {
    return clientState(stores.clientStore(ctx, clientId))
        .orElseThrow(() -> ClientErrorCode.CLIENT_NOT_FOUND.wrap(clientId));
  }

  private static FakeHeader asHeader(ClientMessage message) {
    if (message instanceof FakeHeader header) {
      return header;
    }
    throw IbcErrorCode.INVALID_TYPE.wrapf("expected type: FakeHeader, got: %s", message);
  }

  private static java.util.Optional<Fake.ClientState> clientState(KvStore store) {
    Bytes bz = store.get(ClientKeys.clientStateKey());
    if (bz == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Any.parseFrom(bz.toByteArray()).unpack(Fake.ClientState.class));
    } catch (InvalidProtocolBufferException e) {
      throw IbcException.plain(e.getMessage());
    }
  }

  private static java.util.Optional<Fake.ConsensusState> consensusState(KvStore store, Height h) {
    Bytes bz = store.get(ClientKeys.consensusStateKey(h));
    if (bz == null) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(
          Any.parseFrom(bz.toByteArray()).unpack(Fake.ConsensusState.class));
    } catch (InvalidProtocolBufferException e) {
      throw IbcException.plain(e.getMessage());
    }
  }

  private static void setClientState(KvStore store, Fake.ClientState cs) {
    store.set(ClientKeys.clientStateKey(), Bytes.wrapOwned(AnyCodec.pack(cs).toByteArray()));
  }

  /** Writes the consensus state and 07-tendermint's processed time/height metadata. */
  private static void setConsensusState(
      BlockContext ctx, KvStore store, Height h, Fake.ConsensusState cons) {
    store.set(ClientKeys.consensusStateKey(h), Bytes.wrapOwned(AnyCodec.pack(cons).toByteArray()));
    store.set(
        ClientKeys.processedTimeKey(h),
        Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(ctx.block().timeUnixNanos()).array()));
    store.set(
        ClientKeys.processedHeightKey(h),
        Bytes.ofUtf8(Height.selfHeight(ctx.chainId(), ctx.blockHeight()).toString()));
  }
}
