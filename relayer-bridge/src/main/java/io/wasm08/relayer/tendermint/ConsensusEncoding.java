package io.wasm08.relayer.tendermint;

import io.wasm08.common.Bytes;

/**
 * The byte encodings consensus hashes and signs: header hash, validator-set hash and vote sign
 * bytes. {@link #PROTOBUF} is Tendermint/CometBFT ≥ 0.34 — every chain a relayer meets today; the
 * light-client verifier takes the encoding as a parameter only so that vectors recorded under an
 * older encoding can be replayed faithfully.
 */
public interface ConsensusEncoding {
  /** Tendermint ≥ 0.34 / CometBFT: proto-encoded fields, {@code SimpleValidator}, CanonicalVote. */
  ConsensusEncoding PROTOBUF =
      new ConsensusEncoding() {
        @Override
        public Bytes headerHash(Header header) {
          return header.hash();
        }

        @Override
        public Bytes validatorSetHash(ValidatorSet validators) {
          return validators.hash();
        }

        @Override
        public Bytes voteSignBytes(String chainId, Commit commit, int index) {
          return commit.voteSignBytes(chainId, index);
        }

        @Override
        public String toString() {
          return "protobuf (Tendermint >= 0.34)";
        }
      };

  Bytes headerHash(Header header);

  Bytes validatorSetHash(ValidatorSet validators);

  /** The bytes validator {@code index} of {@code commit} signed. */
  Bytes voteSignBytes(String chainId, Commit commit, int index);
}
