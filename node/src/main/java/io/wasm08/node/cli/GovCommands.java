package io.wasm08.node.cli;

import com.google.protobuf.Message;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.QueryGrpc;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultRequest;
import cosmos.gov.v1.Tx.MsgDeposit;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import cosmos.gov.v1.Tx.MsgVote;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.node.NodeErrorCode;
import io.wasm08.node.client.NodeClient;
import io.wasm08.node.modules.CoinText;
import io.wasm08.node.modules.Wasm08Modules;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tx gov …} and {@code query gov …}, and the proposal options other commands share. */
final class GovCommands {
  private GovCommands() {}

  /** {@code --title --summary --deposit [--metadata] [--expedited]}: what a proposal carries. */
  static final class ProposalOptions {
    @Option(names = "--title", required = true)
    String title;

    @Option(names = "--summary", required = true)
    String summary;

    @Option(
        names = "--deposit",
        defaultValue = "",
        description = "Initial deposit, e.g. 10000000stake")
    String deposit;

    @Option(names = "--metadata", defaultValue = "")
    String metadata;

    @Option(names = "--expedited")
    boolean expedited;

    @Mixin WaitOptions wait;

    /**
     * Submits {@code msg} (signed by the gov authority) as a proposal from {@code tx}'s key, prints
     * the TxResponse and the proposal id and, with {@code --wait}, the proposal's outcome.
     */
    int submit(TxOptions tx, Message msg, PrintWriter out, PrintWriter err) {
      TxResponse r = TxSubmitter.submit(tx, List.of(proposal(msg, TxCommand.signer(tx))), out, err);
      if (r.getCode() != 0) {
        return 1;
      }
      printProposalId(r, err);
      if (!wait.enabled) {
        return 0;
      }
      long id =
          NodeClient.proposalId(r)
              .orElseThrow(
                  () -> NodeErrorCode.INVALID_CONFIG.wrap("no proposal_id in the tx events"));
      return wait.outcome(tx, id, out, err);
    }

    MsgSubmitProposal proposal(Message msg, String proposer) {
      return MsgSubmitProposal.newBuilder()
          .addMessages(AnyCodec.pack(msg))
          .addAllInitialDeposit(CoinText.parse(deposit).toProto())
          .setProposer(proposer)
          .setTitle(title)
          .setSummary(summary)
          .setMetadata(metadata)
          .setExpedited(expedited)
          .build();
    }
  }

  /** {@code --wait [--proposal-timeout]}: follow a proposal to its outcome. */
  static final class WaitOptions {
    @Option(
        names = "--wait",
        description =
            "Then wait (with a progress line) until the proposal passes, is rejected or fails;"
                + " exit 0 only if it passed")
    boolean enabled;

    @Option(
        names = "--proposal-timeout",
        defaultValue = "PT10M",
        description = "How long --wait waits (default: ${DEFAULT-VALUE})")
    java.time.Duration timeout;

    /** Waits for proposal {@code id}'s outcome, prints the proposal; 0 if it passed. */
    int outcome(TxOptions tx, long id, PrintWriter out, PrintWriter err) {
      cosmos.gov.v1.Gov.Proposal p;
      try (NodeClient c = tx.client.connect();
          Progress progress =
              new Progress(err, "waiting for proposal " + id + " to pass…", votingMillis(c, id))) {
        p = c.waitForProposal(id, timeout, progress::update);
      }
      tx.client.output.print(out, p, CliTypes.REGISTRY);
      if (p.getStatus() != ProposalStatus.PROPOSAL_STATUS_PASSED) {
        err.println(
            "proposal "
                + id
                + " "
                + p.getStatus().name().replace("PROPOSAL_STATUS_", "").toLowerCase(Locale.ROOT)
                + (p.getFailedReason().isEmpty() ? "" : ": " + p.getFailedReason()));
        err.flush();
        return 1;
      }
      err.println("proposal " + id + " passed");
      err.flush();
      return 0;
    }

    /** Wall-clock milliseconds until the voting period ends (0 while still in deposit). */
    private static long votingMillis(NodeClient c, long id) {
      cosmos.gov.v1.Gov.Proposal p = c.proposal(id);
      if (!p.hasVotingEndTime()) {
        return 0;
      }
      long end =
          p.getVotingEndTime().getSeconds() * 1000 + p.getVotingEndTime().getNanos() / 1_000_000;
      return Math.max(0, end - System.currentTimeMillis());
    }
  }

  /** The gov module account under the keyring's chain prefix: the signer of proposal messages. */
  static String govAuthority(TxOptions tx) {
    return Wasm08Modules.govAuthority(
        new io.wasm08.core.crypto.AddressCodec(KeysCommand.prefix(tx.home.nodeHome(), null)));
  }

  /** Prints the proposal id from a committed submit. */
  static void printProposalId(TxResponse r, java.io.PrintWriter err) {
    NodeClient.proposalId(r).ifPresent(id -> err.println("proposal " + id + " submitted"));
    err.flush();
  }

  @Command(
      name = "gov",
      mixinStandardHelpOptions = true,
      description = "Governance transactions.",
      subcommands = {Vote.class, Deposit.class})
  static final class Tx extends CommandGroup {}

  @Command(
      name = "vote",
      mixinStandardHelpOptions = true,
      description = "Vote on a proposal: yes, no, abstain or no_with_veto.")
  static final class Vote extends TxCommand.Base {
    @Parameters(index = "0", paramLabel = "PROPOSAL_ID")
    long id;

    @Parameters(index = "1", paramLabel = "OPTION")
    String option;

    @Mixin WaitOptions wait;

    @Override
    public Integer call() {
      int code = super.call();
      return code != 0 || !wait.enabled
          ? code
          : wait.outcome(tx, id, spec.commandLine().getOut(), spec.commandLine().getErr());
    }

    @Override
    Message msg(String signer) {
      VoteOption o;
      try {
        o = VoteOption.valueOf("VOTE_OPTION_" + option.toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw NodeErrorCode.INVALID_CONFIG.wrap(
            "vote option must be yes, no, abstain or no_with_veto, got " + option);
      }
      return MsgVote.newBuilder().setProposalId(id).setVoter(signer).setOption(o).build();
    }
  }

  @Command(
      name = "deposit",
      mixinStandardHelpOptions = true,
      description = "Deposit on a proposal.")
  static final class Deposit extends TxCommand.Base {
    @Parameters(index = "0", paramLabel = "PROPOSAL_ID")
    long id;

    @Parameters(index = "1", paramLabel = "COINS")
    String coins;

    @Override
    Message msg(String signer) {
      return MsgDeposit.newBuilder()
          .setProposalId(id)
          .setDepositor(signer)
          .addAllAmount(CoinText.parse(coins).toProto())
          .build();
    }
  }

  @Command(
      name = "gov",
      mixinStandardHelpOptions = true,
      description = "Governance queries.",
      subcommands = {Proposal.class, Proposals.class, Tally.class})
  static final class Query extends CommandGroup {}

  abstract static class QueryBase extends ProtoQuery {
    abstract Message query(QueryGrpc.QueryBlockingStub stub);

    @Override
    final Message query(NodeClient node, io.grpc.Channel channel) {
      return query(QueryGrpc.newBlockingStub(channel));
    }
  }

  @Command(name = "proposal", mixinStandardHelpOptions = true, description = "One proposal.")
  static final class Proposal extends QueryBase {
    @Parameters(paramLabel = "PROPOSAL_ID")
    long id;

    @Override
    Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.proposal(QueryProposalRequest.newBuilder().setProposalId(id).build());
    }
  }

  @Command(
      name = "proposals",
      mixinStandardHelpOptions = true,
      description =
          "Proposals, optionally by status (deposit_period, voting_period, passed, rejected, failed).")
  static final class Proposals extends QueryBase {
    @Option(names = "--status")
    String status;

    @Override
    Message query(QueryGrpc.QueryBlockingStub stub) {
      QueryProposalsRequest.Builder b = QueryProposalsRequest.newBuilder();
      if (status != null) {
        b.setProposalStatus(
            ProposalStatus.valueOf("PROPOSAL_STATUS_" + status.toUpperCase(Locale.ROOT)));
      }
      return stub.proposals(b.build());
    }
  }

  @Command(
      name = "tally",
      mixinStandardHelpOptions = true,
      description = "A proposal's tally (live while voting).")
  static final class Tally extends QueryBase {
    @Parameters(paramLabel = "PROPOSAL_ID")
    long id;

    @Override
    Message query(QueryGrpc.QueryBlockingStub stub) {
      return stub.tallyResult(QueryTallyResultRequest.newBuilder().setProposalId(id).build());
    }
  }

  static List<Message> one(Message m) {
    return List.of(m);
  }
}
