package io.wasm08.gov.keeper;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.Parser;
import cosmos.gov.v1.Gov.Deposit;
import cosmos.gov.v1.Gov.Params;
import cosmos.gov.v1.Gov.Proposal;
import cosmos.gov.v1.Gov.ProposalStatus;
import cosmos.gov.v1.Gov.Vote;
import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.gov.math.SdkInt;
import io.wasm08.gov.types.GoTime;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.KvStores;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Typed access to the gov store ({@link GovKeys}): the keeper's collections. Missing entries read
 * as upstream's collections errors where the keeper surfaces them.
 */
public final class GovStore {
  private final KvStore store;

  public GovStore(KvStore store) {
    this.store = store;
  }

  public KvStore raw() {
    return store;
  }

  // --- proposals -------------------------------------------------------------------------------

  public Optional<Proposal> proposal(long id) {
    return Optional.ofNullable(store.get(GovKeys.proposal(id)))
        .map(b -> parse(Proposal.parser(), b));
  }

  /** {@code Proposals.Get}: the proposal, or collections' not-found error (undefined/1). */
  public Proposal getProposal(long id) {
    return proposal(id)
        .orElseThrow(
            () ->
                IbcException.plainf(
                    "collections: not found: key '%s' of type"
                        + " github.com/cosmos/gogoproto/cosmos.gov.v1.Proposal",
                    Long.toUnsignedString(id)));
  }

  /** {@code SetProposal}: also tracks whether it is in its voting period. */
  public void setProposal(Proposal p) {
    if (p.getStatus() == ProposalStatus.PROPOSAL_STATUS_VOTING_PERIOD) {
      store.set(GovKeys.votingPeriodProposal(p.getId()), Bytes.of((byte) 1));
    } else {
      store.delete(GovKeys.votingPeriodProposal(p.getId()));
    }
    store.set(GovKeys.proposal(p.getId()), Bytes.wrapOwned(p.toByteArray()));
  }

  /** {@code DeleteProposal}: the proposal and its queue entries. */
  public void deleteProposal(long id) {
    Proposal p = getProposal(id);
    if (p.hasDepositEndTime()) {
      store.delete(GovKeys.inactiveQueue(GoTime.instant(p.getDepositEndTime()), id));
    }
    if (p.hasVotingEndTime()) {
      store.delete(GovKeys.activeQueue(GoTime.instant(p.getVotingEndTime()), id));
      store.delete(GovKeys.votingPeriodProposal(id));
    }
    store.delete(GovKeys.proposal(id));
  }

  public boolean inVotingPeriod(long id) {
    return store.has(GovKeys.votingPeriodProposal(id));
  }

  /** All proposals in id order. */
  public List<Proposal> proposals() {
    List<Proposal> out = new ArrayList<>();
    each(GovKeys.PROPOSALS, (k, v) -> out.add(parse(Proposal.parser(), v)));
    return out;
  }

  // --- queues ----------------------------------------------------------------------------------

  public void insertInactive(Instant depositEnd, long id) {
    store.set(GovKeys.inactiveQueue(depositEnd, id), GovKeys.uint64(id));
  }

  public void removeInactive(Instant depositEnd, long id) {
    store.delete(GovKeys.inactiveQueue(depositEnd, id));
  }

  public void insertActive(Instant votingEnd, long id) {
    store.set(GovKeys.activeQueue(votingEnd, id), GovKeys.uint64(id));
  }

  public void removeActive(Instant votingEnd, long id) {
    store.delete(GovKeys.activeQueue(votingEnd, id));
  }

  /** Queue entries with a time at or before {@code t}: {@code NewPrefixUntilPairRange}. */
  public List<QueueEntry> inactiveUntil(Instant t) {
    return queueUntil(GovKeys.INACTIVE_PROPOSAL_QUEUE, t);
  }

  public List<QueueEntry> activeUntil(Instant t) {
    return queueUntil(GovKeys.ACTIVE_PROPOSAL_QUEUE, t);
  }

  /** One queue key: the time it sorts by and the proposal id. */
  public record QueueEntry(Bytes timeKey, long proposalId) {}

  private List<QueueEntry> queueUntil(Bytes prefix, Instant t) {
    Bytes end = KvStores.prefixEnd(prefix.concat(GovKeys.time(t)));
    List<QueueEntry> out = new ArrayList<>();
    // Snapshot first: the walk's callbacks write to the queues, as upstream's cache iterators see
    // a snapshot too.
    try (KvIterator it = store.iterator(prefix, end)) {
      for (; it.valid(); it.next()) {
        Bytes key = it.key();
        int timeEnd = key.size() - 8;
        out.add(
            new QueueEntry(key.slice(prefix.size(), timeEnd), GovKeys.readUint64(key, timeEnd)));
      }
    }
    return out;
  }

  // --- sequence, params, constitution ----------------------------------------------------------

  /** {@code ProposalID.Peek}: the id the next proposal gets (0 when never set). */
  public long peekProposalId() {
    Bytes v = store.get(GovKeys.PROPOSAL_ID);
    return v == null ? 0 : GovKeys.readUint64(v, 0);
  }

  /** {@code ProposalID.Next}: returns the current id and advances the sequence. */
  public long nextProposalId() {
    long id = peekProposalId();
    setProposalId(id + 1);
    return id;
  }

  public void setProposalId(long id) {
    store.set(GovKeys.PROPOSAL_ID, GovKeys.uint64(id));
  }

  public Params params() {
    Bytes v = store.get(GovKeys.PARAMS);
    if (v == null) {
      throw IbcException.plain(
          "collections: not found: key 'no_key' of type github.com/cosmos/gogoproto/cosmos.gov.v1.Params");
    }
    return parse(Params.parser(), v);
  }

  public void setParams(Params p) {
    store.set(GovKeys.PARAMS, Bytes.wrapOwned(p.toByteArray()));
  }

  public String constitution() {
    Bytes v = store.get(GovKeys.CONSTITUTION);
    return v == null ? "" : v.toUtf8();
  }

  public void setConstitution(String constitution) {
    store.set(GovKeys.CONSTITUTION, Bytes.ofUtf8(constitution));
  }

  // --- deposits and votes ----------------------------------------------------------------------

  public Optional<Deposit> deposit(long proposalId, Bytes depositor) {
    return Optional.ofNullable(store.get(GovKeys.deposit(proposalId, depositor)))
        .map(b -> parse(Deposit.parser(), b));
  }

  public void setDeposit(Deposit d, Bytes depositor) {
    store.set(GovKeys.deposit(d.getProposalId(), depositor), Bytes.wrapOwned(d.toByteArray()));
  }

  public void removeDeposit(long proposalId, Bytes depositor) {
    store.delete(GovKeys.deposit(proposalId, depositor));
  }

  /** A deposit with the depositor address bytes its key holds. */
  public record KeyedDeposit(Bytes depositor, Deposit deposit) {}

  /** The deposits of one proposal, in depositor key order. */
  public List<KeyedDeposit> deposits(long proposalId) {
    List<KeyedDeposit> out = new ArrayList<>();
    Bytes prefix = GovKeys.DEPOSITS.concat(GovKeys.pairPrefix(proposalId));
    each(
        prefix,
        (k, v) -> out.add(new KeyedDeposit(addressAfter(k, prefix), parse(Deposit.parser(), v))));
    return out;
  }

  public List<Deposit> allDeposits() {
    List<Deposit> out = new ArrayList<>();
    each(GovKeys.DEPOSITS, (k, v) -> out.add(parse(Deposit.parser(), v)));
    return out;
  }

  public boolean hasDeposit(long proposalId, Bytes depositor) {
    return store.has(GovKeys.deposit(proposalId, depositor));
  }

  public Optional<Vote> vote(long proposalId, Bytes voter) {
    return Optional.ofNullable(store.get(GovKeys.vote(proposalId, voter)))
        .map(b -> parse(Vote.parser(), b));
  }

  public void setVote(Vote v, Bytes voter) {
    store.set(GovKeys.vote(v.getProposalId(), voter), Bytes.wrapOwned(v.toByteArray()));
  }

  public void removeVote(long proposalId, Bytes voter) {
    store.delete(GovKeys.vote(proposalId, voter));
  }

  public boolean hasVote(long proposalId, Bytes voter) {
    return store.has(GovKeys.vote(proposalId, voter));
  }

  /** A vote with the voter address bytes its key holds. */
  public record KeyedVote(Bytes voter, Vote vote) {}

  public List<KeyedVote> votes(long proposalId) {
    List<KeyedVote> out = new ArrayList<>();
    Bytes prefix = GovKeys.VOTES.concat(GovKeys.pairPrefix(proposalId));
    each(
        prefix, (k, v) -> out.add(new KeyedVote(addressAfter(k, prefix), parse(Vote.parser(), v))));
    return out;
  }

  public List<Vote> allVotes() {
    List<Vote> out = new ArrayList<>();
    each(GovKeys.VOTES, (k, v) -> out.add(parse(Vote.parser(), v)));
    return out;
  }

  // --- electorate ------------------------------------------------------------------------------

  /** A voter's power; zero for addresses outside the electorate. */
  public SdkInt votingPower(Bytes voter) {
    Bytes v = store.get(GovKeys.electorate(voter));
    return v == null ? SdkInt.ZERO : SdkInt.parse(v.toUtf8());
  }

  public void setVotingPower(Bytes voter, SdkInt power) {
    if (power.isZero()) {
      store.delete(GovKeys.electorate(voter));
    } else {
      store.set(GovKeys.electorate(voter), Bytes.ofUtf8(power.toString()));
    }
  }

  /** Every voter with power, in address key order. */
  public List<ElectorateEntry> electorate() {
    List<ElectorateEntry> out = new ArrayList<>();
    each(
        GovKeys.ELECTORATE,
        (k, v) ->
            out.add(
                new ElectorateEntry(
                    addressAfter(k, GovKeys.ELECTORATE), SdkInt.parse(v.toUtf8()))));
    return out;
  }

  public record ElectorateEntry(Bytes address, SdkInt power) {}

  // --- helpers ---------------------------------------------------------------------------------

  private void each(Bytes prefix, BiConsumer<Bytes, Bytes> f) {
    try (KvIterator it = store.iterator(prefix, KvStores.prefixEnd(prefix))) {
      for (; it.valid(); it.next()) {
        f.accept(it.key(), it.value());
      }
    }
  }

  /** The length-prefixed address following {@code prefix} in {@code key}. */
  private static Bytes addressAfter(Bytes key, Bytes prefix) {
    int len = key.get(prefix.size()) & 0xFF;
    return key.slice(prefix.size() + 1, prefix.size() + 1 + len);
  }

  private static <M extends Message> M parse(Parser<M> parser, Bytes bytes) {
    try {
      return parser.parseFrom(bytes.toByteArray());
    } catch (InvalidProtocolBufferException e) {
      throw new IllegalStateException("corrupt gov state: " + e.getMessage(), e);
    }
  }
}
