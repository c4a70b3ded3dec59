package io.wasm08.relayer.ibc;

import com.google.protobuf.Any;
import ibc.lightclients.tendermint.v1.Tendermint;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightClientError;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.Objects;

/**
 * 07-tendermint misbehaviour ({@code ibc.lightclients.tendermint.v1.Misbehaviour}): two valid
 * headers that conflict, each verifiable from a trusted height of the client. Submitted with {@code
 * MsgSubmitMisbehaviour} (or as a ClientMessage) it freezes the client.
 */
public record TendermintMisbehaviour(
    TendermintClientHeader header1, TendermintClientHeader header2) {
  public static final String TYPE_URL = "/ibc.lightclients.tendermint.v1.Misbehaviour";

  public TendermintMisbehaviour {
    Objects.requireNonNull(header1, "header1");
    Objects.requireNonNull(header2, "header2");
  }

  /**
   * The misbehaviour of a detected light-client attack: both conflicting blocks, each trusted from
   * the attack's common height, whose consensus state's next validators are {@code
   * commonNextValidators} (with a proposer, e.g. the validator set at common height + 1).
   */
  public static TendermintMisbehaviour of(
      LightClientError.LightClientAttack attack,
      ValidatorSet commonNextValidators,
      Bytes commonNextValidatorsHash) {
    String chainId = attack.primaryBlock().chainId();
    if (!chainId.equals(attack.witnessBlock().chainId())) {
      throw RelayerErrorCode.INVALID_HEADER_INPUT.wrap(
          "conflicting blocks of different chains: "
              + chainId
              + " and "
              + attack.witnessBlock().chainId());
    }
    Height trusted = Height.of(Height.parseChainId(chainId), attack.commonHeight());
    return new TendermintMisbehaviour(
        TendermintHeaderBuilder.build(
            attack.primaryBlock(), trusted, commonNextValidators, commonNextValidatorsHash),
        TendermintHeaderBuilder.build(
            attack.witnessBlock(), trusted, commonNextValidators, commonNextValidatorsHash));
  }

  public Tendermint.Misbehaviour toProto() {
    return Tendermint.Misbehaviour.newBuilder()
        .setHeader1(header1.toProto())
        .setHeader2(header2.toProto())
        .build();
  }

  public Bytes toBytes() {
    return Bytes.wrapOwned(toProto().toByteArray());
  }

  public Any toAny() {
    return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(toProto().toByteString()).build();
  }
}
