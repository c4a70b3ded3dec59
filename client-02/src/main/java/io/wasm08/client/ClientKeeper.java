package io.wasm08.client;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Client;
import ibc.core.client.v1.Client.ClientConsensusStates;
import ibc.core.client.v1.Client.ConsensusStateWithHeight;
import ibc.core.client.v1.Client.IdentifiedClientState;
import ibc.core.client.v1.Genesis.GenesisMetadata;
import ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.ClientMessage;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrings;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.PrefixStore;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ICS-02 client keeper, as ibc-go v11's {@code 02-client/keeper} runs it: client identifiers
 * from the global sequence, routing by client type under the AllowedClients param, the create /
 * update / upgrade / recover flows with their status checks and events, and the state accessors
 * genesis and queries use. Store accesses follow ibc-go's order, so gas matches.
 *
 * <p>Every state-changing entry point runs on a cache branch of the context and writes it only on
 * success: a failing call leaves the store and the events untouched.
 */
public final class ClientKeeper {
  /** {@code exported.StoreKey}: the IBC module store. */
  public static final String STORE_KEY = "ibc";

  private final ClientRouter router = new ClientRouter();
  private final ClientStoreProvider storeProvider;
  private final UpgradeKeeper upgradeKeeper;
  private final String storeKey;

  public ClientKeeper(UpgradeKeeper upgradeKeeper) {
    this(STORE_KEY, upgradeKeeper);
  }

  public ClientKeeper(String storeKey, UpgradeKeeper upgradeKeeper) {
    this.storeKey = java.util.Objects.requireNonNull(storeKey, "storeKey");
    this.upgradeKeeper = java.util.Objects.requireNonNull(upgradeKeeper, "upgradeKeeper");
    this.storeProvider = new ClientStoreProvider(storeKey);
  }

  /** {@code AddRoute}: wires a light-client module for a client type. */
  public ClientKeeper addRoute(String clientType, LightClientModule module) {
    router.addRoute(clientType, module);
    return this;
  }

  public ClientRouter router() {
    return router;
  }

  /** {@code GetStoreProvider}. */
  public ClientStoreProvider storeProvider() {
    return storeProvider;
  }

  public UpgradeKeeper upgradeKeeper() {
    return upgradeKeeper;
  }

  private KvStore ibcStore(BlockContext ctx) {
    return ctx.kvStore(storeKey);
  }

  /** {@code ClientStore}: the client's isolated prefix store. */
  public KvStore clientStore(BlockContext ctx, String clientId) {
    return storeProvider.clientStore(ctx, clientId);
  }

  // ---------------------------------------------------------------------------------------------
  // Routing and status

  /**
   * {@code Route}: the module for {@code clientId}'s type. Errors: the id does not parse (wrapped
   * "unable to parse client identifier"), the type is not allowed ({@code ErrInvalidClientType}) or
   * not routed ({@code ErrRouteNotFound}).
   */
  public LightClientModule route(BlockContext ctx, String clientId) {
    String clientType;
    try {
      clientType = ClientIdentifiers.parse(clientId).clientType();
    } catch (IbcException e) {
      throw e.wrapf("unable to parse client identifier %s", clientId);
    }
    if (!getParams(ctx).isAllowedClient(clientType)) {
      throw ClientErrorCode.INVALID_CLIENT_TYPE.wrapf(
          "client (%s) type %s is not in the allowed client list", clientId, clientType);
    }
    return router
        .getRoute(clientType)
        .orElseThrow(() -> ClientErrorCode.ROUTE_NOT_FOUND.wrap(clientId));
  }

  /**
   * Routes {@code clientId} and requires it to be Active: {@code ErrClientNotActive} "cannot
   * {action} client (%s) with status %s" otherwise, as every ibc-go flow words it.
   */
  private LightClientModule activeClient(BlockContext ctx, String clientId, String action) {
    LightClientModule module = route(ctx, clientId);
    Status status = module.status(ctx, clientId);
    if (!status.isActive()) {
      throw ClientErrorCode.CLIENT_NOT_ACTIVE.wrapf(
          "cannot %s client (%s) with status %s", action, clientId, status);
    }
    return module;
  }

  /** {@link #route}, with routing failures as an empty result (gas exhaustion still throws). */
  private Optional<LightClientModule> tryRoute(BlockContext ctx, String clientId) {
    try {
      return Optional.of(route(ctx, clientId));
    } catch (IbcException e) {
      return Optional.empty();
    }
  }

  /** {@code GetClientStatus}: the module's status, or Unauthorized when routing fails. */
  public Status getClientStatus(BlockContext ctx, String clientId) {
    return tryRoute(ctx, clientId).map(m -> m.status(ctx, clientId)).orElse(Status.UNAUTHORIZED);
  }

  /** {@code GetClientLatestHeight}: the zero height when routing fails. */
  public Height getClientLatestHeight(BlockContext ctx, String clientId) {
    return tryRoute(ctx, clientId).map(m -> m.latestHeight(ctx, clientId)).orElse(Height.ZERO);
  }

  /** {@code GetClientTimestampAtHeight}. */
  public long getClientTimestampAtHeight(BlockContext ctx, String clientId, Height height) {
    return route(ctx, clientId).timestampAtHeight(ctx, clientId, height);
  }

  // ---------------------------------------------------------------------------------------------
  // Flows

  /**
   * {@code CreateClient}: generates {@code {clientType}-{seq}}, initializes the client through its
   * module and requires it to be Active; emits {@code create_client}.
   */
  public String createClient(
      BlockContext ctx, String clientType, Bytes clientState, Bytes consensusState) {
    return ctx.atomically(
        c -> {
          if (clientType.equals(ClientTypes.LOCALHOST)) {
            throw ClientErrorCode.INVALID_CLIENT_TYPE.wrapf(
                "cannot create client of type: %s", clientType);
          }
          String clientId = generateClientIdentifier(c, clientType);
          LightClientModule module = route(c, clientId);
          module.initialize(c, clientId, clientState, consensusState);
          Status status = module.status(c, clientId);
          if (!status.isActive()) {
            throw ClientErrorCode.CLIENT_NOT_ACTIVE.wrapf(
                "cannot create client (%s) with status %s", clientId, status);
          }
          Height initialHeight = module.latestHeight(c, clientId);
          ClientEvents.emitCreateClient(c.eventManager(), clientId, clientType, initialHeight);
          return clientId;
        });
  }

  /**
   * {@code UpdateClient}: the client must be Active; the message is verified, then either
   * misbehaviour freezes the client ({@code client_misbehaviour}) or the update is applied ({@code
   * update_client} with the consensus heights).
   */
  public void updateClient(BlockContext ctx, String clientId, ClientMessage clientMessage) {
    ctx.atomically(
        c -> {
          LightClientModule module = activeClient(c, clientId, "update");
          module.verifyClientMessage(c, clientId, clientMessage);
          if (module.checkForMisbehaviour(c, clientId, clientMessage)) {
            module.updateStateOnMisbehaviour(c, clientId, clientMessage);
            ClientEvents.emitSubmitMisbehaviour(
                c.eventManager(), clientId, ClientIdentifiers.clientType(clientId));
            return null;
          }
          List<Height> heights = module.updateState(c, clientId, clientMessage);
          ClientEvents.emitUpdateClient(
              c.eventManager(), clientId, ClientIdentifiers.clientType(clientId), heights);
          return null;
        });
  }

  /**
   * {@code UpgradeClient}: the client must be Active; its module verifies the counterparty's
   * commitment to the upgraded states (errors wrapped "cannot upgrade client with ID %s").
   */
  public void upgradeClient(
      BlockContext ctx,
      String clientId,
      Bytes upgradedClient,
      Bytes upgradedConsensusState,
      Bytes upgradeClientProof,
      Bytes upgradeConsensusStateProof) {
    ctx.atomically(
        c -> {
          LightClientModule module = activeClient(c, clientId, "upgrade");
          try {
            module.verifyUpgradeAndUpdateState(
                c,
                clientId,
                upgradedClient,
                upgradedConsensusState,
                upgradeClientProof,
                upgradeConsensusStateProof);
          } catch (Wasm08Exception e) {
            throw IbcException.wrap(e, String.format("cannot upgrade client with ID %s", clientId));
          }
          Height latestHeight = module.latestHeight(c, clientId);
          ClientEvents.emitUpgradeClient(
              c.eventManager(), clientId, ClientIdentifiers.clientType(clientId), latestHeight);
          return null;
        });
  }

  /**
   * {@code RecoverClient}: the subject must not be Active, the substitute must be Active and
   * strictly higher; the subject's module then copies what it needs from the substitute.
   */
  public void recoverClient(BlockContext ctx, String subjectClientId, String substituteClientId) {
    ctx.atomically(
        c -> {
          LightClientModule module;
          try {
            module = route(c, subjectClientId);
          } catch (IbcException e) {
            throw ClientErrorCode.ROUTE_NOT_FOUND.wrap(subjectClientId);
          }
          Status subjectStatus = module.status(c, subjectClientId);
          if (subjectStatus.isActive()) {
            throw ClientErrorCode.INVALID_RECOVERY_CLIENT.wrapf(
                "cannot recover subject client (%s) with status %s",
                subjectClientId, subjectStatus);
          }
          Status substituteStatus = module.status(c, substituteClientId);
          if (!substituteStatus.isActive()) {
            throw ClientErrorCode.CLIENT_NOT_ACTIVE.wrapf(
                "cannot recover client using substitute client (%s) with status %s",
                substituteClientId, substituteStatus);
          }
          Height subjectLatest = module.latestHeight(c, subjectClientId);
          Height substituteLatest = module.latestHeight(c, substituteClientId);
          if (subjectLatest.gte(substituteLatest)) {
            throw ClientErrorCode.INVALID_HEIGHT.wrapf(
                "subject client state latest height is greater or equal to substitute client"
                    + " state latest height (%s >= %s)",
                subjectLatest, substituteLatest);
          }
          module.recoverClient(c, subjectClientId, substituteClientId);
          ClientEvents.emitRecoverClient(
              c.eventManager(), subjectClientId, ClientIdentifiers.clientType(subjectClientId));
          return null;
        });
  }

  /** {@code VerifyMembership}: the client must be Active. */
  public void verifyMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path,
      Bytes value) {
    ctx.atomically(
        c -> {
          LightClientModule module = activeClient(c, clientId, "call verify membership on");
          module.verifyMembership(
              c, clientId, height, delayTimePeriod, delayBlockPeriod, proof, path, value);
          return null;
        });
  }

  /** {@code VerifyNonMembership}: the client must be Active. */
  public void verifyNonMembership(
      BlockContext ctx,
      String clientId,
      Height height,
      long delayTimePeriod,
      long delayBlockPeriod,
      Bytes proof,
      MerklePath path) {
    ctx.atomically(
        c -> {
          LightClientModule module = activeClient(c, clientId, "call verify non membership on");
          module.verifyNonMembership(
              c, clientId, height, delayTimePeriod, delayBlockPeriod, proof, path);
          return null;
        });
  }

  /**
   * {@code ScheduleIBCSoftwareUpgrade}: schedules {@code plan} and stores the upgraded self client
   * state ({@code upgradedClientState}, an Any of a 07-tendermint client state) at the plan height.
   * ibc-go first zeroes the Tendermint client's custom fields; this module has no 07-tendermint
   * implementation, so the client state is stored as given.
   */
  public void scheduleIbcSoftwareUpgrade(
      BlockContext ctx, Plan plan, Any upgradedClientState, ClientState decoded) {
    ctx.atomically(
        c -> {
          if (!decoded.clientType().equals(ClientTypes.TENDERMINT)) {
            throw ClientErrorCode.INVALID_CLIENT_TYPE.wrapf(
                "expected: %s, got: %s",
                "*tendermint.ClientState", upgradedClientState.getTypeUrl());
          }
          upgradeKeeper.scheduleUpgrade(c, plan);
          upgradeKeeper.setUpgradedClient(
              c, plan.getHeight(), Bytes.wrapOwned(upgradedClientState.toByteArray()));
          ClientEvents.emitScheduleIbcSoftwareUpgrade(
              c.eventManager(), plan.getName(), plan.getHeight());
          return null;
        });
  }

  // ---------------------------------------------------------------------------------------------
  // Identifiers, params, states

  /** {@code GenerateClientIdentifier}: {@code {clientType}-{next}}, advancing the sequence. */
  public String generateClientIdentifier(BlockContext ctx, String clientType) {
    long next = getNextClientSequence(ctx);
    String clientId = ClientIdentifiers.format(clientType, next);
    setNextClientSequence(ctx, next + 1);
    return clientId;
  }

  /** {@code GetNextClientSequence}; the sequence must have been set (genesis). */
  public long getNextClientSequence(BlockContext ctx) {
    Bytes bz = ibcStore(ctx).get(ClientKeys.nextClientSequenceKey());
    if (bz == null || bz.isEmpty()) {
      throw new IllegalStateException("next client sequence is nil");
    }
    return bigEndianToUint64(bz);
  }

  public void setNextClientSequence(BlockContext ctx, long sequence) {
    ibcStore(ctx)
        .set(
            ClientKeys.nextClientSequenceKey(),
            Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(sequence).array()));
  }

  /** {@code GetParams}; the params must have been set (genesis). */
  public ClientParams getParams(BlockContext ctx) {
    Bytes bz = ibcStore(ctx).get(ClientKeys.paramsKey());
    if (bz == null) {
      throw new IllegalStateException("client params are not set in store");
    }
    try {
      return ClientParams.fromProto(Client.Params.parseFrom(bz.toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("stored client params do not decode", e);
    }
  }

  public void setParams(BlockContext ctx, ClientParams params) {
    ibcStore(ctx).set(ClientKeys.paramsKey(), Bytes.wrapOwned(params.toProto().toByteArray()));
  }

  /** {@code GetClientState}: the stored client state Any. */
  public Optional<Any> getClientState(BlockContext ctx, String clientId) {
    return readAny(clientStore(ctx, clientId).get(ClientKeys.clientStateKey()));
  }

  public void setClientState(BlockContext ctx, String clientId, Any clientState) {
    clientStore(ctx, clientId)
        .set(ClientKeys.clientStateKey(), Bytes.wrapOwned(clientState.toByteArray()));
  }

  /** {@code GetClientConsensusState}: the consensus state Any stored at {@code height}. */
  public Optional<Any> getClientConsensusState(BlockContext ctx, String clientId, Height height) {
    return readAny(clientStore(ctx, clientId).get(ClientKeys.consensusStateKey(height)));
  }

  public void setClientConsensusState(
      BlockContext ctx, String clientId, Height height, Any consensusState) {
    clientStore(ctx, clientId)
        .set(ClientKeys.consensusStateKey(height), Bytes.wrapOwned(consensusState.toByteArray()));
  }

  public boolean hasClientConsensusState(BlockContext ctx, String clientId, Height height) {
    return clientStore(ctx, clientId).has(ClientKeys.consensusStateKey(height));
  }

  /** {@code GetLatestClientConsensusState}: at the module's latest height; empty if unroutable. */
  public Optional<Any> getLatestClientConsensusState(BlockContext ctx, String clientId) {
    return tryRoute(ctx, clientId)
        .flatMap(m -> getClientConsensusState(ctx, clientId, m.latestHeight(ctx, clientId)));
  }

  /** {@code GetClientCreator}: the creator's address bytes, if recorded. */
  public Optional<AccAddress> getClientCreator(BlockContext ctx, String clientId) {
    Bytes bz = clientStore(ctx, clientId).get(ClientKeys.creatorKey());
    return bz == null || bz.isEmpty() ? Optional.empty() : Optional.of(AccAddress.of(bz));
  }

  public void setClientCreator(BlockContext ctx, String clientId, AccAddress creator) {
    clientStore(ctx, clientId).set(ClientKeys.creatorKey(), creator.bytes());
  }

  public void deleteClientCreator(BlockContext ctx, String clientId) {
    clientStore(ctx, clientId).delete(ClientKeys.creatorKey());
  }

  private static Optional<Any> readAny(Bytes bz) {
    if (bz == null || bz.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Any.parseFrom(bz.toByteArray()));
    } catch (InvalidProtocolBufferException e) {
      // ibc-go panics (MustUnmarshal) on undecodable stored state.
      throw new IllegalStateException("stored state is not a protobuf Any", e);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Iteration (genesis, queries)

  /** A client state found by {@link #iterateClientStates}. */
  @FunctionalInterface
  public interface ClientStateVisitor {
    /** Returns true to stop. */
    boolean visit(String clientId, Any clientState);
  }

  /**
   * {@code IterateClientStates}: every key under {@code clients/{prefix}} containing {@code
   * "clientState"}, parsed as a client-state path (a malformed one is an {@code ErrInvalidPath}, as
   * ibc-go panics).
   */
  public void iterateClientStates(BlockContext ctx, Bytes prefix, ClientStateVisitor visitor) {
    Bytes storePrefix = ClientKeys.prefixedClientStoreKey(prefix == null ? Bytes.EMPTY : prefix);
    KvStore store = new PrefixStore(ibcStore(ctx), storePrefix);
    try (KvIterator it = store.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        String path = GoStrings.latin1(storePrefix.concat(it.key()));
        if (!path.contains(ClientKeys.KEY_CLIENT_STATE)) {
          continue;
        }
        String clientId = ClientKeys.parseClientStatePath(path);
        if (visitor.visit(clientId, readAny(it.value()).orElseThrow())) {
          break;
        }
      }
    }
  }

  /** {@code GetAllGenesisClients}: every client state, sorted by client id. */
  public List<IdentifiedClientState> getAllGenesisClients(BlockContext ctx) {
    List<IdentifiedClientState> clients = new ArrayList<>();
    iterateClientStates(
        ctx,
        null,
        (clientId, cs) -> {
          clients.add(
              IdentifiedClientState.newBuilder().setClientId(clientId).setClientState(cs).build());
          return false;
        });
    clients.sort(Comparator.comparing(IdentifiedClientState::getClientId, GoStrings::compare));
    return clients;
  }

  /**
   * {@code GetAllConsensusStates}: every {@code clients/{id}/consensusStates/{height}} entry,
   * grouped by client in store order, groups sorted by client id.
   */
  public List<ClientConsensusStates> getAllConsensusStates(BlockContext ctx) {
    Map<String, ClientConsensusStates.Builder> byClient = new LinkedHashMap<>();
    Bytes prefix = Bytes.ofUtf8(ClientKeys.KEY_CLIENT_STORE_PREFIX);
    KvStore store = new PrefixStore(ibcStore(ctx), prefix);
    try (KvIterator it = store.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        String[] split = GoStrings.latin1(prefix.concat(it.key())).split("/", -1);
        if (split.length != 4 || !split[2].equals(ClientKeys.KEY_CONSENSUS_STATE_PREFIX)) {
          continue;
        }
        Height height = Height.parse(split[3]);
        ConsensusStateWithHeight cs =
            ConsensusStateWithHeight.newBuilder()
                .setHeight(height.toProto())
                .setConsensusState(readAny(it.value()).orElseThrow())
                .build();
        byClient
            .computeIfAbsent(split[1], id -> ClientConsensusStates.newBuilder().setClientId(id))
            .addConsensusStates(cs);
      }
    }
    return byClient.values().stream()
        .map(ClientConsensusStates.Builder::build)
        .sorted(Comparator.comparing(ClientConsensusStates::getClientId, GoStrings::compare))
        .toList();
  }

  /**
   * {@code GetAllClientMetadata}: every key of each listed client's store that is neither its
   * client state nor a consensus state, in store order; clients without metadata are omitted.
   */
  public List<IdentifiedGenesisMetadata> getAllClientMetadata(
      BlockContext ctx, List<IdentifiedClientState> genClients) {
    Map<String, List<GenesisMetadata>> byClient = new LinkedHashMap<>();
    Bytes prefix = Bytes.ofUtf8(ClientKeys.KEY_CLIENT_STORE_PREFIX);
    KvStore store = new PrefixStore(ibcStore(ctx), prefix);
    try (KvIterator it = store.iterator(null, null)) {
      for (; it.valid(); it.next()) {
        String[] split = GoStrings.latin1(prefix.concat(it.key())).split("/", -1);
        if (split.length == 3 && split[2].equals(ClientKeys.KEY_CLIENT_STATE)) {
          continue;
        }
        if (split.length == 4 && split[2].equals(ClientKeys.KEY_CONSENSUS_STATE_PREFIX)) {
          continue;
        }
        if (!split[0].equals(ClientKeys.KEY_CLIENT_STORE_PREFIX)) {
          throw HostErrorCode.INVALID_PATH.wrapf(
              "path does not begin with client store prefix: expected %s, got %s",
              ClientKeys.KEY_CLIENT_STORE_PREFIX, split[0]);
        }
        if (split.length < 2 || GoStrings.isBlank(split[1])) {
          throw HostErrorCode.INVALID_PATH.wrap("clientID is empty");
        }
        String key = String.join("/", java.util.Arrays.copyOfRange(split, 2, split.length));
        byClient
            .computeIfAbsent(split[1], id -> new ArrayList<>())
            .add(
                GenesisMetadata.newBuilder()
                    .setKey(ByteString.copyFrom(GoStrings.latin1Bytes(key)))
                    .setValue(ByteString.copyFrom(it.value().toByteArray()))
                    .build());
      }
    }
    List<IdentifiedGenesisMetadata> out = new ArrayList<>();
    for (IdentifiedClientState client : genClients) {
      List<GenesisMetadata> metadata = byClient.get(client.getClientId());
      if (metadata != null && !metadata.isEmpty()) {
        out.add(
            IdentifiedGenesisMetadata.newBuilder()
                .setClientId(client.getClientId())
                .addAllClientMetadata(metadata)
                .build());
      }
    }
    return out;
  }

  /** {@code SetAllClientMetadata}: writes every metadata entry into its client store. */
  public void setAllClientMetadata(BlockContext ctx, List<IdentifiedGenesisMetadata> metadata) {
    for (IdentifiedGenesisMetadata igm : metadata) {
      KvStore store = clientStore(ctx, igm.getClientId());
      for (GenesisMetadata md : igm.getClientMetadataList()) {
        store.set(Bytes.of(md.getKey().toByteArray()), Bytes.of(md.getValue().toByteArray()));
      }
    }
  }

  private static long bigEndianToUint64(Bytes bz) {
    if (bz.size() != 8) {
      throw new IllegalStateException("expected 8 bytes for a uint64, got " + bz.size());
    }
    return ByteBuffer.wrap(bz.toByteArray()).getLong();
  }
}
