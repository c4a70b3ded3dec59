package io.wasm08.node.auth;

import cosmos.auth.v1beta1.Auth.BaseAccount;
import cosmos.auth.v1beta1.QueryGrpc;
import cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixRequest;
import cosmos.auth.v1beta1.QueryOuterClass.Bech32PrefixResponse;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountInfoRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountInfoResponse;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountResponse;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountsRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryAccountsResponse;
import cosmos.auth.v1beta1.QueryOuterClass.QueryParamsRequest;
import cosmos.auth.v1beta1.QueryOuterClass.QueryParamsResponse;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import io.wasm08.store.KvStore;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code cosmos.auth.v1beta1.Query} as x/auth v0.50's {@code grpc_query.go} answers: an empty
 * address is {@code InvalidArgument "Address cannot be empty"}, an undecodable one {@code
 * InvalidArgument} with the codec's text, an unknown account {@code NotFound "account %s not
 * found"}.
 */
final class AuthQueryService extends QueryGrpc.QueryImplBase {
  private final AuthKeeper keeper;
  private final Supplier<BlockContext> context;

  AuthQueryService(AuthKeeper keeper, Supplier<BlockContext> context) {
    this.keeper = keeper;
    this.context = context;
  }

  private KvStore store() {
    return context.get().stores().kvStore(AuthKeeper.STORE_KEY);
  }

  @Override
  public void account(QueryAccountRequest req, StreamObserver<QueryAccountResponse> out) {
    Account account;
    try {
      account = lookup(req.getAddress());
    } catch (io.grpc.StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    out.onNext(QueryAccountResponse.newBuilder().setAccount(keeper.toAny(account)).build());
    out.onCompleted();
  }

  @Override
  public void accountInfo(
      QueryAccountInfoRequest req, StreamObserver<QueryAccountInfoResponse> out) {
    Account account;
    try {
      account = lookup(req.getAddress());
    } catch (io.grpc.StatusRuntimeException e) {
      out.onError(e);
      return;
    }
    com.google.protobuf.Message proto = keeper.toProto(account);
    BaseAccount base =
        proto instanceof cosmos.auth.v1beta1.Auth.ModuleAccount m
            ? m.getBaseAccount()
            : (BaseAccount) proto;
    out.onNext(QueryAccountInfoResponse.newBuilder().setInfo(base).build());
    out.onCompleted();
  }

  private Account lookup(String address) {
    if (address.isEmpty()) {
      throw Status.INVALID_ARGUMENT.withDescription("Address cannot be empty").asRuntimeException();
    }
    Bytes bytes;
    try {
      bytes = keeper.addressCodec().stringToBytes(address);
    } catch (Wasm08Exception e) {
      throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    }
    return keeper
        .account(store(), bytes)
        .orElseThrow(
            () ->
                Status.NOT_FOUND
                    .withDescription("account " + address + " not found")
                    .asRuntimeException());
  }

  @Override
  public void accounts(QueryAccountsRequest req, StreamObserver<QueryAccountsResponse> out) {
    List<Account> all = keeper.accounts(store());
    long offset = req.getPagination().getOffset();
    long limit = req.getPagination().getLimit() == 0 ? 100 : req.getPagination().getLimit();
    QueryAccountsResponse.Builder b = QueryAccountsResponse.newBuilder();
    all.stream().skip(offset).limit(limit).map(keeper::toAny).forEach(b::addAccounts);
    if (req.getPagination().getCountTotal()) {
      b.getPaginationBuilder().setTotal(all.size());
    }
    out.onNext(b.build());
    out.onCompleted();
  }

  @Override
  public void params(QueryParamsRequest req, StreamObserver<QueryParamsResponse> out) {
    out.onNext(QueryParamsResponse.newBuilder().setParams(keeper.params(store())).build());
    out.onCompleted();
  }

  @Override
  public void bech32Prefix(Bech32PrefixRequest req, StreamObserver<Bech32PrefixResponse> out) {
    out.onNext(
        Bech32PrefixResponse.newBuilder()
            .setBech32Prefix(keeper.addressCodec().bech32Prefix())
            .build());
    out.onCompleted();
  }
}
