package io.wasm08.wasm.api;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import java.util.Objects;

/** The messages of the contract's {@code query} entry point ({@code types.QueryMsg}). */
public sealed interface QueryMsg {
  /** {@code {"status":{}}}. */
  record Status() implements QueryMsg {}

  /** {@code {"timestamp_at_height":{"height":…}}}. */
  record TimestampAtHeight(Height height) implements QueryMsg {
    public TimestampAtHeight {
      Objects.requireNonNull(height, "height");
    }
  }

  /** {@code {"verify_client_message":{"client_message":…}}} ({@code ClientMessage.data}). */
  record VerifyClientMessage(Bytes clientMessage) implements QueryMsg {}

  /** {@code {"check_for_misbehaviour":{"client_message":…}}}. */
  record CheckForMisbehaviour(Bytes clientMessage) implements QueryMsg {}

  /** {@code {"export_metadata":{}}}: only G1–G3 contracts answer it (removed in PR #5782). */
  record ExportMetadata() implements QueryMsg {}
}
