package io.wasm08.gov.query;

import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.DepositParams;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.TallyParams;
import cosmos.gov.v1.Gov.TallyResult;
import cosmos.gov.v1.Gov.Vote;
import cosmos.gov.v1.Gov.VotingParams;
import cosmos.gov.v1.QueryOuterClass.QueryConstitutionRequest;
import cosmos.gov.v1.QueryOuterClass.QueryConstitutionResponse;
import cosmos.gov.v1.QueryOuterClass.QueryDepositRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositResponse;
import cosmos.gov.v1.QueryOuterClass.QueryDepositsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryDepositsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryParamsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryParamsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryProposalRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalResponse;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsRequest;
import cosmos.gov.v1.QueryOuterClass.QueryProposalsResponse;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultRequest;
import cosmos.gov.v1.QueryOuterClass.QueryTallyResultResponse;
import cosmos.gov.v1.QueryOuterClass.QueryVoteRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVoteResponse;
import cosmos.gov.v1.QueryOuterClass.QueryVotesRequest;
import cosmos.gov.v1.QueryOuterClass.QueryVotesResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.wasm08.common.Bytes;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.gov.GovKeeper;
import io.wasm08.gov.keeper.GovKeys;
import io.wasm08.gov.keeper.GovStore;
import io.wasm08.gov.keeper.Tally;

/**
 * The cosmos.gov.v1 Query service as SDK v0.50's {@code keeper/grpc_query.go} implements it, on an
 * explicit context: request errors are {@link StatusRuntimeException}s with upstream's codes and
 * texts; errors upstream returns without a status (address decoding, pagination) propagate as
 * project errors. {@link GovQueryService} serves it over gRPC.
 */
public final class GovQueryServer {
  private final GovKeeper keeper;

  public GovQueryServer(GovKeeper keeper) {
    this.keeper = java.util.Objects.requireNonNull(keeper, "keeper");
  }

  private GovStore store(BlockContext ctx) {
    return new GovStore(ctx.kvStore(GovKeys.STORE_KEY));
  }

  private AddressCodec codec() {
    return keeper.addressCodec();
  }

  public QueryConstitutionResponse constitution(BlockContext ctx, QueryConstitutionRequest req) {
    return QueryConstitutionResponse.newBuilder()
        .setConstitution(store(ctx).constitution())
        .build();
  }

  public QueryProposalResponse proposal(BlockContext ctx, QueryProposalRequest req) {
    requireProposalId(req.getProposalId());
    Proposal p =
        store(ctx)
            .proposal(req.getProposalId())
            .orElseThrow(() -> notFoundProposal(req.getProposalId()));
    return QueryProposalResponse.newBuilder().setProposal(p).build();
  }

  /**
   * Filters by status (when a valid one is given), voter and depositor, then paginates. As
   * upstream, the voter and depositor are decoded only when a proposal is examined, and any error
   * while paginating is {@code INTERNAL}.
   */
  public QueryProposalsResponse proposals(BlockContext ctx, QueryProposalsRequest req) {
    GovStore store = store(ctx);
    boolean byStatus = validProposalStatus(req.getProposalStatusValue());
    CollectionPagination.Page page =
        paginate(
            store,
            GovKeys.PROPOSALS,
            null,
            req.getPagination(),
            e -> {
              Proposal p = parse(e.value());
              boolean matchStatus = !byStatus || p.getStatus() == req.getProposalStatus();
              boolean matchVoter =
                  req.getVoter().isEmpty()
                      || store.hasVote(p.getId(), codec().stringToBytes(req.getVoter()));
              boolean matchDepositor =
                  req.getDepositor().isEmpty()
                      || store.hasDeposit(p.getId(), codec().stringToBytes(req.getDepositor()));
              return matchStatus && matchVoter && matchDepositor;
            });
    QueryProposalsResponse.Builder out =
        QueryProposalsResponse.newBuilder().setPagination(page.response());
    page.entries().forEach(e -> out.addProposals(parse(e.value())));
    return out.build();
  }

  private static CollectionPagination.Page paginate(
      GovStore store,
      Bytes prefix,
      Bytes pairPrefix,
      cosmos.base.query.v1beta1.Pagination.PageRequest request,
      CollectionPagination.Predicate predicate) {
    try {
      return CollectionPagination.paginate(store.raw(), prefix, pairPrefix, request, predicate);
    } catch (io.wasm08.common.Wasm08Exception e) {
      throw Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException();
    }
  }

  public QueryVoteResponse vote(BlockContext ctx, QueryVoteRequest req) {
    requireProposalId(req.getProposalId());
    if (req.getVoter().isEmpty()) {
      throw Status.INVALID_ARGUMENT.withDescription("empty voter address").asRuntimeException();
    }
    Bytes voter = codec().stringToBytes(req.getVoter());
    Vote vote =
        store(ctx)
            .vote(req.getProposalId(), voter)
            .orElseThrow(
                () ->
                    Status.INVALID_ARGUMENT
                        .withDescription(
                            "voter: "
                                + req.getVoter()
                                + " not found for proposal: "
                                + Long.toUnsignedString(req.getProposalId()))
                        .asRuntimeException());
    return QueryVoteResponse.newBuilder().setVote(vote).build();
  }

  public QueryVotesResponse votes(BlockContext ctx, QueryVotesRequest req) {
    requireProposalId(req.getProposalId());
    CollectionPagination.Page page =
        paginate(
            store(ctx),
            GovKeys.VOTES,
            GovKeys.pairPrefix(req.getProposalId()),
            req.getPagination(),
            null);
    QueryVotesResponse.Builder out = QueryVotesResponse.newBuilder().setPagination(page.response());
    for (CollectionPagination.Entry e : page.entries()) {
      try {
        out.addVotes(Vote.parseFrom(e.value().toByteArray()));
      } catch (InvalidProtocolBufferException ex) {
        throw Status.INTERNAL.withDescription(ex.getMessage()).asRuntimeException();
      }
    }
    return out.build();
  }

  /** All params, plus the deprecated subset named by {@code params_type}. */
  public QueryParamsResponse params(BlockContext ctx, QueryParamsRequest req) {
    Params params = keeper.getParams(ctx);
    QueryParamsResponse.Builder out = QueryParamsResponse.newBuilder();
    switch (req.getParamsType()) {
      case "deposit" ->
          out.setDepositParams(
              DepositParams.newBuilder()
                  .addAllMinDeposit(params.getMinDepositList())
                  .setMaxDepositPeriod(params.getMaxDepositPeriod()));
      case "voting" ->
          out.setVotingParams(VotingParams.newBuilder().setVotingPeriod(params.getVotingPeriod()));
      case "tallying" ->
          out.setTallyParams(
              TallyParams.newBuilder()
                  .setQuorum(params.getQuorum())
                  .setThreshold(params.getThreshold())
                  .setVetoThreshold(params.getVetoThreshold()));
      case "" -> {}
      default ->
          throw Status.INVALID_ARGUMENT
              .withDescription("unknown params type: " + req.getParamsType())
              .asRuntimeException();
    }
    return out.setParams(params).build();
  }

  public QueryDepositResponse deposit(BlockContext ctx, QueryDepositRequest req) {
    requireProposalId(req.getProposalId());
    if (req.getDepositor().isEmpty()) {
      throw Status.INVALID_ARGUMENT.withDescription("empty depositor address").asRuntimeException();
    }
    Bytes depositor = codec().stringToBytes(req.getDepositor());
    Deposit deposit =
        store(ctx)
            .deposit(req.getProposalId(), depositor)
            .orElseThrow(
                () ->
                    Status.NOT_FOUND
                        .withDescription(
                            "collections: not found: key '(\""
                                + Long.toUnsignedString(req.getProposalId())
                                + "\", \""
                                + codec().bytesToString(depositor)
                                + "\")' of type github.com/cosmos/gogoproto/cosmos.gov.v1.Deposit")
                        .asRuntimeException());
    return QueryDepositResponse.newBuilder().setDeposit(deposit).build();
  }

  public QueryDepositsResponse deposits(BlockContext ctx, QueryDepositsRequest req) {
    requireProposalId(req.getProposalId());
    CollectionPagination.Page page =
        paginate(
            store(ctx),
            GovKeys.DEPOSITS,
            GovKeys.pairPrefix(req.getProposalId()),
            req.getPagination(),
            null);
    QueryDepositsResponse.Builder out =
        QueryDepositsResponse.newBuilder().setPagination(page.response());
    for (CollectionPagination.Entry e : page.entries()) {
      try {
        out.addDeposits(Deposit.parseFrom(e.value().toByteArray()));
      } catch (InvalidProtocolBufferException ex) {
        throw Status.INTERNAL.withDescription(ex.getMessage()).asRuntimeException();
      }
    }
    return out.build();
  }

  /** Zero counts in the deposit period, the live tally while voting, the final one afterwards. */
  public QueryTallyResultResponse tallyResult(BlockContext ctx, QueryTallyResultRequest req) {
    requireProposalId(req.getProposalId());
    Proposal p =
        store(ctx)
            .proposal(req.getProposalId())
            .orElseThrow(() -> notFoundProposal(req.getProposalId()));
    TallyResult tally =
        switch (p.getStatus()) {
          case PROPOSAL_STATUS_DEPOSIT_PERIOD -> Tally.empty();
          case PROPOSAL_STATUS_PASSED, PROPOSAL_STATUS_REJECTED, PROPOSAL_STATUS_FAILED ->
              p.getFinalTallyResult();
          default -> keeper.tally(ctx, p).result();
        };
    return QueryTallyResultResponse.newBuilder().setTally(tally).build();
  }

  private static void requireProposalId(long id) {
    if (id == 0) {
      throw Status.INVALID_ARGUMENT
          .withDescription("proposal id can not be 0")
          .asRuntimeException();
    }
  }

  private static StatusRuntimeException notFoundProposal(long id) {
    return Status.NOT_FOUND
        .withDescription("proposal " + Long.toUnsignedString(id) + " doesn't exist")
        .asRuntimeException();
  }

  /** {@code ValidProposalStatus}: DEPOSIT_PERIOD through FAILED. */
  private static boolean validProposalStatus(int status) {
    return status >= ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD_VALUE
        && status <= ProposalStatus.PROPOSAL_STATUS_FAILED_VALUE;
  }

  private static Proposal parse(Bytes bytes) {
    try {
      return Proposal.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw Status.INTERNAL.withDescription(e.getMessage()).asRuntimeException();
    }
  }
}
