package io.wasm08.node.cli;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import ibc.lightclients.wasm.v1.QueryChecksumsRequest;
import ibc.lightclients.wasm.v1.QueryCodeRequest;
import ibc.lightclients.wasm.v1.QueryCodeResponse;
import ibc.lightclients.wasm.v1.QueryGrpc;
import io.wasm08.common.Bytes;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.client.NodeClient;
import io.wasm08.wasm.types.WasmMsgs;
import io.wasm08.wasm.types.WasmValidation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code tx ibc-wasm …} and {@code query ibc-wasm …}, as ibc-go's 08-wasm CLI: the three Msgs are
 * authority-gated, so each is submitted inside a governance proposal signed by {@code --from} with
 * the gov module account (or {@code --authority}) as the Msg's signer.
 */
final class WasmCommands {
  private WasmCommands() {}

  @Command(
      name = "ibc-wasm",
      mixinStandardHelpOptions = true,
      description = "08-wasm proposals (store, migrate, remove light-client code).",
      subcommands = {StoreCode.class, MigrateContract.class, RemoveChecksum.class})
  static final class Tx extends CommandGroup {}

  /** A proposal carrying one 08-wasm Msg, validated locally before anything is signed. */
  abstract static class ProposalBase implements Callable<Integer> {
    @Mixin TxOptions tx;
    @Mixin GovCommands.ProposalOptions proposal;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Option(
        names = "--authority",
        description = "The 08-wasm authority that signs the Msg (default: the gov module account)")
    String authority;

    abstract Message msg(String authority);

    abstract void validateBasic(Message msg, String bech32Prefix);

    @Override
    public Integer call() {
      String prefix = KeysCommand.prefix(tx.home.nodeHome(), null);
      String signer = authority != null ? authority : GovCommands.govAuthority(tx);
      if (authority != null) {
        new AddressCodec(prefix).stringToBytes(authority);
      }
      Message msg = msg(signer);
      validateBasic(msg, prefix);
      return proposal.submit(tx, msg, spec.commandLine().getOut(), spec.commandLine().getErr());
    }
  }

  @Command(
      name = "store-code",
      mixinStandardHelpOptions = true,
      description =
          "Reads wasm code from the file (raw or gzip) and creates a proposal to store the wasm"
              + " code.")
  static final class StoreCode extends ProposalBase {
    @Parameters(paramLabel = "FILE", description = "path/to/wasm-file")
    Path file;

    @Override
    Message msg(String authority) {
      byte[] code;
      try {
        if (Files.size(file) > WasmFiles.MAX_CODE_BYTES) {
          throw NodeErrorCode.INVALID_CONFIG.wrap(
              file + " exceeds " + WasmFiles.MAX_CODE_BYTES + " bytes");
        }
        code = Files.readAllBytes(file);
      } catch (IOException e) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("cannot read " + file + ": " + e.getMessage());
      }
      return MsgStoreCode.newBuilder()
          .setSigner(authority)
          .setWasmByteCode(ByteString.copyFrom(code))
          .build();
    }

    @Override
    void validateBasic(Message msg, String prefix) {
      WasmMsgs.validateBasic((MsgStoreCode) msg, prefix);
    }
  }

  @Command(
      name = "migrate-contract",
      mixinStandardHelpOptions = true,
      description =
          "Proposes to migrate the client's contract to the code of CHECKSUM, passing the JSON"
              + " migrate message to the contract.")
  static final class MigrateContract extends ProposalBase {
    @Parameters(index = "0", paramLabel = "CLIENT_ID")
    String clientId;

    @Parameters(index = "1", paramLabel = "CHECKSUM", description = "hex")
    String checksum;

    @Parameters(index = "2", paramLabel = "MIGRATE_MSG", description = "JSON, e.g. {}")
    String migrateMsg;

    @Override
    Message msg(String authority) {
      return MsgMigrateContract.newBuilder()
          .setSigner(authority)
          .setClientId(clientId)
          .setChecksum(checksumBytes(checksum))
          .setMsg(ByteString.copyFrom(migrateMsg, StandardCharsets.UTF_8))
          .build();
    }

    @Override
    void validateBasic(Message msg, String prefix) {
      WasmMsgs.validateBasic((MsgMigrateContract) msg, prefix);
    }
  }

  @Command(
      name = "remove-checksum",
      mixinStandardHelpOptions = true,
      description = "Proposes to remove a checksum from the stored codes.")
  static final class RemoveChecksum extends ProposalBase {
    @Parameters(paramLabel = "CHECKSUM", description = "hex")
    String checksum;

    @Override
    Message msg(String authority) {
      return MsgRemoveChecksum.newBuilder()
          .setSigner(authority)
          .setChecksum(checksumBytes(checksum))
          .build();
    }

    @Override
    void validateBasic(Message msg, String prefix) {
      WasmMsgs.validateBasic((MsgRemoveChecksum) msg, prefix);
    }
  }

  static ByteString checksumBytes(String hex) {
    Bytes b;
    try {
      b = Bytes.fromHex(hex);
    } catch (IllegalArgumentException e) {
      throw NodeErrorCode.INVALID_CONFIG.wrap("invalid checksum format: " + e.getMessage());
    }
    WasmValidation.validateWasmChecksum(b);
    return ByteString.copyFrom(b.toByteArray());
  }

  @Command(
      name = "ibc-wasm",
      mixinStandardHelpOptions = true,
      description = "08-wasm queries (ibc.lightclients.wasm.v1.Query).",
      subcommands = {Checksums.class, Code.class})
  static final class Query extends CommandGroup {}

  @Command(
      name = "checksums",
      mixinStandardHelpOptions = true,
      description = "The checksums (hex) of all stored codes.")
  static final class Checksums extends ProtoQuery {
    @Override
    Message query(NodeClient node, io.grpc.Channel channel) {
      return QueryGrpc.newBlockingStub(channel)
          .checksums(QueryChecksumsRequest.getDefaultInstance());
    }
  }

  @Command(
      name = "code",
      mixinStandardHelpOptions = true,
      description = "The code stored under CHECKSUM (hex); --out writes the raw bytes to a file.")
  static final class Code implements Callable<Integer> {
    @Mixin ClientOptions client;
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Parameters(paramLabel = "CHECKSUM")
    String checksum;

    @Option(names = "--out", paramLabel = "FILE", description = "Write the code to FILE")
    Path out;

    @Override
    public Integer call() {
      QueryCodeResponse code;
      try (NodeClient c = client.connect()) {
        code =
            QueryGrpc.newBlockingStub(c.channel())
                .code(QueryCodeRequest.newBuilder().setChecksum(checksum).build());
      }
      if (out == null) {
        client.output.print(spec.commandLine().getOut(), code, CliTypes.REGISTRY);
        return 0;
      }
      try {
        Files.write(out, code.getData().toByteArray());
      } catch (IOException e) {
        throw NodeErrorCode.INVALID_CONFIG.wrap("cannot write " + out + ": " + e.getMessage());
      }
      spec.commandLine().getOut().println(code.getData().size() + " bytes written to " + out);
      spec.commandLine().getOut().flush();
      return 0;
    }
  }
}
