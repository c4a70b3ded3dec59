package io.wasm08.node.cli;

import ibc.core.client.v1.QueryGrpc;
import ibc.core.client.v1.QueryOuterClass.QueryClientParamsRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStateRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatesRequest;
import ibc.core.client.v1.QueryOuterClass.QueryClientStatusRequest;
import ibc.core.client.v1.QueryOuterClass.QueryConsensusStateRequest;
import io.wasm08.core.client.Height;
import io.wasm08.node.client.NodeClient;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code wasm08 query …}: read a running node's state over gRPC. */
@Command(
    name = "query",
    aliases = "q",
    mixinStandardHelpOptions = true,
    description = "Query a running node.",
    subcommands = {QueryCommand.Ibc.class, WasmCommands.Query.class, GovCommands.Query.class})
public final class QueryCommand extends CommandGroup {
  @Command(
      name = "ibc",
      mixinStandardHelpOptions = true,
      description = "IBC queries.",
      subcommands = {Client.class})
  static final class Ibc extends CommandGroup {}

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = "ICS-02 client queries (ibc.core.client.v1.Query).",
      subcommands = {
        State.class,
        States.class,
        ConsensusState.class,
        ClientStatus.class,
        Params.class
      })
  static final class Client extends CommandGroup {}

  abstract static class Base extends ProtoQuery {
    abstract com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub);

    @Override
    final com.google.protobuf.Message query(NodeClient node, io.grpc.Channel channel) {
      return query(QueryGrpc.newBlockingStub(channel));
    }
  }

  @Command(name = "state", mixinStandardHelpOptions = true, description = "A client's state.")
  static final class State extends Base {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.clientState(QueryClientStateRequest.newBuilder().setClientId(clientId).build());
    }
  }

  @Command(name = "states", mixinStandardHelpOptions = true, description = "All client states.")
  static final class States extends Base {
    @Override
    com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.clientStates(QueryClientStatesRequest.getDefaultInstance());
    }
  }

  @Command(
      name = "consensus-state",
      mixinStandardHelpOptions = true,
      description = "A client's consensus state at HEIGHT ({rev}-{height}), or the latest.")
  static final class ConsensusState extends Base {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Parameters(index = "1", arity = "0..1", paramLabel = "HEIGHT")
    String height;

    @Option(
        names = "--latest-height",
        description = "The consensus state at the client's latest height")
    boolean latest;

    @Override
    com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub) {
      QueryConsensusStateRequest.Builder b =
          QueryConsensusStateRequest.newBuilder().setClientId(clientId);
      if (height == null || latest) {
        b.setLatestHeight(true);
      } else {
        Height h = Height.parse(height);
        b.setRevisionNumber(h.revisionNumber()).setRevisionHeight(h.revisionHeight());
      }
      return stub.consensusState(b.build());
    }
  }

  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      description = "A client's status (Active, Frozen, Expired, Unknown, Unauthorized).")
  static final class ClientStatus extends Base {
    @Parameters(paramLabel = "CLIENT_ID")
    String clientId;

    @Override
    com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.clientStatus(QueryClientStatusRequest.newBuilder().setClientId(clientId).build());
    }
  }

  @Command(
      name = "params",
      mixinStandardHelpOptions = true,
      description = "02-client params (allowed clients).")
  static final class Params extends Base {
    @Override
    com.google.protobuf.Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.clientParams(QueryClientParamsRequest.getDefaultInstance());
    }
  }
}
