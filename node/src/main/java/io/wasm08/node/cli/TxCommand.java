package io.wasm08.node.cli;

import com.google.protobuf.Any;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import ibc.core.client.v1.Tx.MsgCreateClient;
import ibc.core.client.v1.Tx.MsgUpdateClient;
import ibc.core.client.v1.Tx.MsgUpgradeClient;
import io.wasm08.common.Bytes;
import io.wasm08.node.NodeErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code wasm08 tx …}: sign and broadcast transactions to a running node. */
@Command(
    name = "tx",
    mixinStandardHelpOptions = true,
    description = "Sign and broadcast transactions.",
    subcommands = {TxCommand.Ibc.class, WasmCommands.Tx.class, GovCommands.Tx.class})
public final class TxCommand extends CommandGroup {
  @Command(
      name = "ibc",
      mixinStandardHelpOptions = true,
      description = "IBC transactions.",
      subcommands = {Client.class})
  static final class Ibc extends CommandGroup {}

  @Command(
      name = "client",
      mixinStandardHelpOptions = true,
      description = "ICS-02 client transactions.",
      subcommands = {Create.class, Update.class, Upgrade.class, Recover.class})
  static final class Client extends CommandGroup {}

  /** An {@code Any} from a JSON file ({@code {"@type": "/…", …}}) or inline JSON. */
  static Any readAny(String fileOrJson) {
    String json;
    try {
      Path p = Path.of(fileOrJson);
      json = Files.exists(p) ? Files.readString(p, StandardCharsets.UTF_8) : fileOrJson;
    } catch (IOException | java.nio.file.InvalidPathException e) {
      json = fileOrJson;
    }
    Any.Builder b = Any.newBuilder();
    try {
      JsonFormat.parser().usingTypeRegistry(CliTypes.REGISTRY).merge(json, b);
    } catch (InvalidProtocolBufferException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("not a protobuf JSON Any: " + e.getMessage());
    }
    return b.build();
  }

  static String signer(TxOptions o) {
    return io.wasm08.node.keys.Keyring.open(o.home.nodeHome().keyring())
        .show(o.from)
        .address(KeysCommand.prefix(o.home.nodeHome(), null));
  }

  /** A command that signs with {@code --from} and broadcasts. */
  abstract static class Signed implements Callable<Integer> {
    @Mixin TxOptions tx;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
  }

  /** Broadcasts the one Msg a subcommand builds, signed by the {@code --from} key's address. */
  abstract static class Base extends Signed {
    abstract com.google.protobuf.Message msg(String signer);

    @Override
    public Integer call() {
      TxResponse r =
          TxSubmitter.submit(
              tx,
              List.of(msg(signer(tx))),
              spec.commandLine().getOut(),
              spec.commandLine().getErr());
      return r.getCode() == 0 ? 0 : 1;
    }
  }

  @Command(
      name = "create",
      mixinStandardHelpOptions = true,
      description =
          "Create a client from a client state and a consensus state (JSON Anys or files).")
  static final class Create extends Base {
    @Parameters(index = "0", paramLabel = "CLIENT_STATE")
    String clientState;

    @Parameters(index = "1", paramLabel = "CONSENSUS_STATE")
    String consensusState;

    @Override
    com.google.protobuf.Message msg(String signer) {
      return MsgCreateClient.newBuilder()
          .setClientState(readAny(clientState))
          .setConsensusState(readAny(consensusState))
          .setSigner(signer)
          .build();
    }
  }

  /** A Msg addressed to an existing client, named first on the command line. */
  abstract static class OfClient extends Base {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;
  }

  @Command(
      name = "update",
      mixinStandardHelpOptions = true,
      description =
          "Update a client with a client message (header or misbehaviour; JSON Any or file).")
  static final class Update extends OfClient {
    @Parameters(index = "1", paramLabel = "CLIENT_MESSAGE")
    String message;

    @Override
    com.google.protobuf.Message msg(String signer) {
      return MsgUpdateClient.newBuilder()
          .setClientId(clientId)
          .setClientMessage(readAny(message))
          .setSigner(signer)
          .build();
    }
  }

  @Command(
      name = "upgrade",
      mixinStandardHelpOptions = true,
      description =
          "Upgrade a client with the counterparty's upgraded states and their proofs (base64 or hex).")
  static final class Upgrade extends OfClient {
    @Parameters(index = "1", paramLabel = "CLIENT_STATE")
    String clientState;

    @Parameters(index = "2", paramLabel = "CONSENSUS_STATE")
    String consensusState;

    @Parameters(index = "3", paramLabel = "PROOF_UPGRADE_CLIENT")
    String proofClient;

    @Parameters(index = "4", paramLabel = "PROOF_UPGRADE_CONSENSUS_STATE")
    String proofConsensus;

    @Override
    com.google.protobuf.Message msg(String signer) {
      return MsgUpgradeClient.newBuilder()
          .setClientId(clientId)
          .setClientState(readAny(clientState))
          .setConsensusState(readAny(consensusState))
          .setProofUpgradeClient(bytes(proofClient))
          .setProofUpgradeConsensusState(bytes(proofConsensus))
          .setSigner(signer)
          .build();
    }
  }

  @Command(
      name = "recover",
      mixinStandardHelpOptions = true,
      description =
          "Propose to recover a frozen or expired client from a substitute (governance proposal).")
  static final class Recover extends Signed {
    @Parameters(index = "0", paramLabel = "SUBJECT_CLIENT_ID")
    String subject;

    @Parameters(index = "1", paramLabel = "SUBSTITUTE_CLIENT_ID")
    String substitute;

    @Mixin GovCommands.ProposalOptions proposal;

    @Override
    public Integer call() {
      var msg =
          ibc.core.client.v1.Tx.MsgRecoverClient.newBuilder()
              .setSubjectClientId(subject)
              .setSubstituteClientId(substitute)
              .setSigner(GovCommands.govAuthority(tx))
              .build();
      return proposal.submit(tx, msg, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  static ByteString bytes(String text) {
    try {
      return ByteString.copyFrom(Bytes.fromHex(text).toByteArray());
    } catch (IllegalArgumentException e) {
      return ByteString.copyFrom(Bytes.fromBase64(text).toByteArray());
    }
  }
}
