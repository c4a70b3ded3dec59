package io.wasm08.gov;

/** x/gov's event types, attribute keys and values ({@code x/gov/types/events.go}, SDK v0.50). */
public final class GovEvents {
  private GovEvents() {}

  public static final String TYPE_SUBMIT_PROPOSAL = "submit_proposal";
  public static final String TYPE_PROPOSAL_DEPOSIT = "proposal_deposit";
  public static final String TYPE_PROPOSAL_VOTE = "proposal_vote";
  public static final String TYPE_INACTIVE_PROPOSAL = "inactive_proposal";
  public static final String TYPE_ACTIVE_PROPOSAL = "active_proposal";
  public static final String TYPE_CANCEL_PROPOSAL = "cancel_proposal";

  public static final String KEY_PROPOSAL_RESULT = "proposal_result";
  public static final String KEY_VOTER = "voter";
  public static final String KEY_OPTION = "option";
  public static final String KEY_PROPOSAL_ID = "proposal_id";
  public static final String KEY_PROPOSAL_MESSAGES = "proposal_messages";
  public static final String KEY_VOTING_PERIOD_START = "voting_period_start";
  public static final String KEY_PROPOSAL_LOG = "proposal_log";

  /** {@code sdk.AttributeKeyAmount}. */
  public static final String KEY_AMOUNT = "amount";

  /** {@code sdk.AttributeKeySender}. */
  public static final String KEY_SENDER = "sender";

  public static final String VALUE_PROPOSAL_DROPPED = "proposal_dropped";
  public static final String VALUE_PROPOSAL_PASSED = "proposal_passed";
  public static final String VALUE_PROPOSAL_REJECTED = "proposal_rejected";
  public static final String VALUE_EXPEDITED_PROPOSAL_REJECTED = "expedited_proposal_rejected";
  public static final String VALUE_PROPOSAL_FAILED = "proposal_failed";
}
