package io.wasm08.gov.keeper;

import io.wasm08.common.Bytes;
import io.wasm08.gov.types.GoTime;
import java.nio.ByteBuffer;
import java.time.Instant;

/**
 * The gov store layout of SDK v0.50 ({@code x/gov/types/keys.go} with its collections codecs), so
 * the state of this module is laid out as a Cosmos chain's: big-endian uint64 ids, the sortable
 * time string as queue key, length-prefixed addresses. The electorate (this host's replacement for
 * staking) lives under a prefix upstream does not use.
 */
public final class GovKeys {
  private GovKeys() {}

  /** {@code types.StoreKey}. */
  public static final String STORE_KEY = "gov";

  public static final Bytes PROPOSALS = Bytes.of((byte) 0x00);
  public static final Bytes ACTIVE_PROPOSAL_QUEUE = Bytes.of((byte) 0x01);
  public static final Bytes INACTIVE_PROPOSAL_QUEUE = Bytes.of((byte) 0x02);
  public static final Bytes PROPOSAL_ID = Bytes.of((byte) 0x03);
  public static final Bytes VOTING_PERIOD_PROPOSALS = Bytes.of((byte) 0x04);
  public static final Bytes DEPOSITS = Bytes.of((byte) 0x10);
  public static final Bytes VOTES = Bytes.of((byte) 0x20);
  public static final Bytes PARAMS = Bytes.of((byte) 0x30);
  public static final Bytes CONSTITUTION = Bytes.of((byte) 0x31);

  /** This host's electorate: address → voting power. */
  public static final Bytes ELECTORATE = Bytes.of((byte) 0x60);

  /** {@code collections.Uint64Key} / {@code Uint64Value}: 8 bytes big-endian. */
  public static Bytes uint64(long v) {
    return Bytes.wrapOwned(ByteBuffer.allocate(8).putLong(v).array());
  }

  public static long readUint64(Bytes b, int offset) {
    return b.asReadOnlyByteBuffer().getLong(offset);
  }

  /** {@code sdk.LengthPrefixedAddressKey}: one length byte, then the address bytes. */
  public static Bytes lengthPrefixed(Bytes address) {
    if (address.size() > 255) {
      throw new IllegalArgumentException("address longer than 255 bytes");
    }
    return Bytes.of((byte) address.size()).concat(address);
  }

  /** {@code sdk.TimeKey}: the 29-byte sortable UTC time. */
  public static Bytes time(Instant t) {
    return Bytes.ofUtf8(GoTime.sortableTime(t));
  }

  public static Bytes proposal(long id) {
    return PROPOSALS.concat(uint64(id));
  }

  public static Bytes votingPeriodProposal(long id) {
    return VOTING_PERIOD_PROPOSALS.concat(uint64(id));
  }

  public static Bytes activeQueue(Instant votingEnd, long id) {
    return ACTIVE_PROPOSAL_QUEUE.concat(time(votingEnd)).concat(uint64(id));
  }

  public static Bytes inactiveQueue(Instant depositEnd, long id) {
    return INACTIVE_PROPOSAL_QUEUE.concat(time(depositEnd)).concat(uint64(id));
  }

  /** Deposits and votes of one proposal share this pair prefix under their collection prefix. */
  public static Bytes pairPrefix(long proposalId) {
    return uint64(proposalId);
  }

  public static Bytes deposit(long proposalId, Bytes depositor) {
    return DEPOSITS.concat(uint64(proposalId)).concat(lengthPrefixed(depositor));
  }

  public static Bytes vote(long proposalId, Bytes voter) {
    return VOTES.concat(uint64(proposalId)).concat(lengthPrefixed(voter));
  }

  public static Bytes electorate(Bytes voter) {
    return ELECTORATE.concat(lengthPrefixed(voter));
  }
}
