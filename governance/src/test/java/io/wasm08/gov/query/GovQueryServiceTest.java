package io.wasm08.gov.query;

import static io.wasm08.gov.testing.GovTestChain.GOV;
import static io.wasm08.gov.testing.GovTestChain.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.api.AnnotationsProto;
import com.google.protobuf.ByteString;
import com.google.protobuf.Descriptors.MethodDescriptor;
import cosmos.bank.v1beta1.QueryOuterClass.QueryAllBalancesRequest;
import cosmos.bank.v1beta1.QueryOuterClass.QueryBalanceRequest;
import cosmos.base.query.v1beta1.Pagination.PageRequest;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.TallyResult;
import cosmos.gov.v1.Gov.VoteOption;
import cosmos.gov.v1.QueryGrpc;
import cosmos.gov.v1.QueryOuterClass.QueryConstitutionRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryParamsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryParamsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVoteRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVotesRequest;
import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.wasm08.gov.keeper.GovKeys;
import io.wasm08.gov.testing.GovTestChain;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The gov (and bank balance) Query services served in-process over gRPC, against a chain with five
 * proposals: 1 passed, 2 rejected, 3 voting (A yes, B no), 4 deposit period, 5 voting with no
 * votes. Codes and texts follow SDK v0.50 {@code grpc_query.go}; paths follow the {@code
 * google.api.http} annotations of the reference (gov-grpc-tx.md §1.8).
 */
class GovQueryServiceTest {
  static final String A = account("a");
  static final String B = account("b");
  static final String PROPOSER = account("proposer");
  static final String OTHER = account("other");

  static GovTestChain chain;
  static Server server;
  static ManagedChannel channel;
  static QueryGrpc.QueryBlockingStub gov;
  static cosmos.bank.v1beta1.QueryGrpc.QueryBlockingStub bank;

  @BeforeAll
  static void start() throws IOException {
    chain =
        GovTestChain.builder()
            .voter(A, 60)
            .voter(B, 40)
            .balance(PROPOSER, 100_000_000)
            .balance(OTHER, 1_000_000)
            .build();
    long p1 = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("1").build());
    long p2 = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("2").build());
    chain.vote(p1, A, VoteOption.VOTE_OPTION_YES);
    chain.vote(p2, B, VoteOption.VOTE_OPTION_NO);
    chain.advanceAndEndBlock(Duration.ofHours(48));
    long p3 = chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("3").build());
    chain.vote(p3, A, VoteOption.VOTE_OPTION_YES);
    chain.vote(p3, B, VoteOption.VOTE_OPTION_NO);
    chain.deposit(p3, OTHER, 500_000);
    chain.submit(GovTestChain.proposal(PROPOSER, 100_000).setMetadata("4").build());
    chain.submit(GovTestChain.proposal(PROPOSER, 10_000_000).setMetadata("5").build());

    String name = InProcessServerBuilder.generateName();
    server =
        InProcessServerBuilder.forName(name)
            .directExecutor()
            .addService(new GovQueryService(new GovQueryServer(chain.keeper), chain::ctx))
            .addService(new BankQueryService(new BankQueryServer(chain.bank), chain::ctx))
            .build()
            .start();
    channel = InProcessChannelBuilder.forName(name).directExecutor().build();
    gov = QueryGrpc.newBlockingStub(channel);
    bank = cosmos.bank.v1beta1.QueryGrpc.newBlockingStub(channel);
  }

  @AfterAll
  static void stop() {
    channel.shutdownNow();
    server.shutdownNow();
  }

  @Test
  void proposalIsTheStoredOne() {
    Proposal p =
        gov.proposal(QueryProposalRequest.newBuilder().setProposalId(3).build()).getProposal();
    assertThat(p).isEqualTo(chain.proposal(3));
    assertThat(p.getStatus()).isEqualTo(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD);
  }

  static List<Long> ids(QueryProposalsResponse r) {
    return r.getProposalsList().stream().map(Proposal::getId).toList();
  }

  static Stream<Arguments> proposalQueries() {
    return Stream.of(
        Arguments.of(
            "all, with the total (no limit given)",
            QueryProposalsRequest.newBuilder(),
            List.of(1L, 2L, 3L, 4L, 5L),
            5L,
            null),
        Arguments.of(
            "in voting period",
            QueryProposalsRequest.newBuilder()
                .setProposalStatus(ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD),
            List.of(3L, 5L),
            2L,
            null),
        Arguments.of(
            "passed",
            QueryProposalsRequest.newBuilder()
                .setProposalStatus(ProposalStatus.PROPOSAL_STATUS_PASSED),
            List.of(1L),
            1L,
            null),
        Arguments.of(
            "voted on by B (votes of tallied proposals are gone)",
            QueryProposalsRequest.newBuilder().setVoter(B),
            List.of(3L),
            1L,
            null),
        Arguments.of(
            "deposited by OTHER",
            QueryProposalsRequest.newBuilder().setDepositor(OTHER),
            List.of(3L),
            1L,
            null),
        Arguments.of(
            "first page of 2: next key is proposal 3's key",
            QueryProposalsRequest.newBuilder().setPagination(PageRequest.newBuilder().setLimit(2)),
            List.of(1L, 2L),
            0L,
            GovKeys.uint64(3).toByteArray()),
        Arguments.of(
            "page by key",
            QueryProposalsRequest.newBuilder()
                .setPagination(
                    PageRequest.newBuilder()
                        .setLimit(2)
                        .setKey(ByteString.copyFrom(GovKeys.uint64(3).toByteArray()))),
            List.of(3L, 4L),
            0L,
            GovKeys.uint64(5).toByteArray()),
        Arguments.of(
            "offset 3 with the total",
            QueryProposalsRequest.newBuilder()
                .setPagination(
                    PageRequest.newBuilder().setOffset(3).setLimit(5).setCountTotal(true)),
            List.of(4L, 5L),
            5L,
            null),
        Arguments.of(
            "reverse",
            QueryProposalsRequest.newBuilder()
                .setPagination(PageRequest.newBuilder().setLimit(2).setReverse(true)),
            List.of(5L, 4L),
            0L,
            GovKeys.uint64(3).toByteArray()),
        Arguments.of(
            "offset past the end: an empty page without total (collections pagination)",
            QueryProposalsRequest.newBuilder()
                .setPagination(
                    PageRequest.newBuilder().setOffset(9).setCountTotal(true).setLimit(1)),
            List.of(),
            0L,
            null),
        Arguments.of(
            "an unknown status filters nothing",
            QueryProposalsRequest.newBuilder().setProposalStatusValue(42),
            List.of(1L, 2L, 3L, 4L, 5L),
            5L,
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("proposalQueries")
  void proposalsFilterAndPaginate(
      String name,
      QueryProposalsRequest.Builder req,
      List<Long> expected,
      long total,
      byte[] nextKey) {
    QueryProposalsResponse r = gov.proposals(req.build());
    assertThat(ids(r)).isEqualTo(expected);
    assertThat(r.getPagination().getTotal()).isEqualTo(total);
    assertThat(r.getPagination().getNextKey().toByteArray())
        .isEqualTo(nextKey == null ? new byte[0] : nextKey);
  }

  @Test
  void votesAndDeposits() {
    var votes = gov.votes(QueryVotesRequest.newBuilder().setProposalId(3).build());
    assertThat(votes.getVotesList()).extracting(v -> v.getVoter()).containsExactlyInAnyOrder(A, B);
    assertThat(votes.getPagination().getTotal()).isEqualTo(2);
    var firstVote =
        gov.votes(
            QueryVotesRequest.newBuilder()
                .setProposalId(3)
                .setPagination(PageRequest.newBuilder().setLimit(1))
                .build());
    // next_key is relative to the proposal's pair prefix: the length-prefixed voter address.
    assertThat(firstVote.getPagination().getNextKey().byteAt(0)).isEqualTo((byte) 20);
    assertThat(firstVote.getPagination().getNextKey().size()).isEqualTo(21);
    assertThat(
            gov.vote(QueryVoteRequest.newBuilder().setProposalId(3).setVoter(B).build())
                .getVote()
                .getOptions(0)
                .getOption())
        .isEqualTo(VoteOption.VOTE_OPTION_NO);
    var deposits = gov.deposits(QueryDepositsRequest.newBuilder().setProposalId(3).build());
    assertThat(deposits.getDepositsList())
        .extracting(d -> d.getDepositor())
        .containsExactlyInAnyOrder(PROPOSER, OTHER);
    assertThat(
            gov.deposit(
                    QueryDepositRequest.newBuilder().setProposalId(3).setDepositor(OTHER).build())
                .getDeposit()
                .getAmount(0)
                .getAmount())
        .isEqualTo("500000");
  }

  @Test
  void tallyResultIsZeroLiveOrFinal() {
    Function<Long, TallyResult> tally =
        id ->
            gov.tallyResult(QueryTallyResultRequest.newBuilder().setProposalId(id).build())
                .getTally();
    assertThat(tally.apply(4L)).isEqualTo(io.wasm08.gov.keeper.Tally.empty());
    TallyResult live = tally.apply(3L);
    assertThat(live.getYesCount()).isEqualTo("60");
    assertThat(live.getNoCount()).isEqualTo("40");
    // The live tally does not delete the votes it counts.
    assertThat(chain.keeper.store(chain.ctx()).votes(3)).hasSize(2);
    assertThat(tally.apply(1L)).isEqualTo(chain.proposal(1).getFinalTallyResult());
    assertThat(tally.apply(1L).getYesCount()).isEqualTo("60");
  }

  @Test
  void paramsByType() {
    QueryParamsResponse all = gov.params(QueryParamsRequest.getDefaultInstance());
    assertThat(all.getParams()).isEqualTo(chain.params());
    assertThat(all.hasVotingParams() || all.hasDepositParams() || all.hasTallyParams()).isFalse();
    assertThat(
            gov.params(QueryParamsRequest.newBuilder().setParamsType("voting").build())
                .getVotingParams()
                .getVotingPeriod())
        .isEqualTo(chain.params().getVotingPeriod());
    assertThat(
            gov.params(QueryParamsRequest.newBuilder().setParamsType("tallying").build())
                .getTallyParams()
                .getQuorum())
        .isEqualTo("0.334000000000000000");
    assertThat(
            gov.params(QueryParamsRequest.newBuilder().setParamsType("deposit").build())
                .getDepositParams()
                .getMinDepositList())
        .isEqualTo(chain.params().getMinDepositList());
    assertThat(gov.constitution(QueryConstitutionRequest.getDefaultInstance()).getConstitution())
        .isEmpty();
  }

  static Stream<Arguments> errors() {
    return Stream.<Arguments>of(
        Arguments.of(
            "proposal 0",
            (Runnable) () -> gov.proposal(QueryProposalRequest.getDefaultInstance()),
            Status.Code.INVALID_ARGUMENT,
            "proposal id can not be 0"),
        Arguments.of(
            "unknown proposal",
            (Runnable)
                () -> gov.proposal(QueryProposalRequest.newBuilder().setProposalId(99).build()),
            Status.Code.NOT_FOUND,
            "proposal 99 doesn't exist"),
        Arguments.of(
            "tally of an unknown proposal",
            (Runnable)
                () ->
                    gov.tallyResult(QueryTallyResultRequest.newBuilder().setProposalId(99).build()),
            Status.Code.NOT_FOUND,
            "proposal 99 doesn't exist"),
        Arguments.of(
            "votes of proposal 0",
            (Runnable) () -> gov.votes(QueryVotesRequest.getDefaultInstance()),
            Status.Code.INVALID_ARGUMENT,
            "proposal id can not be 0"),
        Arguments.of(
            "vote without voter",
            (Runnable) () -> gov.vote(QueryVoteRequest.newBuilder().setProposalId(3).build()),
            Status.Code.INVALID_ARGUMENT,
            "empty voter address"),
        Arguments.of(
            "vote not cast",
            (Runnable)
                () -> gov.vote(QueryVoteRequest.newBuilder().setProposalId(5).setVoter(A).build()),
            Status.Code.INVALID_ARGUMENT,
            "voter: " + A + " not found for proposal: 5"),
        Arguments.of(
            "vote with a malformed voter",
            (Runnable)
                () ->
                    gov.vote(QueryVoteRequest.newBuilder().setProposalId(3).setVoter("x").build()),
            Status.Code.UNKNOWN,
            "decoding bech32 failed: invalid bech32 string length 1"),
        Arguments.of(
            "deposit without depositor",
            (Runnable) () -> gov.deposit(QueryDepositRequest.newBuilder().setProposalId(3).build()),
            Status.Code.INVALID_ARGUMENT,
            "empty depositor address"),
        Arguments.of(
            "deposit not made",
            (Runnable)
                () ->
                    gov.deposit(
                        QueryDepositRequest.newBuilder()
                            .setProposalId(5)
                            .setDepositor(OTHER)
                            .build()),
            Status.Code.NOT_FOUND,
            "collections: not found: key '(\"5\", \""
                + OTHER
                + "\")' of type github.com/cosmos/gogoproto/cosmos.gov.v1.Deposit"),
        Arguments.of(
            "unknown params type",
            (Runnable)
                () -> gov.params(QueryParamsRequest.newBuilder().setParamsType("bogus").build()),
            Status.Code.INVALID_ARGUMENT,
            "unknown params type: bogus"),
        Arguments.of(
            "offset and key together",
            (Runnable)
                () ->
                    gov.proposals(
                        QueryProposalsRequest.newBuilder()
                            .setPagination(
                                PageRequest.newBuilder()
                                    .setOffset(1)
                                    .setKey(ByteString.copyFromUtf8("k")))
                            .build()),
            Status.Code.INTERNAL,
            "invalid request, either offset or key is expected, got both"),
        Arguments.of(
            "proposals by a malformed voter",
            (Runnable)
                () -> gov.proposals(QueryProposalsRequest.newBuilder().setVoter("x").build()),
            Status.Code.INTERNAL,
            "decoding bech32 failed: invalid bech32 string length 1"),
        Arguments.of(
            "balance of an invalid denom",
            (Runnable)
                () ->
                    bank.balance(
                        QueryBalanceRequest.newBuilder().setAddress(A).setDenom("x").build()),
            Status.Code.INVALID_ARGUMENT,
            "invalid denom: x"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("errors")
  void errorsCarryUpstreamCodesAndTexts(
      String name, Runnable call, Status.Code code, String message) {
    assertThatThrownBy(call::run)
        .isInstanceOfSatisfying(
            StatusRuntimeException.class,
            e -> {
              assertThat(e.getStatus().getCode()).isEqualTo(code);
              assertThat(e.getStatus().getDescription()).isEqualTo(message);
            });
  }

  @Test
  void balances() {
    assertThat(
            bank.balance(
                    QueryBalanceRequest.newBuilder().setAddress(OTHER).setDenom("stake").build())
                .getBalance()
                .getAmount())
        .isEqualTo("500000");
    var all = bank.allBalances(QueryAllBalancesRequest.newBuilder().setAddress(GOV).build());
    // Deposits of proposals 3, 4 and 5 are escrowed.
    assertThat(all.getBalancesList())
        .containsExactly(io.wasm08.gov.bank.Coin.of("stake", 20_600_000).toProto());
  }

  /** The REST routes are the reference's (gov-grpc-tx.md §1.8). */
  @ParameterizedTest(name = "{0}")
  @MethodSource
  void restAnnotations(String method, String path) {
    MethodDescriptor m =
        QueryGrpc.getServiceDescriptor() == null
            ? null
            : cosmos.gov.v1.QueryOuterClass.getDescriptor()
                .findServiceByName("Query")
                .findMethodByName(method);
    assertThat(m.getOptions().getExtension(AnnotationsProto.http).getGet()).isEqualTo(path);
  }

  static Stream<Arguments> restAnnotations() {
    return Map.of(
            "Constitution", "/cosmos/gov/v1/constitution",
            "Proposal", "/cosmos/gov/v1/proposals/{proposal_id}",
            "Proposals", "/cosmos/gov/v1/proposals",
            "Vote", "/cosmos/gov/v1/proposals/{proposal_id}/votes/{voter}",
            "Votes", "/cosmos/gov/v1/proposals/{proposal_id}/votes",
            "Params", "/cosmos/gov/v1/params/{params_type}",
            "Deposit", "/cosmos/gov/v1/proposals/{proposal_id}/deposits/{depositor}",
            "Deposits", "/cosmos/gov/v1/proposals/{proposal_id}/deposits",
            "TallyResult", "/cosmos/gov/v1/proposals/{proposal_id}/tally")
        .entrySet()
        .stream()
        .map(e -> Arguments.of(e.getKey(), e.getValue()));
  }
}
