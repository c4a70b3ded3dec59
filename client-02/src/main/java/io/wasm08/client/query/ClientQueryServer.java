package io.wasm08.client.query;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.base.query.v1beta1.Pagination.PageResponse;
import cosmos.upgrade.v1beta1.Upgrade.Plan;
import ibc.core.client.v1.Client.ConsensusStateWithHeight;
import ibc.core.client.v1.Client.IdentifiedClientState;
import ibc.core.client.v1.QueryOuterClass.QueryClientCreatorRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientCreatorResponse;
import ibc.core.client.v1.QueryOuterClass.QueryClientParamsRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientParamsResponse;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateResponse;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatesRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatesResponse;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatusRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatusResponse;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateHeightsRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateHeightsResponse;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateResponse;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStatesRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStatesResponse;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedClientStateResponse;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedConsensusStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryUpgradedConsensusStateResponse;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipRequest;
import ibc.core.client.v1.QueryOuterClass.QueryVerifyMembershipResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.LightClientModule;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.ClientTypes;
import io.wasm08.core.client.Height;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.gostd.GoStrings;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.core.host.Identifiers;
import io.wasm08.core.query.Pagination;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.store.GasConfig;
import io.wasm08.store.KvStore;
import io.wasm08.store.PrefixStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The ibc.core.client.v1 Query service as ibc-go v11's {@code 02-client/keeper/grpc_query.go}
 * implements it, on an explicit context: gRPC errors are {@link StatusRuntimeException}s with
 * ibc-go's codes and messages; errors ibc-go returns without a status (pagination, decoding)
 * propagate as {@link IbcException}s. {@link ClientQueryService} serves it over gRPC; the 08-wasm
 * Stargate querier calls {@link #verifyMembership} directly.
 */
public final class ClientQueryServer {
  private static final List<String> VERIFY_MEMBERSHIP_DENIED =
      List.of(ClientTypes.LOCALHOST, ClientTypes.SOLOMACHINE);

  private final ClientKeeper keeper;
  private final String bech32Prefix;

  public ClientQueryServer(ClientKeeper keeper, String bech32Prefix) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
    this.bech32Prefix = java.util.Objects.requireNonNull(bech32Prefix, "bech32Prefix");
  }

  public QueryClientStateResponse clientState(BlockContext ctx, QueryClientStateRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    Any clientState =
        keeper
            .getClientState(ctx, req.getClientId())
            .orElseThrow(
                () ->
                    notFound(
                        ClientErrorCode.CLIENT_NOT_FOUND.wrap(req.getClientId()).getMessage()));
    return QueryClientStateResponse.newBuilder()
        .setClientState(clientState)
        .setProofHeight(selfHeight(ctx).toProto())
        .build();
  }

  public QueryClientStatesResponse clientStates(BlockContext ctx, QueryClientStatesRequest req) {
    requireRequest(req);
    List<IdentifiedClientState> states = new ArrayList<>();
    KvStore store =
        new PrefixStore(
            keeper.storeProvider().ibcStore(ctx), Bytes.ofUtf8(ClientKeys.KEY_CLIENT_STORE_PREFIX));
    PageResponse page =
        Pagination.filteredPaginate(
            store,
            req.hasPagination() ? req.getPagination() : null,
            (key, value, accumulate) -> {
              String[] split = GoStrings.latin1(key).split("/", -1);
              if (!split[split.length - 1].equals(ClientKeys.KEY_CLIENT_STATE)) {
                return false;
              }
              Any clientState = parseAny(value);
              String clientId = split[1];
              Identifiers.validateClientIdentifier(clientId);
              states.add(
                  IdentifiedClientState.newBuilder()
                      .setClientId(clientId)
                      .setClientState(clientState)
                      .build());
              return true;
            });
    states.sort(Comparator.comparing(IdentifiedClientState::getClientId, GoStrings::compare));
    return QueryClientStatesResponse.newBuilder()
        .addAllClientStates(states)
        .setPagination(page)
        .build();
  }

  public QueryConsensusStateResponse consensusState(
      BlockContext ctx, QueryConsensusStateRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    Height height = Height.of(req.getRevisionNumber(), req.getRevisionHeight());
    java.util.Optional<Any> consensusState;
    if (req.getLatestHeight()) {
      consensusState = keeper.getLatestClientConsensusState(ctx, req.getClientId());
    } else {
      if (req.getRevisionHeight() == 0) {
        throw invalidArgument("consensus state height cannot be 0");
      }
      consensusState = keeper.getClientConsensusState(ctx, req.getClientId(), height);
    }
    Any found =
        consensusState.orElseThrow(
            () ->
                notFound(
                    ClientErrorCode.CONSENSUS_STATE_NOT_FOUND
                        .wrapf("client-id: %s, height: %s", req.getClientId(), height)
                        .getMessage()));
    return QueryConsensusStateResponse.newBuilder()
        .setConsensusState(found)
        .setProofHeight(selfHeight(ctx).toProto())
        .build();
  }

  public QueryConsensusStatesResponse consensusStates(
      BlockContext ctx, QueryConsensusStatesRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    QueryConsensusStatesResponse.Builder res = QueryConsensusStatesResponse.newBuilder();
    PageResponse page =
        consensusStatesPage(
            ctx,
            req.getClientId(),
            req.hasPagination() ? req.getPagination() : null,
            (height, value) ->
                res.addConsensusStates(
                    ConsensusStateWithHeight.newBuilder()
                        .setHeight(height.toProto())
                        .setConsensusState(parseAny(value))));
    return res.setPagination(page).build();
  }

  public QueryConsensusStateHeightsResponse consensusStateHeights(
      BlockContext ctx, QueryConsensusStateHeightsRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    QueryConsensusStateHeightsResponse.Builder res =
        QueryConsensusStateHeightsResponse.newBuilder();
    PageResponse page =
        consensusStatesPage(
            ctx,
            req.getClientId(),
            req.hasPagination() ? req.getPagination() : null,
            (height, value) -> res.addConsensusStateHeights(height.toProto()));
    return res.setPagination(page).build();
  }

  /**
   * Paginates {@code clients/{id}/consensusStates/}, skipping metadata keys (those with a further
   * {@code /}); every other key must parse as a height. Like ibc-go, hits are taken whether or not
   * the page "accumulates" them.
   */
  private PageResponse consensusStatesPage(
      BlockContext ctx,
      String clientId,
      cosmos.base.query.v1beta1.Pagination.PageRequest page,
      java.util.function.BiConsumer<Height, Bytes> onHit) {
    return Pagination.filteredPaginate(
        consensusStatesStore(ctx, clientId),
        page,
        (key, value, accumulate) -> {
          String k = GoStrings.latin1(key);
          if (k.contains("/")) {
            return false;
          }
          onHit.accept(Height.parse(k), value);
          return true;
        });
  }

  public QueryClientStatusResponse clientStatus(BlockContext ctx, QueryClientStatusRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    return QueryClientStatusResponse.newBuilder()
        .setStatus(keeper.getClientStatus(ctx, req.getClientId()).value())
        .build();
  }

  public QueryClientCreatorResponse clientCreator(BlockContext ctx, QueryClientCreatorRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    String creator =
        keeper
            .getClientCreator(ctx, req.getClientId())
            .map(a -> a.toBech32(bech32Prefix))
            .orElse("");
    return QueryClientCreatorResponse.newBuilder().setCreator(creator).build();
  }

  public QueryClientParamsResponse clientParams(BlockContext ctx, QueryClientParamsRequest req) {
    return QueryClientParamsResponse.newBuilder()
        .setParams(keeper.getParams(ctx).toProto())
        .build();
  }

  public QueryUpgradedClientStateResponse upgradedClientState(
      BlockContext ctx, QueryUpgradedClientStateRequest req) {
    requireRequest(req);
    Plan plan =
        keeper
            .upgradeKeeper()
            .getUpgradePlan(ctx)
            .orElseThrow(() -> notFound("upgrade plan not found"));
    Bytes bz =
        keeper
            .upgradeKeeper()
            .getUpgradedClient(ctx, plan.getHeight())
            .orElseThrow(() -> notFound("upgraded client not found"));
    return QueryUpgradedClientStateResponse.newBuilder()
        .setUpgradedClientState(parseAnyOrInternal(bz))
        .build();
  }

  public QueryUpgradedConsensusStateResponse upgradedConsensusState(
      BlockContext ctx, QueryUpgradedConsensusStateRequest req) {
    requireRequest(req);
    Bytes bz =
        keeper
            .upgradeKeeper()
            .getUpgradedConsensusState(ctx, ctx.blockHeight())
            .orElseThrow(
                () ->
                    notFound(
                        String.format(
                            "upgraded consensus state not found, height %d", ctx.blockHeight())));
    return QueryUpgradedConsensusStateResponse.newBuilder()
        .setUpgradedConsensusState(parseAnyOrInternal(bz))
        .build();
  }

  /**
   * {@code VerifyMembership}: checks the request, charges {@code 3 × ReadCostPerByte × len(proof)}
   * flat gas, runs the client's verification on a discarded cache branch and answers {@code
   * success=false} (not an error) when verification fails. As in ibc-go, the gas the meter shows
   * when the call ends is consumed once more on exit ({@code cachedCtx} shares the meter).
   */
  public QueryVerifyMembershipResponse verifyMembership(
      BlockContext ctx, QueryVerifyMembershipRequest req) {
    requireRequest(req);
    validateClientId(req.getClientId());
    String clientType;
    try {
      clientType = ClientIdentifiers.parse(req.getClientId()).clientType();
    } catch (IbcException e) {
      throw invalidArgument(e.getMessage());
    }
    if (VERIFY_MEMBERSHIP_DENIED.contains(clientType)) {
      throw invalidArgument(
          ClientErrorCode.INVALID_CLIENT_TYPE
              .wrapf(
                  "verify membership is disabled for client types [%s]",
                  String.join(" ", VERIFY_MEMBERSHIP_DENIED))
              .getMessage());
    }
    if (req.getProof().isEmpty()) {
      throw invalidArgument("empty proof");
    }
    Height proofHeight = Height.fromProto(req.getProofHeight());
    if (proofHeight.isZero()) {
      throw invalidArgument("proof height must be non-zero");
    }
    if (req.getMerklePath().getKeyPathCount() == 0) {
      throw invalidArgument("empty merkle path");
    }
    if (req.getValue().isEmpty()) {
      throw invalidArgument("empty value");
    }
    BlockContext.Branch cached = ctx.cacheContext();
    try {
      LightClientModule module;
      try {
        module = keeper.route(ctx, req.getClientId());
      } catch (IbcException e) {
        throw notFound(e.getMessage());
      }
      io.wasm08.core.client.Status status = keeper.getClientStatus(ctx, req.getClientId());
      if (!status.isActive()) {
        throw Status.FAILED_PRECONDITION
            .withDescription(
                ClientErrorCode.CLIENT_NOT_ACTIVE
                    .wrapf(
                        "cannot verify membership using client (%s) with status %s",
                        req.getClientId(), status)
                    .getMessage())
            .asRuntimeException();
      }
      ctx.gasMeter()
          .consumeGas(
              3 * GasConfig.KV.readCostPerByte() * req.getProof().size(),
              "verify membership query");
      try {
        module.verifyMembership(
            cached.context(),
            req.getClientId(),
            proofHeight,
            req.getTimeDelay(),
            req.getBlockDelay(),
            Bytes.of(req.getProof().toByteArray()),
            MerklePath.fromProto(req.getMerklePath()),
            Bytes.of(req.getValue().toByteArray()));
      } catch (io.wasm08.store.OutOfGasException | io.wasm08.store.GasOverflowException e) {
        throw e;
      } catch (io.wasm08.common.Wasm08Exception e) {
        return QueryVerifyMembershipResponse.newBuilder().setSuccess(false).build();
      }
      return QueryVerifyMembershipResponse.newBuilder().setSuccess(true).build();
    } finally {
      ctx.gasMeter()
          .consumeGas(cached.context().gasMeter().gasConsumed(), "verify membership query");
    }
  }

  private KvStore consensusStatesStore(BlockContext ctx, String clientId) {
    return new PrefixStore(
        keeper.storeProvider().ibcStore(ctx),
        ClientKeys.fullClientKey(
            clientId, Bytes.ofUtf8(ClientKeys.KEY_CONSENSUS_STATE_PREFIX + "/")));
  }

  private Height selfHeight(BlockContext ctx) {
    return Height.selfHeight(ctx.chainId(), ctx.blockHeight());
  }

  private static void requireRequest(Object req) {
    if (req == null) {
      throw invalidArgument("empty request");
    }
  }

  private static void validateClientId(String clientId) {
    try {
      Identifiers.validateClientIdentifier(clientId);
    } catch (IbcException e) {
      throw invalidArgument(e.getMessage());
    }
  }

  static StatusRuntimeException invalidArgument(String message) {
    return Status.INVALID_ARGUMENT.withDescription(message).asRuntimeException();
  }

  static StatusRuntimeException notFound(String message) {
    return Status.NOT_FOUND.withDescription(message).asRuntimeException();
  }

  private static Any parseAny(Bytes value) {
    try {
      return Any.parseFrom(value.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw IbcException.plain(e.getMessage());
    }
  }

  private static Any parseAnyOrInternal(Bytes value) {
    try {
      return Any.parseFrom(value.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException();
    }
  }
}
