package io.wasm08.relayer.relay;

import java.time.Instant;
import java.util.Optional;

/**
 * What the health endpoint reports for one client: its state, the heights, and the last failure.
 *
 * @param state {@code starting}, {@code relaying}, {@code up-to-date}, {@code failing} (retried
 *     next poll), {@code halted} (needs an operator: a fork or a quorum disagreement), {@code
 *     frozen} (the client itself is frozen)
 */
public record ClientStatus(
    String clientId,
    String source,
    String state,
    long sourceHeight,
    long clientHeight,
    long updates,
    Optional<String> lastFailureReason,
    Optional<String> lastFailure,
    Optional<Instant> lastUpdate) {
  public boolean healthy() {
    return !state.equals("halted") && !state.equals("failing");
  }
}
