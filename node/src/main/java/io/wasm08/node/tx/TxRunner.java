package io.wasm08.node.tx;

import com.google.protobuf.Any;
import com.google.protobuf.Message;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.context.BlockInfo;
import io.wasm08.core.context.StoreBranch;
import io.wasm08.core.context.StoreSet;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.events.EventManager;
import io.wasm08.node.app.MsgServiceRouter;
import io.wasm08.store.BasicGasMeter;
import io.wasm08.store.GasMeter;
import io.wasm08.store.GasOverflowException;
import io.wasm08.store.InfiniteGasMeter;
import io.wasm08.store.OutOfGasException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * baseapp's {@code runTx} (SDK v0.50): decode; at least one message, each with a handler and
 * passing its ValidateBasic; the gas meter from the fee's gas limit (infinite when simulating or at
 * height 0); the ante handler on a branch that is written when it passes (so the sequence and fee
 * stay even if the messages then fail); in CheckTx nothing more; otherwise every message through
 * the router on a second branch, written only when all succeed (a failing transaction's messages
 * leave nothing behind). Running out of gas anywhere is {@code ErrOutOfGas} with upstream's "out of
 * gas in location: …; gasWanted: …, gasUsed: …". No clock is read here: the block comes in.
 */
public final class TxRunner {
  private final TxDecoder decoder;
  private final AnteHandler ante;
  private final MsgServiceRouter router;
  private final AddressCodec addressCodec;

  public TxRunner(
      TxDecoder decoder, AnteHandler ante, MsgServiceRouter router, AddressCodec addressCodec) {
    this.decoder = decoder;
    this.ante = ante;
    this.router = router;
    this.addressCodec = addressCodec;
  }

  public TxDecoder decoder() {
    return decoder;
  }

  /** A run's result together with the decoded tx (absent when decoding failed). */
  public record Outcome(TxResult result, Optional<DecodedTx> tx) {}

  /** Runs {@code txBytes} in {@code mode} on {@code state} (a branch the caller owns). */
  public Outcome run(ExecMode mode, Bytes txBytes, BlockInfo block, StoreSet state) {
    DecodedTx tx;
    try {
      tx = decoder.decode(txBytes);
      validateMsgs(tx);
    } catch (Wasm08Exception e) {
      return new Outcome(TxResult.error(e, 0, 0, List.of()), Optional.empty());
    }
    return new Outcome(runDecoded(mode, tx, block, state), Optional.of(tx));
  }

  private void validateMsgs(DecodedTx tx) {
    if (tx.msgs().isEmpty()) {
      throw SdkErrorCode.INVALID_REQUEST.wrap("must contain at least one message");
    }
    for (Message msg : tx.msgs()) {
      if (router.route(msg).isEmpty()) {
        throw SdkErrorCode.UNKNOWN_REQUEST.wrapf(
            "no message handler found for %s", AnyCodec.typeUrl(msg));
      }
      router.validateBasic(msg);
    }
  }

  private TxResult runDecoded(ExecMode mode, DecodedTx tx, BlockInfo block, StoreSet state) {
    GasMeter meter =
        mode.simulate() || block.height() == 0
            ? new InfiniteGasMeter()
            : new BasicGasMeter(tx.gasLimit());
    // An infinite meter's limit is max uint64 in the SDK.
    long gasWanted = meter instanceof InfiniteGasMeter ? -1L : meter.limit();

    EventManager anteEvents = new EventManager();
    StoreBranch anteBranch = state.branch();
    try {
      ante.handle(new AnteContext(block, mode, meter, anteEvents, anteBranch), tx);
    } catch (OutOfGasException | GasOverflowException e) {
      return TxResult.error(
          outOfGas(e, gasWanted, meter), gasWanted, meter.gasConsumed(), List.of());
    } catch (Wasm08Exception e) {
      return TxResult.error(e, gasWanted, meter.gasConsumed(), List.of());
    }
    anteBranch.write();
    List<Event> events = new ArrayList<>(anteEvents.events());
    if (mode == ExecMode.CHECK || mode == ExecMode.RECHECK) {
      return TxResult.ok(gasWanted, meter.gasConsumed(), events, List.of());
    }

    StoreBranch msgBranch = state.branch();
    List<Any> responses = new ArrayList<>();
    try {
      for (int i = 0; i < tx.msgs().size(); i++) {
        Message msg = tx.msgs().get(i);
        EventManager msgEvents = new EventManager();
        BlockContext ctx =
            BlockContext.builder()
                .block(block)
                .stores(msgBranch)
                .gasMeter(meter)
                .eventManager(msgEvents)
                .build();
        Message response;
        try {
          response = router.handle(ctx, msg);
        } catch (OutOfGasException | GasOverflowException e) {
          throw e;
        } catch (Wasm08Exception e) {
          throw IbcException.of(e).wrapf("failed to execute message; message index: %d", i);
        }
        events.addAll(messageEvents(msg, msgEvents.events()));
        responses.add(AnyCodec.pack(response));
      }
    } catch (OutOfGasException | GasOverflowException e) {
      // Failed txs keep only the ante events, as FinalizeBlock reports them.
      return TxResult.error(
          outOfGas(e, gasWanted, meter), gasWanted, meter.gasConsumed(), anteEvents.events());
    } catch (Wasm08Exception e) {
      return TxResult.error(e, gasWanted, meter.gasConsumed(), anteEvents.events());
    }
    if (mode == ExecMode.FINALIZE) {
      msgBranch.write();
    }
    return TxResult.ok(gasWanted, meter.gasConsumed(), events, responses);
  }

  /**
   * {@code createEvents}: {@code message{action, sender[, module]}} before the handler's events.
   */
  private List<Event> messageEvents(Message msg, List<Event> handlerEvents) {
    String typeUrl = AnyCodec.typeUrl(msg);
    List<String> attrs = new ArrayList<>(List.of("action", typeUrl));
    List<Bytes> signers = new io.wasm08.core.tx.MsgSigners(addressCodec).signers(msg);
    if (!signers.isEmpty()) {
      attrs.add("sender");
      attrs.add(addressCodec.bytesToString(signers.get(0)));
    }
    boolean hasModule =
        handlerEvents.stream().anyMatch(e -> e.attribute(Event.ATTRIBUTE_KEY_MODULE).isPresent());
    if (!hasModule) {
      moduleNameFromTypeUrl(typeUrl)
          .ifPresent(
              m -> {
                attrs.add("module");
                attrs.add(m);
              });
    }
    List<Event> out = new ArrayList<>();
    out.add(Event.of(Event.TYPE_MESSAGE, attrs.toArray(String[]::new)));
    out.addAll(handlerEvents);
    return out;
  }

  /** {@code sdk.GetModuleNameFromTypeURL}: {@code /cosmos.gov.v1.MsgVote} → {@code gov}. */
  static Optional<String> moduleNameFromTypeUrl(String typeUrl) {
    if (typeUrl.startsWith("/cosmos")) {
      String[] parts = typeUrl.split("\\.");
      if (parts.length > 2) {
        return Optional.of(parts[1]);
      }
    }
    return Optional.empty();
  }

  private static Wasm08Exception outOfGas(Wasm08Exception e, long gasWanted, GasMeter meter) {
    String descriptor =
        e instanceof OutOfGasException oog
            ? oog.descriptor()
            : ((GasOverflowException) e).descriptor();
    if (e instanceof GasOverflowException) {
      return SdkErrorCode.OUT_OF_GAS.wrapf("gas overflow in location: %s", descriptor);
    }
    return SdkErrorCode.OUT_OF_GAS.wrapf(
        "out of gas in location: %s; gasWanted: %s, gasUsed: %s",
        descriptor, Long.toUnsignedString(gasWanted), Long.toUnsignedString(meter.gasConsumed()));
  }
}
