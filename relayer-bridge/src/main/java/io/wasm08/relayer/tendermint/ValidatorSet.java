package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;
import io.wasm08.store.rootmulti.SimpleMerkle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A validator set in the order given (CometBFT hashes and indexes in that order; a node returns the
 * canonical order — power descending, then address ascending). The proposer is optional on the wire
 * but ibc-go requires one in a 07-tendermint header.
 */
public record ValidatorSet(List<Validator> validators, Validator proposer) {
  /** CometBFT's {@code MaxTotalVotingPower} = MaxInt64 / 8. */
  public static final long MAX_TOTAL_VOTING_POWER = Long.MAX_VALUE / 8;

  /** CometBFT's validator order: voting power descending, then address ascending. */
  public static final Comparator<Validator> CANONICAL_ORDER =
      Comparator.comparingLong(Validator::votingPower).reversed().thenComparing(Validator::address);

  public ValidatorSet {
    validators = List.copyOf(validators);
    long total = 0;
    for (Validator v : validators) {
      total += v.votingPower();
      if (total > MAX_TOTAL_VOTING_POWER) {
        throw new IllegalArgumentException(
            "total voting power exceeds the maximum " + MAX_TOTAL_VOTING_POWER);
      }
    }
  }

  public static ValidatorSet withoutProposer(List<Validator> validators) {
    return new ValidatorSet(validators, null);
  }

  public Optional<Validator> proposerIfAny() {
    return Optional.ofNullable(proposer);
  }

  public long totalVotingPower() {
    long total = 0;
    for (Validator v : validators) {
      total += v.votingPower();
    }
    return total;
  }

  /** CometBFT's {@code ValidatorSet.Hash()}: simple Merkle root over the validators' leaf bytes. */
  public Bytes hash() {
    List<Bytes> leaves = new ArrayList<>(validators.size());
    for (Validator v : validators) {
      leaves.add(v.hashBytes());
    }
    return SimpleMerkle.hashFromByteSlices(leaves);
  }

  /** The first validator with this address. */
  public Optional<Validator> validator(Bytes address) {
    for (Validator v : validators) {
      if (v.address().equals(address)) {
        return Optional.of(v);
      }
    }
    return Optional.empty();
  }

  /** The same validators in canonical order, without a proposer (tendermint-rs' Set::new). */
  public ValidatorSet sortedWithoutProposer() {
    List<Validator> sorted = new ArrayList<>(validators);
    sorted.sort(CANONICAL_ORDER);
    return new ValidatorSet(sorted, null);
  }

  /**
   * This set with the validator at {@code proposerAddress} as proposer (Hermes' {@code
   * with_proposer}); throws when no validator has that address.
   */
  public ValidatorSet withProposer(Bytes proposerAddress) {
    Validator found =
        validator(proposerAddress)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "proposer "
                            + proposerAddress.toHex().toUpperCase()
                            + " is not in the validator set"));
    return new ValidatorSet(validators, found);
  }

  public int size() {
    return validators.size();
  }
}
