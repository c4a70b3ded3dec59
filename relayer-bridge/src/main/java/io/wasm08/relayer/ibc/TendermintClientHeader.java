package io.wasm08.relayer.ibc;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import ibc.lightclients.tendermint.v1.Tendermint;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.tendermint.SignedHeader;
import io.wasm08.relayer.tendermint.TendermintProtos;
import io.wasm08.relayer.tendermint.ValidatorSet;
import java.util.Objects;

/**
 * An 07-tendermint client update ({@code ibc.lightclients.tendermint.v1.Header}): the new signed
 * header with its validator set, and the trusted height (a consensus state the client has) with
 * that state's next validators. In an 08-wasm client it travels as {@code ClientMessage{data =
 * Any(this)}} ({@link #toAny()}).
 */
public record TendermintClientHeader(
    SignedHeader signedHeader,
    ValidatorSet validatorSet,
    Height trustedHeight,
    ValidatorSet trustedValidators) {
  public static final String TYPE_URL = "/ibc.lightclients.tendermint.v1.Header";

  public TendermintClientHeader {
    Objects.requireNonNull(signedHeader, "signedHeader");
    Objects.requireNonNull(validatorSet, "validatorSet");
    Objects.requireNonNull(trustedHeight, "trustedHeight");
    Objects.requireNonNull(trustedValidators, "trustedValidators");
  }

  /** ibc-go {@code Header.GetHeight}: revision from the chain id, the block height. */
  public Height height() {
    return Height.of(Height.parseChainId(signedHeader.chainId()), signedHeader.header().height());
  }

  public Tendermint.Header toProto() {
    return Tendermint.Header.newBuilder()
        .setSignedHeader(TendermintProtos.toProto(signedHeader))
        .setValidatorSet(TendermintProtos.toProto(validatorSet))
        .setTrustedHeight(trustedHeight.toProto())
        .setTrustedValidators(TendermintProtos.toProto(trustedValidators))
        .build();
  }

  /** The proto bytes of the header. */
  public Bytes toBytes() {
    return Bytes.wrapOwned(toProto().toByteArray());
  }

  /**
   * {@code Any{/ibc.lightclients.tendermint.v1.Header, bytes}}: an 08-wasm ClientMessage's data.
   */
  public Any toAny() {
    return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(toProto().toByteString()).build();
  }

  public static TendermintClientHeader fromProto(Tendermint.Header proto) {
    if (!proto.hasSignedHeader() || !proto.hasValidatorSet() || !proto.hasTrustedValidators()) {
      throw RelayerErrorCode.INVALID_HEADER_INPUT.wrap(
          "header lacks its signed header, validator set or trusted validators");
    }
    return new TendermintClientHeader(
        TendermintProtos.fromProto(proto.getSignedHeader()),
        TendermintProtos.fromProto(proto.getValidatorSet()),
        Height.fromProto(proto.getTrustedHeight()),
        TendermintProtos.fromProto(proto.getTrustedValidators()));
  }

  public static TendermintClientHeader fromBytes(Bytes bytes) {
    try {
      return fromProto(Tendermint.Header.parseFrom(bytes.asReadOnlyByteBuffer()));
    } catch (InvalidProtocolBufferException e) {
      throw RelayerErrorCode.INVALID_HEADER_INPUT.wrap("not an 07-tendermint header", e);
    }
  }
}
