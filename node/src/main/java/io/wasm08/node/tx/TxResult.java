package io.wasm08.node.tx;

import com.google.protobuf.Any;
import cosmos.base.abci.v1beta1.Abci.TxMsgData;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.events.Event;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of running a transaction ({@code ExecTxResult} / {@code ResponseCheckTx}): code 0 or
 * the error's codespace and code with its full text as the log, gas wanted and used, the events
 * (ante events first, then each message's), and the messages' responses.
 */
public record TxResult(
    String codespace,
    int code,
    String log,
    long gasWanted,
    long gasUsed,
    List<Event> events,
    List<Any> msgResponses) {
  public TxResult {
    Objects.requireNonNull(codespace, "codespace");
    Objects.requireNonNull(log, "log");
    events = List.copyOf(events);
    msgResponses = List.copyOf(msgResponses);
  }

  public static TxResult ok(long gasWanted, long gasUsed, List<Event> events, List<Any> responses) {
    return new TxResult("", 0, "", gasWanted, gasUsed, events, responses);
  }

  /**
   * {@code ResponseExecTxResultWithEvents(err, …)}: a registered error keeps its codespace and
   * code; an unregistered one is {@code undefined}/1, as {@code errorsmod.ABCIInfo} reports it.
   */
  public static TxResult error(
      Wasm08Exception e, long gasWanted, long gasUsed, List<Event> events) {
    String codespace = e.codespace();
    int code = e.code();
    if (e instanceof IbcException ibc && ibc.isPlain()) {
      codespace = "undefined";
      code = 1;
    }
    return new TxResult(codespace, code, e.getMessage(), gasWanted, gasUsed, events, List.of());
  }

  public boolean isOk() {
    return code == 0;
  }

  /** {@code TxMsgData{msg_responses}}: the result's data bytes. */
  public Bytes data() {
    return Bytes.wrapOwned(
        TxMsgData.newBuilder().addAllMsgResponses(msgResponses).build().toByteArray());
  }
}
