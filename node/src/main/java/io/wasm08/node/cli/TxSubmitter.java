package io.wasm08.node.cli;

import com.google.protobuf.Message;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import io.wasm08.core.crypto.Secp256k1PrivateKey;
import io.wasm08.core.tx.SignedTx;
import io.wasm08.node.client.NodeClient;
import java.io.PrintWriter;
import java.util.List;

/** Signs, (simulates,) broadcasts and waits with a progress line; prints the TxResponse. */
final class TxSubmitter {
  private TxSubmitter() {}

  static TxResponse submit(
      TxOptions o, List<? extends Message> msgs, PrintWriter out, PrintWriter err) {
    Secp256k1PrivateKey key = o.key();
    try (NodeClient c = o.client.connect()) {
      TxResponse r = submit(c, key, o.gas, o.gasAdjustment, o.memo, o.timeout, o.noWait, msgs, err);
      o.client.output.print(out, r, CliTypes.REGISTRY);
      return r;
    }
  }

  static TxResponse submit(
      NodeClient c,
      Secp256k1PrivateKey key,
      String gas,
      double adjustment,
      String memo,
      java.time.Duration timeout,
      boolean noWait,
      List<? extends Message> msgs,
      PrintWriter err) {
    long gasLimit;
    if (gas.equals("auto")) {
      gasLimit = (long) Math.ceil(c.simulateGas(msgs, key, memo) * adjustment);
    } else {
      gasLimit = Long.parseLong(gas);
    }
    SignedTx tx = c.sign(msgs, key, gasLimit, memo);
    TxResponse checked = c.broadcast(tx.txBytes());
    if (checked.getCode() != 0 || noWait) {
      return checked;
    }
    try (Progress p =
        new Progress(err, "waiting for tx " + checked.getTxhash().substring(0, 12) + "…", 0)) {
      return c.waitForTx(checked.getTxhash(), timeout, p::update);
    }
  }
}
