package io.wasm08.gov.query;

import cosmos.bank.v1beta1.QueryGrpc;
import cosmos.bank.v1beta1.QueryOuterClass.QueryAllBalancesRequest;
import cosmos.bank.v1beta1.QueryOuterClass.QueryAllBalancesResponse;
import cosmos.bank.v1beta1.QueryOuterClass.QueryBalanceRequest;
import cosmos.bank.v1beta1.QueryOuterClass.QueryBalanceResponse;
import io.grpc.stub.StreamObserver;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.query.QueryServing;
import java.util.function.Supplier;

/** The gRPC face of {@link BankQueryServer}, a plain {@code QueryImplBase}. */
public final class BankQueryService extends QueryGrpc.QueryImplBase {
  private final BankQueryServer server;
  private final Supplier<BlockContext> queryContext;

  public BankQueryService(BankQueryServer server, Supplier<BlockContext> queryContext) {
    this.server = java.util.Objects.requireNonNull(server, "server");
    this.queryContext = java.util.Objects.requireNonNull(queryContext, "queryContext");
  }

  @Override
  public void balance(QueryBalanceRequest request, StreamObserver<QueryBalanceResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::balance);
  }

  @Override
  public void allBalances(
      QueryAllBalancesRequest request, StreamObserver<QueryAllBalancesResponse> observer) {
    QueryServing.serve(queryContext, request, observer, server::allBalances);
  }
}
