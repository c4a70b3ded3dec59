package io.wasm08.core.errors;

/**
 * ICS-02 client errors ({@code modules/core/02-client/types/errors.go}), codespace {@code
 * "client"}.
 */
public enum ClientErrorCode implements IbcError {
  /** {@code ErrClientExists}. */
  CLIENT_EXISTS("client", 2, "light client already exists"),
  /** {@code ErrInvalidClient}. */
  INVALID_CLIENT("client", 3, "light client is invalid"),
  /** {@code ErrClientNotFound}. */
  CLIENT_NOT_FOUND("client", 4, "light client not found"),
  /** {@code ErrClientFrozen}. */
  CLIENT_FROZEN("client", 5, "light client is frozen due to misbehaviour"),
  /** {@code ErrInvalidClientMetadata}. */
  INVALID_CLIENT_METADATA("client", 6, "invalid client metadata"),
  /** {@code ErrConsensusStateNotFound}. */
  CONSENSUS_STATE_NOT_FOUND("client", 7, "consensus state not found"),
  /** {@code ErrInvalidConsensus}. */
  INVALID_CONSENSUS("client", 8, "invalid consensus state"),
  /** {@code ErrClientTypeNotFound}. */
  CLIENT_TYPE_NOT_FOUND("client", 9, "client type not found"),
  /** {@code ErrInvalidClientType}. */
  INVALID_CLIENT_TYPE("client", 10, "invalid client type"),
  /** {@code ErrRootNotFound}. */
  ROOT_NOT_FOUND("client", 11, "commitment root not found"),
  /** {@code ErrInvalidHeader}. */
  INVALID_HEADER("client", 12, "invalid client header"),
  /** {@code ErrInvalidMisbehaviour}. */
  INVALID_MISBEHAVIOUR("client", 13, "invalid light client misbehaviour"),
  /** {@code ErrFailedClientStateVerification}. */
  FAILED_CLIENT_STATE_VERIFICATION("client", 14, "client state verification failed"),
  /** {@code ErrFailedClientConsensusStateVerification}. */
  FAILED_CLIENT_CONSENSUS_STATE_VERIFICATION(
      "client", 15, "client consensus state verification failed"),
  /** {@code ErrFailedConnectionStateVerification}. */
  FAILED_CONNECTION_STATE_VERIFICATION("client", 16, "connection state verification failed"),
  /** {@code ErrFailedChannelStateVerification}. */
  FAILED_CHANNEL_STATE_VERIFICATION("client", 17, "channel state verification failed"),
  /** {@code ErrFailedPacketCommitmentVerification}. */
  FAILED_PACKET_COMMITMENT_VERIFICATION("client", 18, "packet commitment verification failed"),
  /** {@code ErrFailedPacketAckVerification}. */
  FAILED_PACKET_ACK_VERIFICATION("client", 19, "packet acknowledgement verification failed"),
  /** {@code ErrFailedPacketReceiptVerification}. */
  FAILED_PACKET_RECEIPT_VERIFICATION("client", 20, "packet receipt verification failed"),
  /** {@code ErrFailedNextSeqRecvVerification}. */
  FAILED_NEXT_SEQ_RECV_VERIFICATION("client", 21, "next sequence receive verification failed"),
  /** {@code ErrSelfConsensusStateNotFound}. */
  SELF_CONSENSUS_STATE_NOT_FOUND("client", 22, "self consensus state not found"),
  /** {@code ErrUpdateClientFailed}. */
  UPDATE_CLIENT_FAILED("client", 23, "unable to update light client"),
  /** {@code ErrInvalidRecoveryClient}. */
  INVALID_RECOVERY_CLIENT("client", 24, "invalid recovery client"),
  /** {@code ErrInvalidUpgradeClient}. */
  INVALID_UPGRADE_CLIENT("client", 25, "invalid client upgrade"),
  /** {@code ErrInvalidHeight}. */
  INVALID_HEIGHT("client", 26, "invalid height"),
  /** {@code ErrInvalidSubstitute}. */
  INVALID_SUBSTITUTE("client", 27, "invalid client state substitute"),
  /** {@code ErrInvalidUpgradeProposal}. */
  INVALID_UPGRADE_PROPOSAL("client", 28, "invalid upgrade proposal"),
  /** {@code ErrClientNotActive}. */
  CLIENT_NOT_ACTIVE("client", 29, "client state is not active"),
  /** {@code ErrFailedMembershipVerification}. */
  FAILED_MEMBERSHIP_VERIFICATION("client", 30, "membership verification failed"),
  /** {@code ErrFailedNonMembershipVerification}. */
  FAILED_NON_MEMBERSHIP_VERIFICATION("client", 31, "non-membership verification failed"),
  /** {@code ErrRouteNotFound}. */
  ROUTE_NOT_FOUND("client", 32, "light client module route not found"),
  /** {@code ErrClientTypeNotSupported}. */
  CLIENT_TYPE_NOT_SUPPORTED("client", 33, "client type not supported");

  public static final String CODESPACE = "client";

  private final String codespace;
  private final int code;
  private final String message;

  ClientErrorCode(String codespace, int code, String message) {
    this.codespace = codespace;
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return codespace;
  }

  @Override
  public int code() {
    return code;
  }

  @Override
  public String message() {
    return message;
  }
}
