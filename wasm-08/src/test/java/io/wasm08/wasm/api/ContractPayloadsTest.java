package io.wasm08.wasm.api;

import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_CLIENT_STATE;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_CONSENSUS_STATE;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_UPGRADED_CLIENT_STATE_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_UPGRADED_CONSENSUS_STATE_PROOF;
import static io.wasm08.wasm.testing.WasmTestValues.MOCK_VALID_PROOF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.core.client.Height;
import io.wasm08.proofs.commitment.MerklePath;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import java.security.MessageDigest;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The literal payloads of 08-wasm-host.md §4.2/§4.4 (ibc-go's Go {@code json.Marshal} output for
 * the mock values of {@code testing/values.go}), byte for byte, and the legacy shapes of §4.6.
 */
class ContractPayloadsTest {
  static final Bytes HEADER = Bytes.ofUtf8("header-bytes");
  static final MerklePath PATH = MerklePath.ofUtf8("ibc", "connections/connection-0");
  static final Height HEIGHT = Height.of(1, 5);

  static Bytes checksum() throws Exception {
    return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(CODE.toByteArray()));
  }

  @Test
  void mockChecksumIsTheOneUpstreamQuotes() throws Exception {
    assertThat(checksum().toHex())
        .isEqualTo("b3a49b2914f5e6a673215e74325c1d153bb6776e079774e52c5b7e674d9ad3ab");
  }

  @Test
  void instantiate() throws Exception {
    Bytes json =
        ContractPayloads.current()
            .instantiate(
                new InstantiateMessage(
                    new WasmClientState(MOCK_CLIENT_STATE, checksum(), Height.of(0, 1)),
                    new WasmConsensusState(MOCK_CONSENSUS_STATE)));
    assertThat(json.toUtf8())
        .isEqualTo(
            "{\"client_state\":\"Y2xpZW50LXN0YXRlLWRhdGE=\",\"consensus_state\":\"Y29uc2Vuc3VzLXN0YXRlLWRhdGE=\",\"checksum\":\"s6SbKRT15qZzIV50MlwdFTu2d24Hl3TlLFt+Z02a06s=\"}");
  }

  static Stream<Arguments> queries() {
    return Stream.of(
        arguments(new QueryMsg.Status(), "{\"status\":{}}"),
        arguments(
            new QueryMsg.TimestampAtHeight(HEIGHT),
            "{\"timestamp_at_height\":{\"height\":{\"revision_number\":1,\"revision_height\":5}}}"),
        arguments(
            new QueryMsg.VerifyClientMessage(HEADER),
            "{\"verify_client_message\":{\"client_message\":\"aGVhZGVyLWJ5dGVz\"}}"),
        arguments(
            new QueryMsg.CheckForMisbehaviour(HEADER),
            "{\"check_for_misbehaviour\":{\"client_message\":\"aGVhZGVyLWJ5dGVz\"}}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("queries")
  void queryPayloads(QueryMsg msg, String expected) {
    assertThat(ContractPayloads.current().query(msg).toUtf8()).isEqualTo(expected);
  }

  static Stream<Arguments> sudos() {
    return Stream.of(
        arguments(
            new SudoMsg.UpdateState(HEADER),
            "{\"update_state\":{\"client_message\":\"aGVhZGVyLWJ5dGVz\"}}"),
        arguments(
            new SudoMsg.UpdateStateOnMisbehaviour(HEADER),
            "{\"update_state_on_misbehaviour\":{\"client_message\":\"aGVhZGVyLWJ5dGVz\"}}"),
        arguments(
            new SudoMsg.VerifyMembership(
                HEIGHT, 0, 0, MOCK_VALID_PROOF, PATH, Bytes.ofUtf8("value")),
            "{\"verify_membership\":{\"height\":{\"revision_number\":1,\"revision_height\":5},\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":\"dmFsaWQgcHJvb2Y=\",\"merkle_path\":{\"key_path\":[\"aWJj\",\"Y29ubmVjdGlvbnMvY29ubmVjdGlvbi0w\"]},\"value\":\"dmFsdWU=\"}}"),
        arguments(
            new SudoMsg.VerifyNonMembership(HEIGHT, 0, 0, MOCK_VALID_PROOF, PATH),
            "{\"verify_non_membership\":{\"height\":{\"revision_number\":1,\"revision_height\":5},\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":\"dmFsaWQgcHJvb2Y=\",\"merkle_path\":{\"key_path\":[\"aWJj\",\"Y29ubmVjdGlvbnMvY29ubmVjdGlvbi0w\"]}}}"),
        arguments(
            new SudoMsg.VerifyUpgradeAndUpdateState(
                new WasmClientState(MOCK_CLIENT_STATE, CODE, Height.of(1, 6)),
                new WasmConsensusState(MOCK_CONSENSUS_STATE),
                MOCK_UPGRADED_CLIENT_STATE_PROOF,
                MOCK_UPGRADED_CONSENSUS_STATE_PROOF),
            "{\"verify_upgrade_and_update_state\":{\"upgrade_client_state\":\"Y2xpZW50LXN0YXRlLWRhdGE=\",\"upgrade_consensus_state\":\"Y29uc2Vuc3VzLXN0YXRlLWRhdGE=\",\"proof_upgrade_client\":\"dXBncmFkZWQgY2xpZW50IHN0YXRlIHByb29m\",\"proof_upgrade_consensus_state\":\"dXBncmFkZWQgY29uc2Vuc3VzIHN0YXRlIHByb29m\"}}"),
        arguments(new SudoMsg.MigrateClientStore(), "{\"migrate_client_store\":{}}"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("sudos")
  void sudoPayloads(SudoMsg msg, String expected) {
    assertThat(ContractPayloads.current().sudo(msg).toUtf8()).isEqualTo(expected);
  }

  /** §4.3: nil bytes → null; an empty MerklePath → {} (key_path omitempty); zero Height in full. */
  @Test
  void nilBytesEmptyPathAndZeroHeight() {
    assertThat(
            ContractPayloads.current()
                .sudo(new SudoMsg.VerifyNonMembership(Height.ZERO, 0, 0, null, MerklePath.of()))
                .toUtf8())
        .isEqualTo(
            "{\"verify_non_membership\":{\"height\":{\"revision_number\":0,\"revision_height\":0},\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":null,\"merkle_path\":{}}}");
  }

  /** §4.2: env and info exactly as wasmvm marshals them. */
  @Test
  void envAndInfo() {
    assertThat(ContractEnv.env(12, 1_700_000_000_000_000_000L, "testchain-1", "08-wasm-0").toUtf8())
        .isEqualTo(
            "{\"block\":{\"height\":12,\"time\":\"1700000000000000000\",\"chain_id\":\"testchain-1\"},\"transaction\":null,\"contract\":{\"address\":\"08-wasm-0\"}}");
    assertThat(ContractEnv.INSTANTIATE_INFO.toUtf8()).isEqualTo("{\"sender\":\"\",\"funds\":[]}");
  }

  /**
   * §4.6 G3: membership under {@code "path"} with string keys and Heights without zero fields; G4
   * the same with base64 keys.
   */
  @Test
  void legacyMembershipShapes() {
    SudoMsg msg =
        new SudoMsg.VerifyMembership(
            Height.of(0, 5), 0, 0, MOCK_VALID_PROOF, PATH, Bytes.ofUtf8("value"));
    assertThat(new ContractPayloads(ContractDialect.G3).sudo(msg).toUtf8())
        .isEqualTo(
            "{\"verify_membership\":{\"height\":{\"revision_height\":5},\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":\"dmFsaWQgcHJvb2Y=\",\"path\":{\"key_path\":[\"ibc\",\"connections/connection-0\"]},\"value\":\"dmFsdWU=\"}}");
    assertThat(new ContractPayloads(ContractDialect.G4).sudo(msg).toUtf8())
        .isEqualTo(
            "{\"verify_membership\":{\"height\":{\"revision_height\":5},\"delay_time_period\":0,\"delay_block_period\":0,\"proof\":\"dmFsaWQgcHJvb2Y=\",\"path\":{\"key_path\":[\"aWJj\",\"Y29ubmVjdGlvbnMvY29ubmVjdGlvbi0w\"]},\"value\":\"dmFsdWU=\"}}");
    assertThat(
            new ContractPayloads(ContractDialect.G3)
                .query(new QueryMsg.TimestampAtHeight(Height.ZERO))
                .toUtf8())
        .isEqualTo("{\"timestamp_at_height\":{\"height\":{}}}");
  }

  /** §4.6 G1: wrapped types with {@code code_hash}, the G1 recovery entry point. */
  @Test
  void g1WrappedTypes() throws Exception {
    ContractPayloads g1 = new ContractPayloads(ContractDialect.G1);
    Bytes data = Bytes.ofUtf8("cs");
    assertThat(
            g1.instantiate(
                    new InstantiateMessage(
                        new WasmClientState(data, checksum(), Height.of(2000, 2)),
                        new WasmConsensusState(Bytes.ofUtf8("cons"))))
                .toUtf8())
        .isEqualTo(
            "{\"client_state\":{\"data\":\"Y3M=\",\"code_hash\":\"s6SbKRT15qZzIV50MlwdFTu2d24Hl3TlLFt+Z02a06s=\",\"latest_height\":{\"revision_number\":2000,\"revision_height\":2}},\"consensus_state\":{\"data\":\"Y29ucw==\"}}");
    assertThat(g1.sudo(new SudoMsg.UpdateState(HEADER)).toUtf8())
        .isEqualTo("{\"update_state\":{\"client_message\":{\"data\":\"aGVhZGVyLWJ5dGVz\"}}}");
    assertThat(g1.sudo(new SudoMsg.MigrateClientStore()).toUtf8())
        .isEqualTo("{\"check_substitute_and_update_state\":{}}");
    assertThat(
            g1.sudo(
                    new SudoMsg.VerifyMembership(
                        Height.of(2000, 11),
                        1_000_000_000L,
                        0,
                        MOCK_VALID_PROOF,
                        MerklePath.ofUtf8("ibc/", "clients/07-tendermint-0/clientState"),
                        Bytes.ofUtf8("v")))
                .toUtf8())
        .isEqualTo(
            "{\"verify_membership\":{\"height\":{\"revision_number\":2000,\"revision_height\":11},\"delay_time_period\":1000000000,\"delay_block_period\":0,\"proof\":\"dmFsaWQgcHJvb2Y=\",\"path\":{\"key_path\":[\"ibc/\",\"clients/07-tendermint-0/clientState\"]},\"value\":\"dg==\"}}");
  }

  /** Go escapes HTML characters, controls and invalid UTF-8 in strings (key paths, chain ids). */
  @Test
  void goStringEscaping() {
    Bytes key =
        Bytes.of(
            (byte) '<', (byte) '&', (byte) '>', (byte) '\n', (byte) 0x01, (byte) 0xFF, (byte) '"');
    assertThat(
            new ContractPayloads(ContractDialect.G3)
                .sudo(
                    new SudoMsg.VerifyNonMembership(
                        Height.of(0, 1), 0, 0, null, MerklePath.of(key)))
                .toUtf8())
        .contains("\"key_path\":[\"\\u003c\\u0026\\u003e\\n\\u0001\\ufffd\\\"\"]");
    assertThat(GoJsonWriter.quote("a\u2028b\u00e9\b\f\t\r\\"))
        .isEqualTo("\"a\\u2028b\u00e9\\b\\f\\t\\r\\\\\"");
  }
}
