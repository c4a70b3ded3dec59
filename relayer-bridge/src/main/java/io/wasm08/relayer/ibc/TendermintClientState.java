package io.wasm08.relayer.ibc;

import com.google.protobuf.Any;
import com.google.protobuf.Duration;
import com.google.protobuf.InvalidProtocolBufferException;
import cosmos.ics23.v1.Proofs.ProofSpec;
import ibc.lightclients.tendermint.v1.Tendermint;
import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerkleProofs;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.TrustThreshold;
import io.wasm08.relayer.light.VerifierOptions;
import java.util.List;
import java.util.Objects;

/**
 * An 07-tendermint client state. The relayer creates one for {@code MsgCreateClient} and reads one
 * back to verify with the client's own parameters ({@link #verifierOptions()}), so it never submits
 * a header the client would refuse for a reason the relayer could have seen.
 */
public record TendermintClientState(
    String chainId,
    TrustThreshold trustLevel,
    java.time.Duration trustingPeriod,
    java.time.Duration unbondingPeriod,
    java.time.Duration maxClockDrift,
    Height frozenHeight,
    Height latestHeight,
    List<ProofSpec> proofSpecs,
    List<String> upgradePath) {
  public static final String TYPE_URL = "/ibc.lightclients.tendermint.v1.ClientState";

  /** The Cosmos SDK upgrade module's path. */
  public static final List<String> SDK_UPGRADE_PATH = List.of("upgrade", "upgradedIBCState");

  public TendermintClientState {
    Objects.requireNonNull(chainId, "chainId");
    Objects.requireNonNull(trustLevel, "trustLevel");
    Objects.requireNonNull(trustingPeriod, "trustingPeriod");
    Objects.requireNonNull(unbondingPeriod, "unbondingPeriod");
    Objects.requireNonNull(maxClockDrift, "maxClockDrift");
    Objects.requireNonNull(frozenHeight, "frozenHeight");
    Objects.requireNonNull(latestHeight, "latestHeight");
    proofSpecs = List.copyOf(proofSpecs);
    upgradePath = List.copyOf(upgradePath);
  }

  /** A client for a Cosmos SDK chain (IAVL + Tendermint proof specs, SDK upgrade path). */
  public static TendermintClientState forSdkChain(
      String chainId,
      TrustThreshold trustLevel,
      java.time.Duration trustingPeriod,
      java.time.Duration unbondingPeriod,
      java.time.Duration maxClockDrift,
      Height latestHeight) {
    return new TendermintClientState(
        chainId,
        trustLevel,
        trustingPeriod,
        unbondingPeriod,
        maxClockDrift,
        Height.ZERO,
        latestHeight,
        MerkleProofs.SDK_SPECS,
        SDK_UPGRADE_PATH);
  }

  /** The light-client parameters this client verifies with. */
  public VerifierOptions verifierOptions() {
    return new VerifierOptions(trustLevel, trustingPeriod, maxClockDrift);
  }

  public boolean isFrozen() {
    return !frozenHeight.isZero();
  }

  public Tendermint.ClientState toProto() {
    return Tendermint.ClientState.newBuilder()
        .setChainId(chainId)
        .setTrustLevel(
            Tendermint.Fraction.newBuilder()
                .setNumerator(trustLevel.numerator())
                .setDenominator(trustLevel.denominator()))
        .setTrustingPeriod(duration(trustingPeriod))
        .setUnbondingPeriod(duration(unbondingPeriod))
        .setMaxClockDrift(duration(maxClockDrift))
        .setFrozenHeight(frozenHeight.toProto())
        .setLatestHeight(latestHeight.toProto())
        .addAllProofSpecs(proofSpecs)
        .addAllUpgradePath(upgradePath)
        .build();
  }

  public Any toAny() {
    return Any.newBuilder().setTypeUrl(TYPE_URL).setValue(toProto().toByteString()).build();
  }

  public static TendermintClientState fromProto(Tendermint.ClientState proto) {
    return new TendermintClientState(
        proto.getChainId(),
        new TrustThreshold(
            proto.getTrustLevel().getNumerator(), proto.getTrustLevel().getDenominator()),
        duration(proto.getTrustingPeriod()),
        duration(proto.getUnbondingPeriod()),
        duration(proto.getMaxClockDrift()),
        Height.fromProto(proto.getFrozenHeight()),
        Height.fromProto(proto.getLatestHeight()),
        proto.getProofSpecsList(),
        proto.getUpgradePathList());
  }

  public static TendermintClientState fromBytes(Bytes bytes) {
    try {
      return fromProto(Tendermint.ClientState.parseFrom(bytes.asReadOnlyByteBuffer()));
    } catch (InvalidProtocolBufferException e) {
      throw RelayerErrorCode.INVALID_HEADER_INPUT.wrap("not an 07-tendermint client state", e);
    }
  }

  private static Duration duration(java.time.Duration d) {
    return Duration.newBuilder().setSeconds(d.getSeconds()).setNanos(d.getNano()).build();
  }

  private static java.time.Duration duration(Duration d) {
    return java.time.Duration.ofSeconds(d.getSeconds(), d.getNanos());
  }
}
