package io.wasm08.wasm.testing;

import io.wasm08.common.Bytes;

/**
 * ibc-go's 08-wasm test values ({@code testing/values.go}): the 32-byte mock "code" (Wasm magic +
 * 28 ASCII bytes) whose sha256 every upstream table uses, and the mock states and proofs.
 */
public final class WasmTestValues {
  private WasmTestValues() {}

  public static final Bytes WASM_MAGIC_NUMBER =
      Bytes.of((byte) 0x00, (byte) 0x61, (byte) 0x73, (byte) 0x6D);
  public static final Bytes CODE =
      WASM_MAGIC_NUMBER.concat(Bytes.ofUtf8("0123456780123456780123456780"));

  /** sha256(CODE), quoted by ibc-go's keeper/genesis tests. */
  public static final String CODE_CHECKSUM_HEX =
      "b3a49b2914f5e6a673215e74325c1d153bb6776e079774e52c5b7e674d9ad3ab";

  public static final Bytes MOCK_CLIENT_STATE = Bytes.ofUtf8("client-state-data");
  public static final Bytes MOCK_CONSENSUS_STATE = Bytes.ofUtf8("consensus-state-data");
  public static final Bytes MOCK_VALID_PROOF = Bytes.ofUtf8("valid proof");
  public static final Bytes MOCK_INVALID_PROOF = Bytes.ofUtf8("invalid proof");
  public static final Bytes MOCK_UPGRADED_CLIENT_STATE_PROOF =
      Bytes.ofUtf8("upgraded client state proof");
  public static final Bytes MOCK_UPGRADED_CONSENSUS_STATE_PROOF =
      Bytes.ofUtf8("upgraded consensus state proof");

  /** ibc-go {@code ibctesting.TestAccAddress}. */
  public static final String TEST_ACC_ADDRESS = "cosmos17dtl0mjt3t77kpuhg2edqzjpszulwhgzuj9ljs";

  public static final String INVALID_ID = "IDisInvalid";
  public static final String FIRST_CLIENT_ID = "07-tendermint-0";
  public static final String DEFAULT_WASM_CLIENT_ID = "08-wasm-0";
  public static final String UNUSED_WASM_CLIENT_ID = "08-wasm-100";

  /** {@code CreateMockContract}: magic + {@code code}. */
  public static Bytes mockContract(String code) {
    return WASM_MAGIC_NUMBER.concat(Bytes.ofUtf8(code));
  }
}
