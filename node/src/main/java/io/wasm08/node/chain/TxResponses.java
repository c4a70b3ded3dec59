package io.wasm08.node.chain;

import com.google.protobuf.Any;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventAttribute;
import io.wasm08.node.tx.DecodedTx;
import io.wasm08.node.tx.TxResult;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import tendermint.abci.Types;

/** {@code sdk.NewResponseResultTx} and friends: results as {@code TxResponse}s. */
public final class TxResponses {
  private TxResponses() {}

  /** Go's {@code time.RFC3339} ({@code 2006-01-02T15:04:05Z07:00}), whole seconds, UTC. */
  static final DateTimeFormatter RFC3339 =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX").withZone(ZoneOffset.UTC);

  public static List<Types.Event> abciEvents(List<Event> events) {
    return events.stream()
        .map(
            e ->
                Types.Event.newBuilder()
                    .setType(e.type())
                    .addAllAttributes(e.attributes().stream().map(TxResponses::attribute).toList())
                    .build())
        .toList();
  }

  private static Types.EventAttribute attribute(EventAttribute a) {
    return Types.EventAttribute.newBuilder()
        .setKey(a.key())
        .setValue(a.value())
        .setIndex(true)
        .build();
  }

  /** A committed tx's response (height, time and the decoded tx when it decoded). */
  public static TxResponse committed(
      String hash, long height, Instant time, TxResult r, DecodedTx tx) {
    TxResponse.Builder b = checked(hash, r).toBuilder().setHeight(height);
    b.setTimestamp(RFC3339.format(time.truncatedTo(ChronoUnit.SECONDS)));
    b.addAllEvents(abciEvents(r.events()));
    if (tx != null) {
      b.setTx(AnyCodec.pack(tx.tx()));
    }
    return b.build();
  }

  /** A CheckTx answer: hash, code, log and gas; no height and no final events. */
  public static TxResponse checked(String hash, TxResult r) {
    return TxResponse.newBuilder()
        .setTxhash(hash)
        .setCodespace(r.code() == 0 ? "" : r.codespace())
        .setCode(r.code())
        .setData(
            r.isOk() && !r.msgResponses().isEmpty()
                ? r.data().toHex().toUpperCase(Locale.ROOT)
                : "")
        .setRawLog(r.log())
        .setGasWanted(r.gasWanted())
        .setGasUsed(r.gasUsed())
        .build();
  }

  static Any packTx(DecodedTx tx) {
    return AnyCodec.pack(tx.tx());
  }
}
