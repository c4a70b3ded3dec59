package io.wasm08.relayer.relay;

import io.wasm08.common.Wasm08Exception;
import io.wasm08.relayer.RelayerErrorCode;
import io.wasm08.relayer.light.LightClientError;
import io.wasm08.relayer.light.LightClientException;

/**
 * Why a relay step failed, as operators see it (the {@code reason} label of the failure metric):
 * whether the source lied (never relayed, counted as a rejected block), whether the client must be
 * halted until an operator looks (a fork, a quorum disagreement), or whether the next poll simply
 * tries again.
 */
public record RelayFailure(String reason, boolean sourceLied, boolean halts, String message) {

  /** Classifies an error of one relay step. */
  public static RelayFailure of(Wasm08Exception e) {
    if (e instanceof LightClientException lce) {
      return switch (lce.error()) {
        case LightClientError.InvalidLightBlock i ->
            new RelayFailure("invalid_light_block", true, false, e.getMessage());
        case LightClientError.LightClientAttack a ->
            new RelayFailure("light_client_attack", true, true, e.getMessage());
        case LightClientError.NoWitnessAgreed n ->
            new RelayFailure("no_witness_agreed", false, false, e.getMessage());
        case LightClientError.TrustedStateOutsideTrustingPeriod t ->
            new RelayFailure("trusting_period_expired", false, true, e.getMessage());
        case LightClientError.NoInitialTrustedState n ->
            new RelayFailure("no_trusted_state", false, false, e.getMessage());
        case LightClientError.TargetLowerThanTrustedState t ->
            new RelayFailure("target_below_trusted", false, false, e.getMessage());
      };
    }
    if (!(e.errorCode() instanceof RelayerErrorCode code)) {
      return new RelayFailure("internal", false, false, e.getMessage());
    }
    return switch (code) {
      case RPC_TRANSPORT, RPC_TIMEOUT, RPC_HTTP_STATUS, RPC_ERROR_RESPONSE ->
          new RelayFailure("source_unavailable", false, false, e.getMessage());
      case RPC_MALFORMED_RESPONSE, RPC_INCONSISTENT_RESPONSE, INVALID_LIGHT_BLOCK ->
          new RelayFailure("inconsistent_source", true, false, e.getMessage());
      case VERIFICATION_FAILED ->
          new RelayFailure("invalid_light_block", true, false, e.getMessage());
      case LIGHT_CLIENT_ATTACK ->
          new RelayFailure("light_client_attack", true, true, e.getMessage());
      case TRUST_ROOT_MISMATCH -> new RelayFailure("source_fork", true, true, e.getMessage());
      case WITNESS_CROSS_CHECK_FAILED ->
          new RelayFailure("no_witness_agreed", false, false, e.getMessage());
      case QUORUM_NOT_REACHED ->
          new RelayFailure("quorum_disagreement", false, true, e.getMessage());
      case EXECUTOR_FAILED -> new RelayFailure("executor_failed", false, false, e.getMessage());
      case DESTINATION_UNAVAILABLE, DESTINATION_REJECTED, DESTINATION_MALFORMED_RESPONSE ->
          new RelayFailure("destination", false, false, e.getMessage());
      case TX_REJECTED -> new RelayFailure("tx_rejected", false, false, e.getMessage());
      case TX_FAILED -> new RelayFailure("tx_failed", false, false, e.getMessage());
      case TX_TIMEOUT -> new RelayFailure("tx_timeout", false, false, e.getMessage());
      case CLIENT_NOT_RELAYABLE ->
          new RelayFailure("client_not_relayable", false, false, e.getMessage());
      default -> new RelayFailure("internal", false, false, e.getMessage());
    };
  }
}
