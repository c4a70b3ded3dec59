package io.wasm08.node.testing;

import com.google.protobuf.Any;
import com.google.protobuf.Descriptors.Descriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import io.wasm08.client.ClientStoreProvider;
import io.wasm08.client.LightClientModule;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ConsensusState;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.KvStore;
import java.util.List;
import wasm08.testing.node.v1.LoadClientProto.LoadClientState;
import wasm08.testing.node.v1.LoadClientProto.LoadConsensusState;
import wasm08.testing.node.v1.LoadClientProto.LoadHeader;

/**
 * A light client of type {@value #TYPE} without proofs, for load tests of the node's tx path: a
 * header at a height above the latest stores a consensus state and raises the latest height; any
 * other header is rejected. Stores states as ibc-go does (Any bytes under the client prefix).
 */
public final class LoadClient implements LightClientModule {
  public static final String TYPE = "99-load";

  record CS(LoadClientState proto) implements ClientState {
    public String clientType() {
      return TYPE;
    }

    public void validate() {}
  }

  record Cons(LoadConsensusState proto) implements ConsensusState {
    public String clientType() {
      return TYPE;
    }

    public long timestamp() {
      return proto.getTimestamp();
    }

    public void validateBasic() {}
  }

  record Header(LoadHeader proto) implements ClientMessage {
    public String clientType() {
      return TYPE;
    }

    public void validateBasic() {
      if (proto.getHeight() == 0) {
        throw ClientErrorCode.INVALID_HEADER.wrap("height must be positive");
      }
    }
  }

  public static void register(AnyCodec.Builder codec) {
    types().forEach(codec::describe);
    codec.register(
        ClientInterfaces.CLIENT_STATE,
        AnyCodec.typeUrl(LoadClientState.getDescriptor()),
        v -> new CS(LoadClientState.parseFrom(v)));
    codec.register(
        ClientInterfaces.CONSENSUS_STATE,
        AnyCodec.typeUrl(LoadConsensusState.getDescriptor()),
        v -> new Cons(LoadConsensusState.parseFrom(v)));
    codec.register(
        ClientInterfaces.CLIENT_MESSAGE,
        AnyCodec.typeUrl(LoadHeader.getDescriptor()),
        v -> new Header(LoadHeader.parseFrom(v)));
  }

  public static List<Descriptor> types() {
    return List.of(
        LoadClientState.getDescriptor(),
        LoadConsensusState.getDescriptor(),
        LoadHeader.getDescriptor());
  }

  private final ClientStoreProvider stores;

  public LoadClient(ClientStoreProvider stores) {
    this.stores = stores;
  }

  private static LoadClientState clientState(KvStore store) {
    Bytes raw = store.get(ClientKeys.clientStateKey());
    if (raw == null) {
      throw ClientErrorCode.CLIENT_NOT_FOUND.error();
    }
    try {
      return Any.parseFrom(raw.toByteArray()).unpack(LoadClientState.class);
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CLIENT.wrap(e.getMessage());
    }
  }

  @Override
  public void initialize(
      BlockContext ctx, String clientId, Bytes clientState, Bytes consensusState) {
    KvStore store = stores.clientStore(ctx, clientId);
    try {
      LoadClientState cs = LoadClientState.parseFrom(clientState.toByteArray());
      LoadConsensusState cons = LoadConsensusState.parseFrom(consensusState.toByteArray());
      store.set(ClientKeys.clientStateKey(), Bytes.wrapOwned(AnyCodec.pack(cs).toByteArray()));
      store.set(
          ClientKeys.consensusStateKey(Height.of(0, cs.getLatestHeight())),
          Bytes.wrapOwned(AnyCodec.pack(cons).toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw ClientErrorCode.INVALID_CLIENT.wrap(e.getMessage());
    }
  }

  @Override
  public void verifyClientMessage(BlockContext ctx, String clientId, ClientMessage msg) {
    LoadHeader h = ((Header) msg).proto();
    if (h.getHeight() <= clientState(stores.clientStore(ctx, clientId)).getLatestHeight()) {
      throw ClientErrorCode.INVALID_HEADER.wrapf(
          "header height %d is not above the latest", h.getHeight());
    }
  }

  @Override
  public boolean checkForMisbehaviour(BlockContext ctx, String clientId, ClientMessage msg) {
    return false;
  }

  @Override
  public void updateStateOnMisbehaviour(BlockContext ctx, String clientId, ClientMessage msg) {
    throw new UnsupportedOperationException();
  }

  @Override
  public List<Height> updateState(BlockContext ctx, String clientId, ClientMessage msg) {
    LoadHeader h = ((Header) msg).proto();
    KvStore store = stores.clientStore(ctx, clientId);
    Height height = Height.of(0, h.getHeight());
    store.set(
        ClientKeys.consensusStateKey(height),
        Bytes.wrapOwned(
            AnyCodec.pack(LoadConsensusState.newBuilder().setTimestamp(h.getTimestamp()).build())
                .toByteArray()));
    store.set(
        ClientKeys.clientStateKey(),
        Bytes.wrapOwned(
            AnyCodec.pack(LoadClientState.newBuilder().setLatestHeight(h.getHeight()).build())
                .toByteArray()));
    return List.of(height);
  }

  @Override
  public void verifyMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTime,
      long delayBlock,
      Bytes proof,
      MerklePath path,
      Bytes value) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void verifyNonMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTime,
      long delayBlock,
      Bytes proof,
      MerklePath path) {
    throw new UnsupportedOperationException();
  }

  @Override
  public Status status(BlockContext ctx, String clientId) {
    return stores.clientStore(ctx, clientId).has(ClientKeys.clientStateKey())
        ? Status.ACTIVE
        : Status.UNKNOWN;
  }

  @Override
  public Height latestHeight(BlockContext ctx, String clientId) {
    return Height.of(0, clientState(stores.clientStore(ctx, clientId)).getLatestHeight());
  }

  @Override
  public long timestampAtHeight(BlockContext ctx, String clientId, Height height) {
    return 0;
  }

  @Override
  public void recoverClient(BlockContext ctx, String clientId, String substituteClientId) {
    throw new UnsupportedOperationException();
  }

  @Override
  public void verifyUpgradeAndUpdateState(
      BlockContext ctx,
      String clientId,
      Bytes newClient,
      Bytes newConsensusState,
      Bytes upgradeClientProof,
      Bytes upgradeConsensusStateProof) {
    throw new UnsupportedOperationException();
  }
}
