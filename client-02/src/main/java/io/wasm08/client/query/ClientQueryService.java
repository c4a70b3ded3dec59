package io.wasm08.client.query;

import ibc.core.client.v1.QueryGrpc;
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
import io.grpc.stub.StreamObserver;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.query.QueryServing;
import java.util.function.Supplier;

/**
 * The gRPC face of {@link ClientQueryServer}: a plain {@code QueryImplBase} with no transport code.
 * Each call runs on a fresh query context from the supplier (the node's latest committed state with
 * an infinite gas meter). Status errors pass through; other project errors become {@code UNKNOWN}
 * with the error text, as gRPC-Go reports a handler's non-status error.
 */
public final class ClientQueryService extends QueryGrpc.QueryImplBase {
  private final ClientQueryServer server;
  private final Supplier<BlockContext> queryContext;

  public ClientQueryService(ClientQueryServer server, Supplier<BlockContext> queryContext) {
    this.server = java.util.Objects.requireNonNull(server, "server");
    this.queryContext = java.util.Objects.requireNonNull(queryContext, "queryContext");
  }

  @Override
  public void clientState(
      QueryClientStateRequest request, StreamObserver<QueryClientStateResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::clientState);
  }

  @Override
  public void clientStates(
      QueryClientStatesRequest request, StreamObserver<QueryClientStatesResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::clientStates);
  }

  @Override
  public void consensusState(
      QueryConsensusStateRequest request, StreamObserver<QueryConsensusStateResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::consensusState);
  }

  @Override
  public void consensusStates(
      QueryConsensusStatesRequest request, StreamObserver<QueryConsensusStatesResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::consensusStates);
  }

  @Override
  public void consensusStateHeights(
      QueryConsensusStateHeightsRequest request,
      StreamObserver<QueryConsensusStateHeightsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::consensusStateHeights);
  }

  @Override
  public void clientStatus(
      QueryClientStatusRequest request, StreamObserver<QueryClientStatusResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::clientStatus);
  }

  @Override
  public void clientParams(
      QueryClientParamsRequest request, StreamObserver<QueryClientParamsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::clientParams);
  }

  @Override
  public void clientCreator(
      QueryClientCreatorRequest request, StreamObserver<QueryClientCreatorResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::clientCreator);
  }

  @Override
  public void upgradedClientState(
      QueryUpgradedClientStateRequest request,
      StreamObserver<QueryUpgradedClientStateResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::upgradedClientState);
  }

  @Override
  public void upgradedConsensusState(
      QueryUpgradedConsensusStateRequest request,
      StreamObserver<QueryUpgradedConsensusStateResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::upgradedConsensusState);
  }

  @Override
  public void verifyMembership(
      QueryVerifyMembershipRequest request,
      StreamObserver<QueryVerifyMembershipResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::verifyMembership);
  }
}
