package io.wasm08.core.client;

import io.wasm08.core.codec.AnyInterface;

/**
 * The {@code Any} interfaces 02-client registers ({@code RegisterInterfaces} in ibc-go's
 * types/codec.go). Headers and misbehaviour share {@link ClientMessage}.
 */
public final class ClientInterfaces {
  private ClientInterfaces() {}

  public static final AnyInterface<ClientState> CLIENT_STATE =
      AnyInterface.of("ibc.core.client.v1.ClientState", ClientState.class, "exported.ClientState");

  public static final AnyInterface<ConsensusState> CONSENSUS_STATE =
      AnyInterface.of(
          "ibc.core.client.v1.ConsensusState", ConsensusState.class, "exported.ConsensusState");

  public static final AnyInterface<ClientMessage> CLIENT_MESSAGE =
      AnyInterface.of(
          "ibc.core.client.v1.ClientMessage", ClientMessage.class, "exported.ClientMessage");
}
