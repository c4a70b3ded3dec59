package io.wasm08.client.genesis;

import com.google.protobuf.Any;
import ibc.core.client.v1.Client.ClientConsensusStates;
import ibc.core.client.v1.Client.ConsensusStateWithHeight;
import ibc.core.client.v1.Client.IdentifiedClientState;
import ibc.core.client.v1.Genesis.GenesisMetadata;
import ibc.core.client.v1.Genesis.GenesisState;
import ibc.core.client.v1.Genesis.IdentifiedGenesisMetadata;
import io.wasm08.client.ClientKeeper;
import io.wasm08.client.ClientParams;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.ClientState;
import io.wasm08.core.client.ConsensusState;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.host.ClientIdentifiers;
import io.wasm08.core.host.Identifiers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * 02-client genesis ({@code 02-client/genesis.go} and {@code types/genesis.go}): import, export and
 * validation. Client and consensus states are decoded through the {@link AnyCodec} to learn their
 * client types; they are stored as the Anys given.
 */
public final class ClientGenesis {
  private final ClientKeeper keeper;
  private final AnyCodec codec;

  public ClientGenesis(ClientKeeper keeper, AnyCodec codec) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
    this.codec = java.util.Objects.requireNonNull(codec, "codec");
  }

  /** {@code DefaultGenesisState}: default params, no clients, sequence 0. */
  public static GenesisState defaultGenesis() {
    return GenesisState.newBuilder()
        .setParams(ClientParams.DEFAULT.toProto())
        .setNextClientSequence(0)
        .build();
  }

  /**
   * {@code InitGenesis}: params (validated), then metadata (so client and consensus states written
   * after it win over reserved keys), client states (their type must be allowed), consensus states
   * and the next sequence. ibc-go panics on invalid input; here nothing is written and the error is
   * thrown.
   */
  public void initGenesis(BlockContext ctx, GenesisState genesis) {
    ctx.atomically(
        c -> {
          ClientParams params = ClientParams.fromProto(genesis.getParams());
          try {
            params.validate();
          } catch (IbcException e) {
            throw IbcException.plain(
                "invalid ibc client genesis state parameters: " + e.getMessage());
          }
          keeper.setParams(c, params);
          if (genesis.getClientsMetadataCount() != 0) {
            keeper.setAllClientMetadata(c, genesis.getClientsMetadataList());
          }
          for (IdentifiedClientState client : genesis.getClientsList()) {
            ClientState cs =
                unpack(client.getClientState(), ClientInterfaces.CLIENT_STATE)
                    .orElseThrow(() -> IbcException.plain("invalid client state"));
            if (!params.isAllowedClient(cs.clientType())) {
              throw IbcException.plainf(
                  "client state type %s is not registered on the allowlist", cs.clientType());
            }
            keeper.setClientState(c, client.getClientId(), client.getClientState());
          }
          for (ClientConsensusStates states : genesis.getClientsConsensusList()) {
            for (ConsensusStateWithHeight cs : states.getConsensusStatesList()) {
              Height height = Height.fromProto(cs.getHeight());
              if (unpack(cs.getConsensusState(), ClientInterfaces.CONSENSUS_STATE).isEmpty()) {
                throw IbcException.plainf(
                    "invalid consensus state with client ID %s at height %s",
                    states.getClientId(), height);
              }
              keeper.setClientConsensusState(
                  c, states.getClientId(), height, cs.getConsensusState());
            }
          }
          keeper.setNextClientSequence(c, genesis.getNextClientSequence());
          return null;
        });
  }

  /** {@code ExportGenesis}. */
  public GenesisState exportGenesis(BlockContext ctx) {
    List<IdentifiedClientState> clients = keeper.getAllGenesisClients(ctx);
    return GenesisState.newBuilder()
        .addAllClients(clients)
        .addAllClientsMetadata(keeper.getAllClientMetadata(ctx, clients))
        .addAllClientsConsensus(keeper.getAllConsensusStates(ctx))
        .setParams(keeper.getParams(ctx).toProto())
        .setCreateLocalhost(false)
        .setNextClientSequence(keeper.getNextClientSequence(ctx))
        .build();
  }

  /** {@code GenesisState.Validate}: plain errors with ibc-go's texts. */
  public void validate(GenesisState genesis) {
    long maxSequence = 0;
    ClientParams params = ClientParams.fromProto(genesis.getParams());
    params.validate();
    Map<String, String> validClients = new HashMap<>();
    for (int i = 0; i < genesis.getClientsCount(); i++) {
      IdentifiedClientState client = genesis.getClients(i);
      try {
        Identifiers.validateClientIdentifier(client.getClientId());
      } catch (IbcException e) {
        throw IbcException.plainf(
            "invalid client consensus state identifier %s index %d: %s",
            client.getClientId(), i, e.getMessage());
      }
      ClientState cs =
          unpackQuietly(client.getClientState(), ClientInterfaces.CLIENT_STATE)
              .orElseThrow(
                  () ->
                      IbcException.plainf("invalid client state with ID %s", client.getClientId()));
      if (!params.isAllowedClient(cs.clientType())) {
        throw IbcException.plainf("client type %s not allowed by genesis params", cs.clientType());
      }
      try {
        cs.validate();
      } catch (IbcException e) {
        throw IbcException.plainf(
            "invalid client %s index %d: %s", client.getClientId(), i, e.getMessage());
      }
      ClientIdentifiers.ParsedClientId parsed = ClientIdentifiers.parse(client.getClientId());
      if (!parsed.clientType().equals(cs.clientType())) {
        throw IbcException.plainf(
            "client state type %s does not equal client type in client identifier %s",
            cs.clientType(), parsed.clientType());
      }
      ClientIdentifiers.validateClientType(parsed.clientType());
      if (Long.compareUnsigned(parsed.sequence(), maxSequence) > 0) {
        maxSequence = parsed.sequence();
      }
      validClients.put(client.getClientId(), cs.clientType());
    }
    for (ClientConsensusStates cc : genesis.getClientsConsensusList()) {
      String clientType = validClients.get(cc.getClientId());
      if (clientType == null) {
        throw IbcException.plainf(
            "consensus state in genesis has a client id %s that does not map to a genesis client",
            cc.getClientId());
      }
      for (int i = 0; i < cc.getConsensusStatesCount(); i++) {
        ConsensusStateWithHeight cswh = cc.getConsensusStates(i);
        Height height = Height.fromProto(cswh.getHeight());
        if (height.isZero()) {
          throw IbcException.plain("consensus state height cannot be zero");
        }
        ConsensusState cs =
            unpackQuietly(cswh.getConsensusState(), ClientInterfaces.CONSENSUS_STATE)
                .orElseThrow(
                    () ->
                        IbcException.plainf(
                            "invalid consensus state with client ID %s at height %s",
                            cc.getClientId(), height));
        try {
          cs.validateBasic();
        } catch (IbcException e) {
          throw IbcException.plainf(
              "invalid client consensus state %s clientID %s index %d: %s",
              cs, cc.getClientId(), i, e.getMessage());
        }
        if (!clientType.equals(cs.clientType())) {
          throw IbcException.plainf(
              "consensus state client type %s does not equal client state client type %s",
              cs.clientType(), clientType);
        }
      }
    }
    for (IdentifiedGenesisMetadata metadata : genesis.getClientsMetadataList()) {
      if (!validClients.containsKey(metadata.getClientId())) {
        throw IbcException.plainf(
            "metadata in genesis has a client id %s that does not map to a genesis client",
            metadata.getClientId());
      }
      for (int i = 0; i < metadata.getClientMetadataCount(); i++) {
        GenesisMetadata gm = metadata.getClientMetadata(i);
        String problem =
            gm.getKey().isEmpty()
                ? "genesis metadata key cannot be empty"
                : gm.getValue().isEmpty() ? "genesis metadata value cannot be empty" : null;
        if (problem != null) {
          throw IbcException.plainf(
              "invalid client metadata %s clientID %s index %d: %s",
              gm, metadata.getClientId(), i, problem);
        }
      }
    }
    if (maxSequence != 0
        && Long.compareUnsigned(maxSequence, genesis.getNextClientSequence()) >= 0) {
      throw IbcException.plainf(
          "next client identifier sequence %s must be greater than the maximum sequence used in"
              + " the provided client identifiers %s",
          Long.toUnsignedString(genesis.getNextClientSequence()),
          Long.toUnsignedString(maxSequence));
    }
  }

  private <T> Optional<T> unpack(Any any, io.wasm08.core.codec.AnyInterface<T> iface) {
    return codec.unpack(any, iface);
  }

  /** Decoding failures count as "not of the interface", as a missing cached value does in Go. */
  private <T> Optional<T> unpackQuietly(Any any, io.wasm08.core.codec.AnyInterface<T> iface) {
    try {
      return codec.unpack(any, iface);
    } catch (IbcException e) {
      return Optional.empty();
    }
  }
}
