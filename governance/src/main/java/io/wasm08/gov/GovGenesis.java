package io.wasm08.gov;

import cosmos.gov.v1.Genesis.GenesisState;
import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.Vote;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.bank.Coins;
import io.wasm08.gov.keeper.GovStore;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.gov.types.GoProtoText;
import io.wasm08.gov.types.GoTime;
import io.wasm08.gov.types.GovParams;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import wasm08.gov.v1.ElectorateOuterClass.Electorate;
import wasm08.gov.v1.ElectorateOuterClass.Voter;

/**
 * Genesis of x/gov v1 (SDK v0.50 {@code ValidateGenesis}, {@code InitGenesis}, {@code
 * ExportGenesis}) and of this host's electorate. Export is deterministic (store order), so export →
 * import → export reproduces the same bytes.
 */
public final class GovGenesis {
  private GovGenesis() {}

  /** {@code DefaultStartingProposalID}. */
  public static final long DEFAULT_STARTING_PROPOSAL_ID = 1;

  /** {@code DefaultGenesisState}: id 1, default params with {@code denom} as the deposit denom. */
  public static GenesisState defaultGenesis(String denom) {
    return GenesisState.newBuilder()
        .setStartingProposalId(DEFAULT_STARTING_PROPOSAL_ID)
        .setParams(GovParams.defaults(denom))
        .build();
  }

  /**
   * {@code ValidateGenesis}: a starting id, unique proposals, deposits and votes of existing
   * proposals without duplicates, valid params; upstream's texts (deposits and votes print as
   * gogoproto compact text). Upstream checks deposits, votes and params concurrently and reports
   * whichever fails first in time; here they are checked in that order.
   */
  public static void validate(GenesisState data, String bech32Prefix) {
    if (data.getStartingProposalId() == 0) {
      throw IbcException.plain("starting proposal id must be greater than 0");
    }
    Set<Long> proposalIds = new HashSet<>();
    for (Proposal p : data.getProposalsList()) {
      if (!proposalIds.add(p.getId())) {
        throw IbcException.plainf("duplicate proposal id: %s", Long.toUnsignedString(p.getId()));
      }
    }
    Set<String> depositKeys = new HashSet<>();
    for (Deposit d : data.getDepositsList()) {
      if (!proposalIds.contains(d.getProposalId())) {
        throw IbcException.plainf(
            "deposit %s has non-existent proposal id: %s",
            GoProtoText.compact(d), Long.toUnsignedString(d.getProposalId()));
      }
      if (!depositKeys.add(d.getProposalId() + "/" + d.getDepositor())) {
        throw IbcException.plainf("duplicate deposit: %s", GoProtoText.compact(d));
      }
    }
    Set<String> voteKeys = new HashSet<>();
    for (Vote v : data.getVotesList()) {
      if (!proposalIds.contains(v.getProposalId())) {
        throw IbcException.plainf(
            "vote %s has non-existent proposal id: %s",
            GoProtoText.compact(v), Long.toUnsignedString(v.getProposalId()));
      }
      if (!voteKeys.add(v.getProposalId() + "/" + v.getVoter())) {
        throw IbcException.plainf("duplicate vote: %s", GoProtoText.compact(v));
      }
    }
    if (!data.hasParams()) {
      // Upstream dereferences the nil params and panics.
      throw IbcException.plain("params must be set");
    }
    GovParams.validateBasic(data.getParams(), bech32Prefix);
  }

  /**
   * {@code InitGenesis}: params, constitution, the id sequence, deposits, votes and proposals (with
   * their queues); the gov account must then hold exactly the deposits (bank genesis runs first).
   */
  public static void initGenesis(GovKeeper keeper, BlockContext ctx, GenesisState data) {
    GovStore store = keeper.store(ctx);
    store.setProposalId(data.getStartingProposalId());
    store.setParams(data.getParams());
    store.setConstitution(data.getConstitution());
    Coins totalDeposits = Coins.EMPTY;
    for (Deposit d : data.getDepositsList()) {
      store.setDeposit(d, keeper.addressCodec().stringToBytes(d.getDepositor()));
      totalDeposits = totalDeposits.add(Coins.fromProto(d.getAmountList()));
    }
    for (Vote v : data.getVotesList()) {
      store.setVote(v, keeper.addressCodec().stringToBytes(v.getVoter()));
    }
    for (Proposal p : data.getProposalsList()) {
      if (p.getStatus() == ProposalStatus.PROPOSAL_STATUS_DEPOSIT_PERIOD) {
        store.insertInactive(GoTime.instant(p.getDepositEndTime()), p.getId());
      } else if (p.getStatus() == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
        store.insertActive(GoTime.instant(p.getVotingEndTime()), p.getId());
      }
      store.setProposal(p);
    }
    Coins balance = keeper.bank().getAllBalances(ctx, keeper.moduleAccountAddress());
    if (!balance.equals(totalDeposits)) {
      throw GovErrorCode.INVALID_GENESIS.wrapf(
          "expected module account was %s but we got %s", balance, totalDeposits);
    }
  }

  /** {@code ExportGenesis}: everything in store order; the next proposal id as starting id. */
  public static GenesisState exportGenesis(GovKeeper keeper, BlockContext ctx) {
    GovStore store = keeper.store(ctx);
    return GenesisState.newBuilder()
        .setStartingProposalId(store.peekProposalId())
        .addAllDeposits(store.allDeposits())
        .addAllVotes(store.allVotes())
        .addAllProposals(store.proposals())
        .setParams(store.params())
        .setConstitution(store.constitution())
        .build();
  }

  // --- electorate ------------------------------------------------------------------------------

  /** Voters must have valid addresses, positive power and appear once. */
  public static void validateElectorate(Electorate electorate, String bech32Prefix) {
    Set<String> seen = new HashSet<>();
    for (Voter v : electorate.getVotersList()) {
      try {
        io.wasm08.core.crypto.AccAddress.fromBech32(v.getAddress(), bech32Prefix);
      } catch (io.wasm08.common.Wasm08Exception e) {
        throw GovErrorCode.INVALID_GENESIS.wrapf(
            "invalid electorate voter address %s: %s", v.getAddress(), e.getMessage());
      }
      SdkInt power;
      try {
        power = SdkInt.parse(v.getPower());
      } catch (IbcException e) {
        throw GovErrorCode.INVALID_GENESIS.wrapf(
            "invalid voting power of %s: %s", v.getAddress(), e.getMessage());
      }
      if (!power.isPositive()) {
        throw GovErrorCode.INVALID_GENESIS.wrapf(
            "voting power of %s must be positive: %s", v.getAddress(), power);
      }
      if (!seen.add(v.getAddress())) {
        throw GovErrorCode.INVALID_GENESIS.wrapf("duplicate electorate voter %s", v.getAddress());
      }
    }
  }

  public static void initElectorate(GovKeeper keeper, BlockContext ctx, Electorate electorate) {
    GovStore store = keeper.store(ctx);
    for (Voter v : electorate.getVotersList()) {
      store.setVotingPower(
          keeper.addressCodec().stringToBytes(v.getAddress()), SdkInt.parse(v.getPower()));
    }
  }

  /** The electorate in address order, powers in canonical decimal. */
  public static Electorate exportElectorate(GovKeeper keeper, BlockContext ctx) {
    List<Voter> voters =
        keeper.store(ctx).electorate().stream()
            .map(
                e ->
                    Voter.newBuilder()
                        .setAddress(keeper.addressCodec().bytesToString(e.address()))
                        .setPower(e.power().toString())
                        .build())
            .toList();
    return Electorate.newBuilder().addAllVoters(voters).build();
  }

  /** The total power of the electorate: the denominator of quorum. */
  public static SdkInt totalPower(GovKeeper keeper, BlockContext ctx) {
    SdkInt total = SdkInt.ZERO;
    for (GovStore.ElectorateEntry e : keeper.store(ctx).electorate()) {
      total = total.add(e.power());
    }
    return total;
  }
}
