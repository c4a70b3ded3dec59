package io.wasm08.relayer.tendermint;

import com.google.protobuf.ByteString;
import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import java.util.ArrayList;
import java.util.List;
import tendermint.crypto.Keys;
import tendermint.types.Types;
import tendermint.types.ValidatorOuterClass;
import tendermint.version.Types.Consensus;

/**
 * Converts the domain records to and from our {@code tendermint.*} protos. Encoding sets every
 * field gogoproto marks non-nullable (version, time, last block id, part-set header, commit-sig
 * timestamps) so the bytes equal CometBFT's. Decoding validates and reports bad input as {@link
 * RelayerErrorCode#INVALID_LIGHT_BLOCK}.
 */
public final class TendermintProtos {
  private TendermintProtos() {}

  // ---- encoding ----

  public static Consensus toProto(ConsensusVersion version) {
    return Consensus.newBuilder().setBlock(version.block()).setApp(version.app()).build();
  }

  public static Types.PartSetHeader toProto(PartSetHeader psh) {
    return Types.PartSetHeader.newBuilder()
        .setTotal((int) psh.total())
        .setHash(bs(psh.hash()))
        .build();
  }

  public static Types.BlockID toProto(BlockId blockId) {
    return Types.BlockID.newBuilder()
        .setHash(bs(blockId.hash()))
        .setPartSetHeader(toProto(blockId.partSetHeader()))
        .build();
  }

  public static Types.Header toProto(Header h) {
    return Types.Header.newBuilder()
        .setVersion(toProto(h.version()))
        .setChainId(h.chainId())
        .setHeight(h.height())
        .setTime(Timestamps.toProto(h.time()))
        .setLastBlockId(toProto(h.lastBlockId()))
        .setLastCommitHash(bs(h.lastCommitHash()))
        .setDataHash(bs(h.dataHash()))
        .setValidatorsHash(bs(h.validatorsHash()))
        .setNextValidatorsHash(bs(h.nextValidatorsHash()))
        .setConsensusHash(bs(h.consensusHash()))
        .setAppHash(bs(h.appHash()))
        .setLastResultsHash(bs(h.lastResultsHash()))
        .setEvidenceHash(bs(h.evidenceHash()))
        .setProposerAddress(bs(h.proposerAddress()))
        .build();
  }

  public static Types.CommitSig toProto(CommitSig sig) {
    return Types.CommitSig.newBuilder()
        .setBlockIdFlagValue(sig.flag().value())
        .setValidatorAddress(bs(sig.validatorAddress()))
        .setTimestamp(Timestamps.toProto(sig.timestamp()))
        .setSignature(bs(sig.signature()))
        .build();
  }

  public static Types.Commit toProto(Commit commit) {
    Types.Commit.Builder b =
        Types.Commit.newBuilder()
            .setHeight(commit.height())
            .setRound(commit.round())
            .setBlockId(toProto(commit.blockId()));
    for (CommitSig sig : commit.signatures()) {
      b.addSignatures(toProto(sig));
    }
    return b.build();
  }

  public static Types.SignedHeader toProto(SignedHeader sh) {
    return Types.SignedHeader.newBuilder()
        .setHeader(toProto(sh.header()))
        .setCommit(toProto(sh.commit()))
        .build();
  }

  public static Keys.PublicKey toProto(PublicKey key) {
    Keys.PublicKey.Builder b = Keys.PublicKey.newBuilder();
    return switch (key) {
      case PublicKey.Ed25519 k -> b.setEd25519(bs(k.bytes())).build();
      case PublicKey.Secp256k1 k -> b.setSecp256K1(bs(k.bytes())).build();
      case PublicKey.Bls12381 k -> b.setBls12381(bs(k.bytes())).build();
    };
  }

  public static ValidatorOuterClass.Validator toProto(Validator v) {
    return ValidatorOuterClass.Validator.newBuilder()
        .setAddress(bs(v.address()))
        .setPubKey(toProto(v.pubKey()))
        .setVotingPower(v.votingPower())
        .setProposerPriority(v.proposerPriority())
        .build();
  }

  /** Encodes with {@code total_voting_power} filled in, as CometBFT's {@code ToProto} does. */
  public static ValidatorOuterClass.ValidatorSet toProto(ValidatorSet set) {
    ValidatorOuterClass.ValidatorSet.Builder b = ValidatorOuterClass.ValidatorSet.newBuilder();
    for (Validator v : set.validators()) {
      b.addValidators(toProto(v));
    }
    if (set.proposer() != null) {
      b.setProposer(toProto(set.proposer()));
    }
    return b.setTotalVotingPower(set.totalVotingPower()).build();
  }

  public static Types.LightBlock toProto(LightBlock lb) {
    return Types.LightBlock.newBuilder()
        .setSignedHeader(toProto(lb.signedHeader()))
        .setValidatorSet(toProto(lb.validators()))
        .build();
  }

  // ---- decoding ----

  public static Header fromProto(Types.Header h) {
    return guard(
        "header",
        () ->
            new Header(
                new ConsensusVersion(h.getVersion().getBlock(), h.getVersion().getApp()),
                h.getChainId(),
                h.getHeight(),
                Timestamps.fromProto(h.getTime()),
                fromProto(h.getLastBlockId()),
                bytes(h.getLastCommitHash()),
                bytes(h.getDataHash()),
                bytes(h.getValidatorsHash()),
                bytes(h.getNextValidatorsHash()),
                bytes(h.getConsensusHash()),
                bytes(h.getAppHash()),
                bytes(h.getLastResultsHash()),
                bytes(h.getEvidenceHash()),
                bytes(h.getProposerAddress())));
  }

  public static BlockId fromProto(Types.BlockID id) {
    return guard(
        "block id",
        () ->
            new BlockId(
                bytes(id.getHash()),
                new PartSetHeader(
                    Integer.toUnsignedLong(id.getPartSetHeader().getTotal()),
                    bytes(id.getPartSetHeader().getHash()))));
  }

  public static Commit fromProto(Types.Commit c) {
    return guard(
        "commit",
        () -> {
          List<CommitSig> sigs = new ArrayList<>(c.getSignaturesCount());
          for (Types.CommitSig s : c.getSignaturesList()) {
            sigs.add(
                new CommitSig(
                    BlockIdFlag.fromValue(s.getBlockIdFlagValue()),
                    bytes(s.getValidatorAddress()),
                    Timestamps.fromProto(s.getTimestamp()),
                    bytes(s.getSignature())));
          }
          return new Commit(c.getHeight(), c.getRound(), fromProto(c.getBlockId()), sigs);
        });
  }

  public static SignedHeader fromProto(Types.SignedHeader sh) {
    if (!sh.hasHeader() || !sh.hasCommit()) {
      throw RelayerErrorCode.INVALID_LIGHT_BLOCK.wrap("signed header lacks header or commit");
    }
    Header header = fromProto(sh.getHeader());
    Commit commit = fromProto(sh.getCommit());
    return guard("signed header", () -> new SignedHeader(header, commit));
  }

  public static PublicKey fromProto(Keys.PublicKey key) {
    return guard(
        "public key",
        () ->
            switch (key.getSumCase()) {
              case ED25519 -> new PublicKey.Ed25519(bytes(key.getEd25519()));
              case SECP256K1 -> new PublicKey.Secp256k1(bytes(key.getSecp256K1()));
              case BLS12381 -> new PublicKey.Bls12381(bytes(key.getBls12381()));
              case SUM_NOT_SET -> throw new IllegalArgumentException("public key not set");
            });
  }

  public static Validator fromProto(ValidatorOuterClass.Validator v) {
    PublicKey key = fromProto(v.getPubKey());
    return guard(
        "validator",
        () ->
            new Validator(bytes(v.getAddress()), key, v.getVotingPower(), v.getProposerPriority()));
  }

  /**
   * Decodes a validator set; a non-zero {@code total_voting_power} must equal the sum of the powers
   * (tendermint-rs), zero means "not given".
   */
  public static ValidatorSet fromProto(ValidatorOuterClass.ValidatorSet set) {
    List<Validator> validators = new ArrayList<>(set.getValidatorsCount());
    for (ValidatorOuterClass.Validator v : set.getValidatorsList()) {
      validators.add(fromProto(v));
    }
    Validator proposer = set.hasProposer() ? fromProto(set.getProposer()) : null;
    ValidatorSet decoded = guard("validator set", () -> new ValidatorSet(validators, proposer));
    if (set.getTotalVotingPower() != 0 && set.getTotalVotingPower() != decoded.totalVotingPower()) {
      throw RelayerErrorCode.INVALID_LIGHT_BLOCK.wrap(
          "validator set total voting power "
              + set.getTotalVotingPower()
              + " differs from the sum of its validators' powers "
              + decoded.totalVotingPower());
    }
    return decoded;
  }

  static ByteString bs(Bytes bytes) {
    return ByteString.copyFrom(bytes.asReadOnlyByteBuffer());
  }

  static Bytes bytes(ByteString bs) {
    return Bytes.wrapOwned(bs.toByteArray());
  }

  private static <T> T guard(String what, java.util.function.Supplier<T> decode) {
    try {
      return decode.get();
    } catch (IllegalArgumentException e) {
      throw new Wasm08Exception(
          RelayerErrorCode.INVALID_LIGHT_BLOCK, "invalid " + what + ": " + e.getMessage(), e);
    }
  }
}
