package io.wasm08.relayer.quorum;

import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockInfo;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The {@code MsgUpdateClient}s of one tx to dry-run, in order: the client, the ClientMessages
 * (proto bytes of {@code ibc.lightclients.wasm.v1.ClientMessage}), the checksum of the client's
 * code, the client's store (key/value pairs relative to {@code clients/{id}/}, sorted) and the
 * block the execution pretends to run in. Every executor gets exactly this, so honest executions
 * are bit-for-bit comparable.
 */
public record UpdateRequest(
    String clientId,
    List<Bytes> clientMessages,
    Bytes checksum,
    List<KvPair> clientStore,
    BlockInfo block) {
  public UpdateRequest {
    Objects.requireNonNull(clientId, "clientId");
    clientMessages = List.copyOf(clientMessages);
    if (clientMessages.isEmpty()) {
      throw new IllegalArgumentException("an update needs at least one client message");
    }
    Objects.requireNonNull(checksum, "checksum");
    Objects.requireNonNull(block, "block");
    List<KvPair> sorted = new ArrayList<>(clientStore);
    sorted.sort(Comparator.comparing(KvPair::key));
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i).key().equals(sorted.get(i - 1).key())) {
        throw new IllegalArgumentException("duplicate key in the client store snapshot");
      }
    }
    clientStore = List.copyOf(sorted);
  }
}
