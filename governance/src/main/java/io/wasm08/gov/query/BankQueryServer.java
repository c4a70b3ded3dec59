package io.wasm08.gov.query;

import cosmos.bank.v1beta1.QueryOuterClass.QueryAllBalancesRequest;
import cosmos.bank.v1beta1.QueryOuterClass.QueryAllBalancesResponse;
import cosmos.bank.v1beta1.QueryOuterClass.QueryBalanceRequest;
import cosmos.bank.v1beta1.QueryOuterClass.QueryBalanceResponse;
import io.grpc.Status;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import io.wasm08.gov.bank.BankKeeper;
import io.wasm08.gov.bank.BankKeys;
import io.wasm08.gov.bank.Coin;
import io.wasm08.gov.math.SdkInt;

/** The balance queries of cosmos.bank.v1beta1 (SDK v0.50 {@code keeper/grpc_query.go}). */
public final class BankQueryServer {
  private final BankKeeper bank;

  public BankQueryServer(BankKeeper bank) {
    this.bank = java.util.Objects.requireNonNull(bank, "bank");
  }

  public QueryBalanceResponse balance(BlockContext ctx, QueryBalanceRequest req) {
    try {
      Coin.validateDenom(req.getDenom());
    } catch (Wasm08Exception e) {
      throw Status.INVALID_ARGUMENT.withDescription(e.getMessage()).asRuntimeException();
    }
    Bytes address = address(req.getAddress());
    return QueryBalanceResponse.newBuilder()
        .setBalance(bank.getBalance(ctx, address, req.getDenom()).toProto())
        .build();
  }

  /** Paginated over the account's balances; {@code resolve_denom} shows the display denom. */
  public QueryAllBalancesResponse allBalances(BlockContext ctx, QueryAllBalancesRequest req) {
    Bytes address = address(req.getAddress());
    CollectionPagination.Page page;
    try {
      page =
          CollectionPagination.paginate(
              ctx.kvStore(BankKeys.STORE_KEY),
              BankKeys.BALANCES,
              BankKeys.addressPrefix(address),
              req.getPagination(),
              null);
    } catch (Wasm08Exception e) {
      throw Status.INVALID_ARGUMENT
          .withDescription("paginate: " + e.getMessage())
          .asRuntimeException();
    }
    QueryAllBalancesResponse.Builder out =
        QueryAllBalancesResponse.newBuilder().setPagination(page.response());
    int prefixLength = BankKeys.addressPrefix(address).size();
    for (CollectionPagination.Entry e : page.entries()) {
      String denom = e.key().slice(prefixLength, e.key().size()).toUtf8();
      String shown =
          req.getResolveDenom()
              ? bank.getDenomMetadata(ctx, denom).map(m -> m.getDisplay()).orElse(denom)
              : denom;
      out.addBalances(Coin.newCoin(shown, SdkInt.parse(e.value().toUtf8())).toProto());
    }
    return out.build();
  }

  private Bytes address(String text) {
    try {
      return bank.addressCodec().stringToBytes(text);
    } catch (Wasm08Exception e) {
      throw Status.INVALID_ARGUMENT
          .withDescription("invalid address: " + e.getMessage())
          .asRuntimeException();
    }
  }
}
