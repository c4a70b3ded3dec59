package io.wasm08.gov.query;

import cosmos.gov.v1.QueryGrpc;
import cosmos.gov.v1.QueryOuterClass.QueryConstitutionRequest;
import cosmos.gov.v1.QueryOuterClass.QueryConstitutionResponse;
import cosmos.gov.v1.QueryOuterClass.QueryDepositRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositResponse;
import cosmos.gov.v1.QueryOuterClass.QueryDepositsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryParamsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryParamsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalResponse;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultRequest;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultResponse;
import cosmos.gov.v1.QueryOuterClass.QueryVoteRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVoteResponse;
import cosmos.gov.v1.QueryOuterClass.QueryVotesRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVotesResponse;
import io.grpc.stub.StreamObserver;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.query.QueryServing;
import java.util.function.Supplier;

/**
 * The gRPC face of {@link GovQueryServer}: a plain {@code QueryImplBase} with no transport code.
 * Each call runs on a fresh context from the supplier (the node's latest committed state; writes
 * are never committed).
 */
public final class GovQueryService extends QueryGrpc.QueryImplBase {
  private final GovQueryServer server;
  private final Supplier<BlockContext> queryContext;

  public GovQueryService(GovQueryServer server, Supplier<BlockContext> queryContext) {
    this.server = java.util.Objects.requireNonNull(server, "server");
    this.queryContext = java.util.Objects.requireNonNull(queryContext, "queryContext");
  }

  @Override
  public void constitution(
      QueryConstitutionRequest request, StreamObserver<QueryConstitutionResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::constitution);
  }

  @Override
  public void proposal(
      QueryProposalRequest request, StreamObserver<QueryProposalResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::proposal);
  }

  @Override
  public void proposals(
      QueryProposalsRequest request, StreamObserver<QueryProposalsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::proposals);
  }

  @Override
  public void vote(QueryVoteRequest request, StreamObserver<QueryVoteResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::vote);
  }

  @Override
  public void votes(QueryVotesRequest request, StreamObserver<QueryVotesResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::votes);
  }

  @Override
  public void params(QueryParamsRequest request, StreamObserver<QueryParamsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::params);
  }

  @Override
  public void deposit(QueryDepositRequest request, StreamObserver<QueryDepositResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::deposit);
  }

  @Override
  public void deposits(
      QueryDepositsRequest request, StreamObserver<QueryDepositsResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::deposits);
  }

  @Override
  public void tallyResult(
      QueryTallyResultRequest request, StreamObserver<QueryTallyResultResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::tallyResult);
  }
}
