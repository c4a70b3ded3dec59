package io.wasm08.node.tx;

import cosmos.base.v1beta1.CoinOuterClass.Coin;
import io.wasm08.common.Bytes;
import java.util.List;

/**
 * Moves a transaction's fee from its payer to the fee collector ({@code DeductFees}); supplied by
 * the bank module. Throws the bank's error (e.g. insufficient funds) when it cannot.
 */
@FunctionalInterface
public interface FeeHandler {
  void deductFees(AnteContext ctx, Bytes payer, List<Coin> fee);

  /** For chains without a bank: only zero fees are accepted. */
  FeeHandler ZERO_ONLY =
      (ctx, payer, fee) -> {
        if (!fee.isEmpty()) {
          throw io.wasm08.core.errors.SdkErrorCode.INSUFFICIENT_FUNDS.wrap(
              "this chain has no bank: fees must be empty");
        }
      };
}
