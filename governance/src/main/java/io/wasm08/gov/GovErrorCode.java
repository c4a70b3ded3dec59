package io.wasm08.gov;

import io.wasm08.core.errors.IbcError;

/**
 * x/gov's registered errors, codespace {@code "gov"}, as SDK v0.50 registers them ({@code
 * x/gov/types/errors.go}). Codes 2, 14, 17 and 19 belong to older releases and are not registered
 * in v0.50; their absence is deliberate.
 */
public enum GovErrorCode implements IbcError {
  /** {@code ErrInactiveProposal}. */
  INACTIVE_PROPOSAL(3, "inactive proposal"),
  /** {@code ErrAlreadyActiveProposal}. */
  ALREADY_ACTIVE_PROPOSAL(4, "proposal already active"),
  /** {@code ErrInvalidProposalContent}. */
  INVALID_PROPOSAL_CONTENT(5, "invalid proposal content"),
  /** {@code ErrInvalidProposalType}. */
  INVALID_PROPOSAL_TYPE(6, "invalid proposal type"),
  /** {@code ErrInvalidVote}. */
  INVALID_VOTE(7, "invalid vote option"),
  /** {@code ErrInvalidGenesis}. */
  INVALID_GENESIS(8, "invalid genesis state"),
  /** {@code ErrNoProposalHandlerExists}. */
  NO_PROPOSAL_HANDLER_EXISTS(9, "no handler exists for proposal type"),
  /** {@code ErrUnroutableProposalMsg}. */
  UNROUTABLE_PROPOSAL_MSG(10, "proposal message not recognized by router"),
  /** {@code ErrNoProposalMsgs}. */
  NO_PROPOSAL_MSGS(11, "no messages proposed"),
  /** {@code ErrInvalidProposalMsg}. */
  INVALID_PROPOSAL_MSG(12, "invalid proposal message"),
  /** {@code ErrInvalidSigner}. */
  INVALID_SIGNER(13, "expected gov account as only signer for proposal message"),
  /** {@code ErrMetadataTooLong}. */
  METADATA_TOO_LONG(15, "metadata too long"),
  /** {@code ErrMinDepositTooSmall}. */
  MIN_DEPOSIT_TOO_SMALL(16, "minimum deposit is too small"),
  /** {@code ErrInvalidProposer}. */
  INVALID_PROPOSER(18, "invalid proposer"),
  /** {@code ErrVotingPeriodEnded}. */
  VOTING_PERIOD_ENDED(20, "voting period already ended"),
  /** {@code ErrInvalidProposal}. */
  INVALID_PROPOSAL(21, "invalid proposal"),
  /** {@code ErrSummaryTooLong}. */
  SUMMARY_TOO_LONG(22, "summary too long"),
  /** {@code ErrInvalidDepositDenom}. */
  INVALID_DEPOSIT_DENOM(23, "invalid deposit denom");

  /** {@code types.ModuleName}. */
  public static final String CODESPACE = "gov";

  private final int code;
  private final String message;

  GovErrorCode(int code, String message) {
    this.code = code;
    this.message = message;
  }

  @Override
  public String codespace() {
    return CODESPACE;
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
