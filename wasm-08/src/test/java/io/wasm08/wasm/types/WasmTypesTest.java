package io.wasm08.wasm.types;

import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.DEFAULT_WASM_CLIENT_ID;
import static io.wasm08.wasm.testing.WasmTestValues.FIRST_CLIENT_ID;
import static io.wasm08.wasm.testing.WasmTestValues.INVALID_ID;
import static io.wasm08.wasm.testing.WasmTestValues.TEST_ACC_ADDRESS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.ByteString;
import com.google.protobuf.Message;
import ibc.lightclients.wasm.v1.Contract;
import ibc.lightclients.wasm.v1.GenesisState;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.client.ClientInterfaces;
import io.wasm08.core.client.Height;
import io.wasm08.core.codec.AnyCodec;
import io.wasm08.core.codec.AnyInterface;
import io.wasm08.core.codec.SdkInterfaces;
import io.wasm08.core.crypto.AddressCodec;
import io.wasm08.core.errors.HostErrorCode;
import io.wasm08.core.errors.IbcErrorCode;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.tx.MsgSigners;
import java.security.MessageDigest;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ibc-go's {@code types/*_test.go} tables: ClientState.Validate, ConsensusState/ClientMessage
 * ValidateBasic, GenesisState.Validate, the Msgs' ValidateBasic and GetSigners, ValidateWasmCode,
 * ValidateWasmChecksum, ValidateClientID and the codec registration of the six type URLs.
 */
class WasmTypesTest {
  static final String PREFIX = "cosmos";

  /** An error expectation: a registered code and, when given, the full message. */
  record Expected(ErrorCode code, String message) {
    static Expected of(ErrorCode code) {
      return new Expected(code, null);
    }

    static Expected of(ErrorCode code, String message) {
      return new Expected(code, message);
    }
  }

  static void check(Runnable call, Expected expected) {
    if (expected == null) {
      assertThatCode(call::run).doesNotThrowAnyException();
      return;
    }
    IbcException e = catchThrowableOfType(IbcException.class, call::run);
    assertThat(e).as("expected %s", expected.code()).isNotNull();
    assertThat(e.errorCode()).isEqualTo(expected.code());
    if (expected.message() != null) {
      assertThat(e.getMessage()).isEqualTo(expected.message());
    }
  }

  static Stream<Arguments> clientStates() {
    Bytes checksum34 = Bytes.wrapOwned(new byte[34]);
    return Stream.of(
        arguments("valid client", Bytes.of((byte) 0), CODE, null),
        arguments(
            "empty data",
            Bytes.EMPTY,
            CODE,
            Expected.of(WasmErrorCode.INVALID_DATA, "data cannot be empty: invalid data")),
        arguments(
            "empty checksum",
            Bytes.of((byte) 0),
            Bytes.EMPTY,
            Expected.of(
                WasmErrorCode.INVALID_CHECKSUM, "checksum cannot be empty: invalid checksum")),
        arguments(
            "longer than 32 bytes checksum",
            Bytes.of((byte) 0),
            checksum34,
            Expected.of(
                WasmErrorCode.INVALID_CHECKSUM,
                "expected length of 32 bytes, got 34: invalid checksum")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("clientStates")
  void clientStateValidate(String name, Bytes data, Bytes checksum, Expected expected) {
    check(() -> new WasmClientState(data, checksum, Height.ZERO).validate(), expected);
  }

  @Test
  void consensusStateAndClientMessageValidateBasic() {
    check(() -> new WasmConsensusState(Bytes.ofUtf8("data")).validateBasic(), null);
    check(
        () -> new WasmConsensusState(Bytes.EMPTY).validateBasic(),
        Expected.of(WasmErrorCode.INVALID_DATA, "data cannot be empty: invalid data"));
    check(() -> new WasmClientMessage(Bytes.ofUtf8("data")).validateBasic(), null);
    check(
        () -> new WasmClientMessage(Bytes.EMPTY).validateBasic(),
        Expected.of(WasmErrorCode.INVALID_DATA, "data cannot be empty: invalid data"));
    assertThat(new WasmConsensusState(Bytes.ofUtf8("data")).timestamp()).isZero();
    assertThat(new WasmClientState(Bytes.EMPTY, Bytes.EMPTY, Height.ZERO).clientType())
        .isEqualTo("08-wasm");
  }

  @Test
  void genesisValidate() {
    check(
        () ->
            WasmGenesis.validate(
                GenesisState.newBuilder()
                    .addContracts(
                        Contract.newBuilder().setCodeBytes(ByteString.copyFrom(new byte[] {1})))
                    .build()),
        null);
    check(
        () ->
            WasmGenesis.validate(
                GenesisState.newBuilder().addContracts(Contract.getDefaultInstance()).build()),
        Expected.of(
            WasmErrorCode.WASM_EMPTY_CODE, "wasm bytecode validation failed: empty wasm code"));
    assertThat(WasmGenesis.defaultGenesis().getContractsList()).isEmpty();
  }

  static Bytes checksumOfCode() throws Exception {
    return Bytes.wrapOwned(MessageDigest.getInstance("SHA-256").digest(CODE.toByteArray()));
  }

  static ByteString bs(Bytes b) {
    return b == null ? ByteString.EMPTY : ByteString.copyFrom(b.toByteArray());
  }

  static Stream<Arguments> storeCodeMsgs() {
    return Stream.of(
        arguments("success", TEST_ACC_ADDRESS, CODE, null),
        arguments(
            "code is empty",
            TEST_ACC_ADDRESS,
            Bytes.EMPTY,
            Expected.of(WasmErrorCode.WASM_EMPTY_CODE)),
        arguments(
            "code is too large",
            TEST_ACC_ADDRESS,
            Bytes.wrapOwned(new byte[WasmValidation.MAX_WASM_SIZE + 1]),
            Expected.of(WasmErrorCode.WASM_CODE_TOO_LARGE)),
        arguments(
            "signer is invalid",
            "invalid",
            CODE,
            Expected.of(
                IbcErrorCode.INVALID_ADDRESS,
                "string could not be parsed as address: decoding bech32 failed: invalid bech32"
                    + " string length 7: invalid address")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storeCodeMsgs")
  void msgStoreCodeValidateBasic(String name, String signer, Bytes code, Expected expected) {
    MsgStoreCode msg =
        MsgStoreCode.newBuilder().setSigner(signer).setWasmByteCode(bs(code)).build();
    check(() -> WasmMsgs.validateBasic(msg, PREFIX), expected);
  }

  static Stream<Arguments> migrateContractMsgs() throws Exception {
    Bytes checksum = checksumOfCode();
    Bytes msg = Bytes.ofUtf8("{}");
    return Stream.of(
        arguments("success", TEST_ACC_ADDRESS, DEFAULT_WASM_CLIENT_ID, checksum, msg, null),
        arguments(
            "invalid signer address",
            INVALID_ID,
            DEFAULT_WASM_CLIENT_ID,
            checksum,
            msg,
            Expected.of(IbcErrorCode.INVALID_ADDRESS)),
        arguments(
            "clientID is not a valid client identifier",
            TEST_ACC_ADDRESS,
            INVALID_ID,
            checksum,
            msg,
            Expected.of(
                HostErrorCode.INVALID_ID,
                "invalid client identifier IDisInvalid: invalid identifier")),
        arguments(
            "clientID is not a wasm client identifier",
            TEST_ACC_ADDRESS,
            FIRST_CLIENT_ID,
            checksum,
            msg,
            Expected.of(
                HostErrorCode.INVALID_ID,
                "client identifier 07-tendermint-0 does not contain 08-wasm prefix: invalid"
                    + " identifier")),
        arguments(
            "checksum is empty",
            TEST_ACC_ADDRESS,
            DEFAULT_WASM_CLIENT_ID,
            Bytes.EMPTY,
            msg,
            Expected.of(
                WasmErrorCode.INVALID_CHECKSUM, "checksum cannot be empty: invalid checksum")),
        arguments(
            "checksum is not 32 bytes",
            TEST_ACC_ADDRESS,
            DEFAULT_WASM_CLIENT_ID,
            Bytes.of((byte) 1),
            msg,
            Expected.of(
                WasmErrorCode.INVALID_CHECKSUM,
                "expected length of 32 bytes, got 1: invalid checksum")),
        arguments(
            "migrateMsg is empty",
            TEST_ACC_ADDRESS,
            DEFAULT_WASM_CLIENT_ID,
            checksum,
            Bytes.EMPTY,
            Expected.of(
                IbcErrorCode.INVALID_REQUEST, "migrate message cannot be empty: invalid request")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("migrateContractMsgs")
  void msgMigrateContractValidateBasic(
      String name,
      String signer,
      String clientId,
      Bytes checksum,
      Bytes migrateMsg,
      Expected expected) {
    MsgMigrateContract msg =
        MsgMigrateContract.newBuilder()
            .setSigner(signer)
            .setClientId(clientId)
            .setChecksum(bs(checksum))
            .setMsg(bs(migrateMsg))
            .build();
    check(() -> WasmMsgs.validateBasic(msg, PREFIX), expected);
  }

  static Stream<Arguments> removeChecksumMsgs() throws Exception {
    return Stream.of(
        arguments("success", TEST_ACC_ADDRESS, checksumOfCode(), null),
        arguments(
            "checksum is empty",
            TEST_ACC_ADDRESS,
            Bytes.EMPTY,
            Expected.of(WasmErrorCode.INVALID_CHECKSUM)),
        arguments(
            "signer is invalid",
            INVALID_ID,
            checksumOfCode(),
            Expected.of(IbcErrorCode.INVALID_ADDRESS)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removeChecksumMsgs")
  void msgRemoveChecksumValidateBasic(
      String name, String signer, Bytes checksum, Expected expected) {
    MsgRemoveChecksum msg =
        MsgRemoveChecksum.newBuilder().setSigner(signer).setChecksum(bs(checksum)).build();
    check(() -> WasmMsgs.validateBasic(msg, PREFIX), expected);
  }

  static Stream<Arguments> signerMessages() throws Exception {
    ByteString checksum = bs(checksumOfCode());
    return Stream.of(
        arguments(MsgStoreCode.newBuilder().setWasmByteCode(bs(CODE))),
        arguments(MsgRemoveChecksum.newBuilder().setChecksum(checksum)),
        arguments(
            MsgMigrateContract.newBuilder()
                .setClientId(DEFAULT_WASM_CLIENT_ID)
                .setChecksum(checksum)
                .setMsg(ByteString.copyFromUtf8("{}"))));
  }

  /** {@code TestMsg*GetSigners}: the signer field is the signer; an empty one is rejected. */
  @ParameterizedTest
  @MethodSource("signerMessages")
  void getSigners(Message.Builder builder) {
    MsgSigners signers = new MsgSigners(new AddressCodec(PREFIX));
    AddressCodec codec = new AddressCodec(PREFIX);
    Message valid =
        builder
            .clone()
            .setField(builder.getDescriptorForType().findFieldByName("signer"), TEST_ACC_ADDRESS)
            .build();
    assertThat(signers.signers(valid)).containsExactly(codec.stringToBytes(TEST_ACC_ADDRESS));
    Message empty = builder.clone().build();
    IbcException e = catchThrowableOfType(IbcException.class, () -> signers.signers(empty));
    assertThat(e).hasMessage("empty address string is not allowed");
  }

  @Test
  void validateWasmCode() {
    check(() -> WasmValidation.validateWasmCode(CODE), null);
    check(
        () -> WasmValidation.validateWasmCode(Bytes.EMPTY),
        Expected.of(WasmErrorCode.WASM_EMPTY_CODE, "empty wasm code"));
    byte[] big = new byte[WasmValidation.MAX_WASM_SIZE + 1];
    new Random(8).nextBytes(big);
    check(
        () -> WasmValidation.validateWasmCode(Bytes.wrapOwned(big)),
        Expected.of(WasmErrorCode.WASM_CODE_TOO_LARGE, "wasm code too large"));
    check(
        () ->
            WasmValidation.validateWasmCode(
                Bytes.wrapOwned(new byte[WasmValidation.MAX_WASM_SIZE])),
        null);
  }

  @Test
  void validateWasmChecksum() throws Exception {
    Bytes checksum = checksumOfCode();
    check(() -> WasmValidation.validateWasmChecksum(checksum), null);
    check(
        () -> WasmValidation.validateWasmChecksum(null),
        Expected.of(WasmErrorCode.INVALID_CHECKSUM, "checksum cannot be empty: invalid checksum"));
    check(
        () -> WasmValidation.validateWasmChecksum(Bytes.EMPTY),
        Expected.of(WasmErrorCode.INVALID_CHECKSUM, "checksum cannot be empty: invalid checksum"));
    check(
        () -> WasmValidation.validateWasmChecksum(Bytes.of((byte) 1)),
        Expected.of(
            WasmErrorCode.INVALID_CHECKSUM,
            "expected length of 32 bytes, got 1: invalid checksum"));
  }

  @Test
  void validateClientId() {
    check(() -> WasmValidation.validateClientId(DEFAULT_WASM_CLIENT_ID), null);
    check(
        () -> WasmValidation.validateClientId(""),
        Expected.of(HostErrorCode.INVALID_ID, "invalid client identifier : invalid identifier"));
    check(
        () -> WasmValidation.validateClientId(FIRST_CLIENT_ID),
        Expected.of(
            HostErrorCode.INVALID_ID,
            "client identifier 07-tendermint-0 does not contain 08-wasm prefix: invalid identifier"));
  }

  static Stream<Arguments> typeUrls() {
    return Stream.of(
        arguments("/ibc.lightclients.wasm.v1.ClientState", ClientInterfaces.CLIENT_STATE),
        arguments("/ibc.lightclients.wasm.v1.ConsensusState", ClientInterfaces.CONSENSUS_STATE),
        arguments("/ibc.lightclients.wasm.v1.ClientMessage", ClientInterfaces.CLIENT_MESSAGE),
        arguments("/ibc.lightclients.wasm.v1.MsgStoreCode", SdkInterfaces.MSG),
        arguments("/ibc.lightclients.wasm.v1.MsgMigrateContract", SdkInterfaces.MSG),
        arguments("/ibc.lightclients.wasm.v1.MsgRemoveChecksum", SdkInterfaces.MSG));
  }

  /** {@code TestCodecTypeRegistration}: the six type URLs resolve, each against its interface. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("typeUrls")
  void codecTypeRegistration(String typeUrl, AnyInterface<?> iface) {
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    assertThat(codec.isRegistered(typeUrl, iface)).isTrue();
    assertThat(codec.descriptor(typeUrl)).isPresent();
  }

  @Test
  void unregisteredTypeUrlDoesNotResolve() {
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    IbcException e =
        catchThrowableOfType(
            IbcException.class,
            () ->
                codec.unpack(
                    "ibc.invalid.MsgTypeURL", ByteString.EMPTY, ClientInterfaces.CLIENT_STATE));
    assertThat(e.getMessage()).contains("ibc.invalid.MsgTypeURL");
    assertThat(codec.descriptor("ibc.invalid.MsgTypeURL")).isEmpty();
  }

  @Test
  void clientStatesRoundTripThroughTheAnyCodec() {
    AnyCodec codec = WasmTypes.registerInterfaces(AnyCodec.builder()).build();
    WasmClientState cs = new WasmClientState(Bytes.ofUtf8("data"), CODE, Height.of(1, 5));
    Object decoded =
        codec.unpack(AnyCodec.pack(cs.toProto()), ClientInterfaces.CLIENT_STATE).orElseThrow();
    assertThat(decoded).isEqualTo(cs);
    assertThat(WasmClientState.unmarshal(cs.marshal())).isEqualTo(cs);
  }
}
