package io.wasm08.relayer.rpc;

import io.wasm08.common.Bytes;
import io.wasm08.relayer.tendermint.BlockId;
import io.wasm08.relayer.tendermint.BlockIdFlag;
import io.wasm08.relayer.tendermint.Commit;
import io.wasm08.relayer.tendermint.CommitSig;
import io.wasm08.relayer.tendermint.ConsensusVersion;
import io.wasm08.relayer.tendermint.Header;
import io.wasm08.relayer.tendermint.LightBlock;
import io.wasm08.relayer.tendermint.PartSetHeader;
import io.wasm08.relayer.tendermint.PublicKey;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.Timestamps;
import io.wasm08.relayer.tendermint.Validator;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decodes CometBFT's JSON encoding of the Tendermint types (the RPC's {@code /commit}, {@code
 * /validators}, {@code /block} shapes, also used by the tendermint-rs light-client vectors). Every
 * structural or semantic problem is a {@code RPC_MALFORMED_RESPONSE} naming the field.
 */
public final class TendermintJson {
  private TendermintJson() {}

  public static Header header(JsonField f) {
    JsonField version = f.get("version");
    ConsensusVersion v =
        new ConsensusVersion(
            version.get("block").int64(), version.opt("app").map(JsonField::int64).orElse(0L));
    return build(
        f,
        () ->
            new Header(
                v,
                f.get("chain_id").string(),
                f.get("height").int64(),
                f.get("time").time(),
                f.opt("last_block_id").map(TendermintJson::blockId).orElse(BlockId.EMPTY),
                hexOrEmpty(f, "last_commit_hash"),
                hexOrEmpty(f, "data_hash"),
                f.get("validators_hash").hex(),
                f.get("next_validators_hash").hex(),
                hexOrEmpty(f, "consensus_hash"),
                hexOrEmpty(f, "app_hash"),
                hexOrEmpty(f, "last_results_hash"),
                hexOrEmpty(f, "evidence_hash"),
                f.get("proposer_address").hex()));
  }

  /** A block id: {@code {hash, parts{total, hash}}} ({@code part_set_header} also accepted). */
  public static BlockId blockId(JsonField f) {
    JsonField parts = f.opt("parts").or(() -> f.opt("part_set_header")).orElse(null);
    PartSetHeader psh =
        parts == null
            ? PartSetHeader.EMPTY
            : build(
                parts,
                () ->
                    new PartSetHeader(
                        parts.get("total").int64(),
                        parts.opt("hash").map(JsonField::hex).orElse(Bytes.EMPTY)));
    return new BlockId(f.opt("hash").map(JsonField::hex).orElse(Bytes.EMPTY), psh);
  }

  public static CommitSig commitSig(JsonField f) {
    BlockIdFlag flag =
        build(f.get("block_id_flag"), () -> BlockIdFlag.fromValue(f.get("block_id_flag").int32()));
    Bytes address = hexOrEmpty(f, "validator_address");
    Instant timestamp = f.opt("timestamp").map(JsonField::time).orElse(Timestamps.GO_ZERO_TIME);
    Bytes signature = f.opt("signature").map(JsonField::base64).orElse(Bytes.EMPTY);
    return build(f, () -> new CommitSig(flag, address, timestamp, signature));
  }

  public static Commit commit(JsonField f) {
    List<CommitSig> sigs = new ArrayList<>();
    // null is an empty list (Go's nil slice, tendermint-rs' serializers::nullable)
    for (JsonField s : f.opt("signatures").map(JsonField::array).orElse(List.of())) {
      sigs.add(commitSig(s));
    }
    return build(
        f,
        () ->
            new Commit(
                f.get("height").int64(), f.get("round").int32(), blockId(f.get("block_id")), sigs));
  }

  public static SignedHeader signedHeader(JsonField f) {
    Header header = header(f.get("header"));
    Commit commit = commit(f.get("commit"));
    return build(f, () -> new SignedHeader(header, commit));
  }

  /** {@code {type, value}} with the key bytes in base64. */
  public static PublicKey publicKey(JsonField f) {
    String type = f.get("type").string();
    Bytes value = f.get("value").base64();
    return build(f, () -> PublicKey.of(type, value));
  }

  /** A validator; the power is {@code voting_power} (RPC) or {@code power} (genesis). */
  public static Validator validator(JsonField f) {
    PublicKey key = publicKey(f.get("pub_key"));
    long power =
        f.opt("voting_power")
            .or(() -> f.opt("power"))
            .orElseThrow(() -> missing(f, "voting_power"))
            .int64();
    long priority = f.opt("proposer_priority").map(JsonField::int64).orElse(0L);
    Bytes address = f.opt("address").map(JsonField::hex).orElseGet(key::address);
    return build(f, () -> new Validator(address, key, power, priority));
  }

  public static List<Validator> validators(JsonField array) {
    List<Validator> out = new ArrayList<>();
    for (JsonField v : array.array()) {
      out.add(validator(v));
    }
    return out;
  }

  /**
   * A validator set {@code {validators, proposer?, total_voting_power?}}; a non-zero total must
   * equal the sum of the powers.
   */
  public static ValidatorSet validatorSet(JsonField f) {
    List<Validator> validators = validators(f.get("validators"));
    Validator proposer = f.opt("proposer").map(TendermintJson::validator).orElse(null);
    ValidatorSet set = build(f, () -> new ValidatorSet(validators, proposer));
    long given = f.opt("total_voting_power").map(JsonField::int64).orElse(0L);
    if (given != 0 && given != set.totalVotingPower()) {
      throw f.malformed(
          "total_voting_power "
              + given
              + " differs from the sum of the validators' powers "
              + set.totalVotingPower());
    }
    return set;
  }

  /** {@code {signed_header, validator_set, next_validator_set, provider?}}. */
  public static LightBlock lightBlock(JsonField f, String defaultProvider) {
    return new LightBlock(
        signedHeader(f.get("signed_header")),
        validatorSet(f.get("validator_set")),
        validatorSet(f.get("next_validator_set")),
        f.opt("provider").map(JsonField::string).orElse(defaultProvider));
  }

  private static Bytes hexOrEmpty(JsonField f, String name) {
    return f.opt(name).map(JsonField::hex).orElse(Bytes.EMPTY);
  }

  private static io.wasm08.common.Wasm08Exception missing(JsonField f, String name) {
    return JsonField.malformed(f.path() + "." + name, "missing field");
  }

  /** Runs a record constructor, reporting its validation failure against the JSON field. */
  private static <T> T build(JsonField f, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (IllegalArgumentException e) {
      throw f.malformed(e.getMessage());
    }
  }
}
