package io.wasm08.node.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import cosmos.base.abci.v1beta1.Abci.TxResponse;
import cosmos.base.v1beta1.CoinOuterClass.Coin;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.QueryGrpc;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.gov.v1.Tx.MsgSubmitProposal;
import cosmos.gov.v1.Tx.MsgVote;
import ibc.core.client.v1.Client.Params;
import ibc.core.client.v1.QueryOuterClass.QueryClientParamsRequest;
import ibc.core.client.v1.Tx.MsgUpdateParams;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.tx.TxBuilder;
import io.wasm08.core.tx.TxSigner;
import io.wasm08.node.chain.Node;
import io.wasm08.node.chain.NodeFactory;
import io.wasm08.node.config.GenesisDoc;
import io.wasm08.node.config.NodeKey;
import io.wasm08.node.modules.GenesisOptions;
import io.wasm08.node.modules.Wasm08Modules;
import io.wasm08.node.testing.SteppingClock;
import io.wasm08.node.testing.TestChain;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Governance through the node's tx pipeline: an authority-gated Msg signed by a plain account is
 * refused with the SDK's ErrUnauthorized; the same Msg in a proposal that passes the electorate's
 * vote is executed by the EndBlocker once the voting period (block time from the producer) ends.
 */
class GovernanceFlowTest {
  SteppingClock clock;
  Node node;
  ManagedChannel channel;
  String gov;

  @BeforeEach
  void start() {
    clock = new SteppingClock(TestChain.GENESIS_TIME.plusSeconds(1));
    ObjectNode app = TestChain.genesis(2).appState().deepCopy();
    Wasm08Modules modules = new Wasm08Modules();
    for (var m :
        modules.create(
            io.wasm08.node.chain.NodeFactory.Setup.detached(
                new io.wasm08.core.crypto.AddressCodec("cosmos")))) {
      m.defaultGenesis().forEach(app::set);
    }
    GenesisOptions options = new GenesisOptions("stake", "PT60S", "PT30S", "PT60S", "1000stake");
    options.balances().put(TestChain.address(0), "100000stake");
    options.voters().put(TestChain.address(0), "100");
    Wasm08Modules.customizeGenesis(app, options, "cosmos");
    GenesisDoc genesis = new GenesisDoc(TestChain.GENESIS_TIME, TestChain.CHAIN_ID, 1, app);
    node =
        NodeFactory.inMemory(
            TestChain.config(), genesis, NodeKey.generate(new SecureRandom()), modules, clock);
    node.start(false);
    node.produceBlock();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", node.grpcPort()).usePlaintext().build();
    gov = Wasm08Modules.govAuthority(node.app().addressCodec());
  }

  @AfterEach
  void stop() {
    channel.shutdownNow();
    node.close();
  }

  long sequence;

  TxResponse deliver(com.google.protobuf.Message msg) {
    var tx =
        TxBuilder.create()
            .addMessage(msg)
            .fee(400_000)
            .sign(TestChain.CHAIN_ID, new TxSigner(TestChain.key(0), 0, sequence));
    TxResponse checked = node.broadcastSync(tx.txBytes());
    if (checked.getCode() != 0) {
      return checked;
    }
    sequence++;
    clock.advance(Duration.ofSeconds(1));
    node.produceBlock();
    return node.blockStore().tx(io.wasm08.common.Bytes.fromHex(checked.getTxhash())).orElseThrow();
  }

  Params clientParams() {
    return ibc.core.client.v1.QueryGrpc.newBlockingStub(channel)
        .clientParams(QueryClientParamsRequest.getDefaultInstance())
        .getParams();
  }

  @Test
  void authorityMsgFromAPlainAccountIsUnauthorized() {
    MsgUpdateParams update =
        MsgUpdateParams.newBuilder()
            .setSigner(TestChain.address(0))
            .setParams(Params.newBuilder().addAllowedClients("08-wasm"))
            .build();
    TxResponse r = deliver(update);
    assertThat(r.getCodespace()).isEqualTo("sdk");
    assertThat(r.getCode()).isEqualTo(4);
    assertThat(r.getRawLog())
        .isEqualTo(
            "failed to execute message; message index: 0: invalid authority: expected "
                + gov
                + ", got "
                + TestChain.address(0)
                + ": unauthorized");
    assertThat(clientParams().getAllowedClientsList()).containsExactly("*");
  }

  @Test
  void proposalPassesAndItsMessageRunsWithTheGovAuthority() {
    MsgUpdateParams update =
        MsgUpdateParams.newBuilder()
            .setSigner(gov)
            .setParams(Params.newBuilder().addAllowedClients("08-wasm"))
            .build();
    MsgSubmitProposal submit =
        MsgSubmitProposal.newBuilder()
            .addMessages(AnyCodec.pack(update))
            .addInitialDeposit(Coin.newBuilder().setDenom("stake").setAmount("1000"))
            .setProposer(TestChain.address(0))
            .setTitle("allow 08-wasm only")
            .setSummary("restrict the allowed clients")
            .build();
    TxResponse submitted = deliver(submit);
    assertThat(submitted.getCode()).as(submitted.getRawLog()).isZero();
    assertThat(submitted.getEventsList()).anyMatch(e -> e.getType().equals("submit_proposal"));
    TxResponse voted =
        deliver(
            MsgVote.newBuilder()
                .setProposalId(1)
                .setVoter(TestChain.address(0))
                .setOption(VoteOption.VOTE_OPTION_YES)
                .build());
    assertThat(voted.getCode()).as(voted.getRawLog()).isZero();
    var proposals = QueryGrpc.newBlockingStub(channel);
    assertThat(
            proposals
                .proposal(QueryProposalRequest.newBuilder().setProposalId(1).build())
                .getProposal()
                .getStatus())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
    assertThat(clientParams().getAllowedClientsList()).containsExactly("*");

    clock.advance(Duration.ofSeconds(61));
    node.produceBlock();
    var proposal =
        proposals
            .proposal(QueryProposalRequest.newBuilder().setProposalId(1).build())
            .getProposal();
    assertThat(proposal.getStatus())
        .as(proposal.getFailedReason())
        .isEqualTo(ProposalStatus.PROPOSAL_STATUS_PASSED);
    assertThat(clientParams().getAllowedClientsList()).containsExactly("08-wasm");
    assertThat(List.of(proposal.getFinalTallyResult().getYesCount())).containsExactly("100");
  }
}
