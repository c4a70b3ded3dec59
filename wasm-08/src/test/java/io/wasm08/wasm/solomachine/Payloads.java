package io.wasm08.wasm.solomachine;

import io.wasm08.common.Bytes;

/**
 * The JSON ibc-go 08-wasm sends to the contract (types/contract_api.go, Go encoding/json: struct
 * field order, no whitespace, base64 bytes, both Height fields), for the calls of the tests.
 */
final class Payloads {
  /** 08-wasm's env (keeper getEnv): no transaction, the client id as contract address. */
  static final Bytes ENV =
      Bytes.ofUtf8(
          "{\"block\":{\"height\":12,\"time\":\"1700000000000000000\",\"chain_id\":\"testchain-1\"},"
              + "\"transaction\":null,\"contract\":{\"address\":\"08-wasm-0\"}}");

  /** 08-wasm's MessageInfo on instantiate. */
  static final Bytes INFO = Bytes.ofUtf8("{\"sender\":\"\",\"funds\":[]}");

  private Payloads() {}

  static String instantiate(Bytes clientState, Bytes consensusState, Bytes checksum) {
    return "{\"client_state\":\""
        + clientState.toBase64()
        + "\",\"consensus_state\":\""
        + consensusState.toBase64()
        + "\",\"checksum\":\""
        + checksum.toBase64()
        + "\"}";
  }

  static String status() {
    return "{\"status\":{}}";
  }

  static String timestampAtHeight(long revisionHeight) {
    return "{\"timestamp_at_height\":{\"height\":" + height(revisionHeight) + "}}";
  }

  static String verifyClientMessage(Bytes clientMessage) {
    return clientMessage("verify_client_message", clientMessage);
  }

  static String checkForMisbehaviour(Bytes clientMessage) {
    return clientMessage("check_for_misbehaviour", clientMessage);
  }

  static String updateState(Bytes clientMessage) {
    return clientMessage("update_state", clientMessage);
  }

  static String updateStateOnMisbehaviour(Bytes clientMessage) {
    return clientMessage("update_state_on_misbehaviour", clientMessage);
  }

  /** IBC v1 path: {@code ["ibc", path]}. */
  static String verifyMembership(long proofHeight, Bytes proof, String path, Bytes value) {
    return "{\"verify_membership\":"
        + membershipFields(proofHeight, proof, path)
        + ",\"value\":\""
        + value.toBase64()
        + "\"}}";
  }

  static String verifyNonMembership(long proofHeight, Bytes proof, String path) {
    return "{\"verify_non_membership\":" + membershipFields(proofHeight, proof, path) + "}}";
  }

  static String verifyUpgradeAndUpdateState() {
    // 08-wasm-host.md §4.4's literal payload
    return "{\"verify_upgrade_and_update_state\":{\"upgrade_client_state\":\"Y2xpZW50LXN0YXRlLWRhdGE=\","
        + "\"upgrade_consensus_state\":\"Y29uc2Vuc3VzLXN0YXRlLWRhdGE=\","
        + "\"proof_upgrade_client\":\"dXBncmFkZWQgY2xpZW50IHN0YXRlIHByb29m\","
        + "\"proof_upgrade_consensus_state\":\"dXBncmFkZWQgY29uc2Vuc3VzIHN0YXRlIHByb29m\"}}";
  }

  static String migrateClientStore() {
    return "{\"migrate_client_store\":{}}";
  }

  private static String clientMessage(String variant, Bytes data) {
    return "{\"" + variant + "\":{\"client_message\":\"" + data.toBase64() + "\"}}";
  }

  private static String height(long revisionHeight) {
    return "{\"revision_number\":0,\"revision_height\":"
        + Long.toUnsignedString(revisionHeight)
        + "}";
  }

  private static String membershipFields(long proofHeight, Bytes proof, String path) {
    return "{\"height\":"
        + height(proofHeight)
        + ",\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":\""
        + proof.toBase64()
        + "\",\"merkle_path\":{\"key_path\":[\""
        + Bytes.ofUtf8("ibc").toBase64()
        + "\",\""
        + Bytes.ofUtf8(path).toBase64()
        + "\"]}";
  }
}
