package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.ErrorAssertions.assertErrorIs;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractError;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOkEmpty;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.WasmTestChain.AUTHORITY;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.DEFAULT_WASM_CLIENT_ID;
import static io.wasm08.wasm.testing.WasmTestValues.INVALID_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import com.google.protobuf.ByteString;
import ibc.lightclients.wasm.v1.MsgMigrateContract;
import ibc.lightclients.wasm.v1.MsgRemoveChecksum;
import ibc.lightclients.wasm.v1.MsgStoreCode;
import ibc.lightclients.wasm.v1.MsgStoreCodeResponse;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.context.BlockContext;
import io.wasm08.core.crypto.AccAddress;
import io.wasm08.core.errors.ClientErrorCode;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.events.Event;
import io.wasm08.core.host.ClientKeys;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.testing.FakeWasmEngine;
import io.wasm08.wasm.testing.WasmTestChain;
import io.wasm08.wasm.testing.WasmTestValues;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ibc-go's {@code keeper/msg_server_test.go}: TestMsgStoreCode, TestMsgMigrateContract,
 * TestMsgRemoveChecksum (results, events — none on failure — and exact errors) and the three
 * authority tests (keeper authority, consensus-params authority precedence). Every failing handler
 * leaves the stores untouched.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WasmMsgServerTest {
  static final String SENDER =
      AccAddress.of(Bytes.fromHex("00112233445566778899aabbccddeeff00112233")).toBech32("cosmos");
  static final String OVERRIDE_AUTHORITY =
      AccAddress.of(Bytes.ofUtf8("override_authority___")).toBech32("cosmos");

  FakeWasmEngine vm;
  WasmTestChain chain;

  void setup() {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Active\"}"));
    chain = new WasmTestChain(vm);
  }

  static MsgStoreCode storeCode(String signer, Bytes code) {
    return MsgStoreCode.newBuilder()
        .setSigner(signer)
        .setWasmByteCode(ByteString.copyFrom(code.toByteArray()))
        .build();
  }

  static VmException mockVmError() {
    return new VmException(VmErrorKind.GENERIC_ERR, "mock vm error");
  }

  // ---- TestMsgStoreCode ------------------------------------------------------------------------

  Stream<Arguments> storeCodeCases() {
    return Stream.of(
        arguments("success", (Runnable) () -> {}, null, null),
        arguments(
            "fails with duplicate wasm code",
            (Runnable) () -> chain.msgServer().storeCode(chain.ctx(), storeCode(AUTHORITY, CODE)),
            WasmErrorCode.WASM_CODE_EXISTS,
            "failed to store wasm bytecode: wasm code already exists"),
        arguments(
            "fails with zero-length wasm code",
            (Runnable) () -> code = Bytes.EMPTY,
            WasmErrorCode.WASM_EMPTY_CODE,
            "failed to store wasm bytecode: wasm bytecode validation failed: empty wasm code"),
        arguments(
            "fails with checksum",
            (Runnable) () -> code = Bytes.of((byte) 0, (byte) 1, (byte) 3, (byte) 4),
            SdkErrorCode.INTERNAL,
            "failed to store wasm bytecode: wasm bytecode checksum failed: wasm bytes do not start"
                + " with Wasm magic number"),
        arguments(
            "fails with wasm code too large",
            (Runnable) () -> code = WasmTestValues.mockContract("a".repeat(3 * 1024 * 1024)),
            WasmErrorCode.WASM_CODE_TOO_LARGE,
            null),
        arguments(
            "fails with unauthorized signer",
            (Runnable) () -> signer = SENDER,
            SdkErrorCode.UNAUTHORIZED,
            null),
        arguments(
            "failure: checksum could not be pinned",
            (Runnable)
                () ->
                    vm.pinFn =
                        c -> {
                          throw mockVmError();
                        },
            SdkErrorCode.INTERNAL,
            null));
  }

  Bytes code;
  String signer;

  @ParameterizedTest(name = "{0}")
  @MethodSource("storeCodeCases")
  void msgStoreCode(String name, Runnable malleate, ErrorCode expected, String message) {
    setup();
    signer = AUTHORITY;
    code = CODE;
    malleate.run();
    BlockContext ctx = chain.ctx();
    var before = chain.snapshot();
    if (expected == null) {
      MsgStoreCodeResponse res = chain.msgServer().storeCode(ctx, storeCode(signer, code));
      assertThat(Bytes.of(res.getChecksum().toByteArray()).toHex())
          .isEqualTo(WasmTestValues.CODE_CHECKSUM_HEX);
      assertThat(ctx.eventManager().events())
          .containsExactly(
              Event.of("store_wasm_code", "wasm_checksum", WasmTestValues.CODE_CHECKSUM_HEX),
              Event.of("message", "module", "08-wasm"));
    } else {
      Wasm08Exception e =
          assertErrorIs(() -> chain.msgServer().storeCode(ctx, storeCode(signer, code)), expected);
      if (message != null) {
        assertThat(e).hasMessage(message);
      }
      if (name.contains("pinned")) {
        assertThat(e.getMessage()).contains("mock vm error");
      }
      assertThat(ctx.eventManager().events()).isEmpty();
      assertThat(chain.snapshot()).isEqualTo(before);
    }
  }

  // ---- TestMsgMigrateContract
  // --------------------------------------------------------------------

  Bytes newChecksum;
  Bytes oldChecksum;
  MsgMigrateContract msg;
  WasmClientState expClientState;

  MsgMigrateContract migrate(String signer, String clientId, Bytes checksum) {
    return MsgMigrateContract.newBuilder()
        .setSigner(signer)
        .setClientId(clientId)
        .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
        .setMsg(ByteString.copyFromUtf8("{}"))
        .build();
  }

  Stream<Arguments> migrateCases() {
    return Stream.of(
        arguments(
            "success: no update to client state",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, newChecksum);
                  vm.migrateFn = (c, env, m, ctx) -> contractOkEmpty(ctx);
                },
            null),
        arguments(
            "success: update client state",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, newChecksum);
                  vm.migrateFn =
                      (c, env, m, ctx) -> {
                        Bytes bz =
                            WasmTestChain.mockClientStateBz(Bytes.ofUtf8("invalid checksum"));
                        expClientState =
                            (WasmClientState)
                                StoredClientStates.unmarshalInterface(chain.anyCodec(), bz);
                        FakeWasmEngine.set(ctx, ClientKeys.clientStateKey(), bz);
                        return contractOkEmpty(ctx);
                      };
                },
            null),
        arguments(
            "failure: same checksum",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, oldChecksum);
                  vm.migrateFn =
                      (c, env, m, ctx) -> {
                        throw new AssertionError("unreachable");
                      };
                },
            WasmErrorCode.WASM_CODE_EXISTS),
        arguments(
            "failure: unauthorized signer",
            (Runnable) () -> msg = migrate(SENDER, DEFAULT_WASM_CLIENT_ID, newChecksum),
            SdkErrorCode.UNAUTHORIZED),
        arguments(
            "failure: invalid wasm checksum",
            (Runnable)
                () -> msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8(INVALID_ID)),
            WasmErrorCode.WASM_CHECKSUM_NOT_FOUND),
        arguments(
            "failure: invalid client id",
            (Runnable) () -> msg = migrate(AUTHORITY, INVALID_ID, newChecksum),
            ClientErrorCode.CLIENT_NOT_FOUND),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, newChecksum);
                  vm.migrateFn =
                      (c, env, m, ctx) -> {
                        throw FakeWasmEngine.vmError(ctx);
                      };
                },
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, newChecksum);
                  vm.migrateFn = (c, env, m, ctx) -> contractError(ctx, "mock contract error");
                },
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED),
        arguments(
            "failure: incorrect state update",
            (Runnable)
                () -> {
                  msg = migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, newChecksum);
                  vm.migrateFn =
                      (c, env, m, ctx) -> {
                        FakeWasmEngine.set(
                            ctx, ClientKeys.clientStateKey(), Bytes.ofUtf8("changed client state"));
                        return contractOkEmpty(ctx);
                      };
                },
            WasmErrorCode.WASM_INVALID_CONTRACT_MODIFICATION));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("migrateCases")
  void msgMigrateContract(String name, Runnable malleate, ErrorCode expected) {
    setup();
    oldChecksum = chain.storeCode(CODE);
    newChecksum =
        chain.storeCode(WasmTestValues.mockContract("MockByteCode-TestMsgMigrateContract"));
    chain.createClient(oldChecksum);
    expClientState =
        chain.keeper().getClientState(chain.clientStore(DEFAULT_WASM_CLIENT_ID)).orElseThrow();
    malleate.run();
    BlockContext ctx = chain.ctx();
    var before = chain.snapshot();
    if (expected == null) {
      chain.msgServer().migrateContract(ctx, msg);
      assertThat(
              chain
                  .keeper()
                  .getClientState(chain.clientStore(DEFAULT_WASM_CLIENT_ID))
                  .orElseThrow())
          .isEqualTo(expClientState.withChecksum(newChecksum));
      assertThat(ctx.eventManager().events())
          .containsExactly(
              Event.of(
                  "migrate_contract",
                  "client_id",
                  DEFAULT_WASM_CLIENT_ID,
                  "wasm_checksum",
                  oldChecksum.toHex(),
                  "new_checksum",
                  newChecksum.toHex()),
              Event.of("message", "module", "08-wasm"));
    } else {
      Wasm08Exception e =
          assertErrorIs(() -> chain.msgServer().migrateContract(ctx, msg), expected);
      if (expected != SdkErrorCode.UNAUTHORIZED) {
        assertThat(e.getMessage()).startsWith("failed to migrate contract: ");
      }
      assertThat(ctx.eventManager().events()).isEmpty();
      assertThat(chain.snapshot()).isEqualTo(before);
    }
  }

  // ---- TestMsgRemoveChecksum --------------------------------------------------------------------

  List<Bytes> expChecksums;
  MsgRemoveChecksum removeMsg;

  static MsgRemoveChecksum remove(String signer, Bytes checksum) {
    return MsgRemoveChecksum.newBuilder()
        .setSigner(signer)
        .setChecksum(ByteString.copyFrom(checksum.toByteArray()))
        .build();
  }

  Stream<Arguments> removeCases() {
    Bytes checksum = Bytes.fromHex(WasmTestValues.CODE_CHECKSUM_HEX);
    return Stream.of(
        arguments(
            "success",
            (Runnable)
                () -> {
                  removeMsg = remove(AUTHORITY, checksum);
                  expChecksums = List.of();
                },
            null),
        arguments(
            "success: many checksums",
            (Runnable)
                () -> {
                  removeMsg = remove(AUTHORITY, checksum);
                  expChecksums = new ArrayList<>();
                  for (int i = 0; i < 20; i++) {
                    Bytes other =
                        Checksum.of(
                                WasmTestValues.WASM_MAGIC_NUMBER
                                    .concat(Bytes.of((byte) i))
                                    .toByteArray())
                            .bytes();
                    chain.keeper().addChecksum(chain.ctx(), other);
                    expChecksums.add(other);
                  }
                },
            null),
        arguments(
            "failure: checksum is missing",
            (Runnable) () -> removeMsg = remove(AUTHORITY, Bytes.of((byte) 1)),
            WasmErrorCode.WASM_CHECKSUM_NOT_FOUND),
        arguments(
            "failure: unauthorized signer",
            (Runnable) () -> removeMsg = remove(SENDER, checksum),
            SdkErrorCode.UNAUTHORIZED),
        arguments(
            "failure: code has could not be unpinned",
            (Runnable)
                () -> {
                  removeMsg = remove(AUTHORITY, checksum);
                  vm.unpinFn =
                      c -> {
                        throw mockVmError();
                      };
                },
            SdkErrorCode.INTERNAL));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("removeCases")
  void msgRemoveChecksum(String name, Runnable malleate, ErrorCode expected) {
    setup();
    chain.storeCode(CODE);
    chain.createClient(Bytes.fromHex(WasmTestValues.CODE_CHECKSUM_HEX));
    malleate.run();
    BlockContext ctx = chain.ctx();
    var before = chain.snapshot();
    if (expected == null) {
      chain.msgServer().removeChecksum(ctx, removeMsg);
      assertThat(chain.keeper().getAllChecksums(chain.ctx()))
          .containsExactlyInAnyOrderElementsOf(expChecksums);
      assertThat(ctx.eventManager().events()).isEmpty();
      // the client now reports Unauthorized
      assertThat(chain.module().status(chain.ctx(), DEFAULT_WASM_CLIENT_ID).toString())
          .isEqualTo("Unauthorized");
    } else {
      Wasm08Exception e =
          assertErrorIs(() -> chain.msgServer().removeChecksum(ctx, removeMsg), expected);
      if (name.contains("unpinned")) {
        assertThat(e.getMessage())
            .startsWith(
                "failed to unpin contract with checksum (" + WasmTestValues.CODE_CHECKSUM_HEX + ")")
            .contains("mock vm error");
      }
      assertThat(chain.snapshot()).isEqualTo(before);
    }
  }

  // ---- authority tests
  // ---------------------------------------------------------------------------

  @Test
  void storeCodeAuthority() {
    setup();
    assertThatCode(() -> chain.msgServer().storeCode(chain.ctx(), storeCode(AUTHORITY, CODE)))
        .doesNotThrowAnyException();
    assertErrorIs(
        () -> chain.msgServer().storeCode(chain.ctx(), storeCode(OVERRIDE_AUTHORITY, CODE)),
        SdkErrorCode.UNAUTHORIZED);
    // consensus params authority takes precedence
    setup();
    chain.consensusAuthority = OVERRIDE_AUTHORITY;
    assertThatCode(
            () -> chain.msgServer().storeCode(chain.ctx(), storeCode(OVERRIDE_AUTHORITY, CODE)))
        .doesNotThrowAnyException();
    var e =
        assertErrorIs(
            () -> chain.msgServer().storeCode(chain.ctx(), storeCode(AUTHORITY, CODE)),
            SdkErrorCode.UNAUTHORIZED);
    assertThat(e)
        .hasMessage(
            "invalid authority: expected "
                + OVERRIDE_AUTHORITY
                + ", got "
                + AUTHORITY
                + ": unauthorized");
  }

  @Test
  void removeChecksumAuthority() {
    setup();
    Bytes checksum = chain.storeCode(CODE);
    assertThatCode(() -> chain.msgServer().removeChecksum(chain.ctx(), remove(AUTHORITY, checksum)))
        .doesNotThrowAnyException();
    assertErrorIs(
        () -> chain.msgServer().removeChecksum(chain.ctx(), remove(OVERRIDE_AUTHORITY, checksum)),
        SdkErrorCode.UNAUTHORIZED);
    setup();
    Bytes again = chain.storeCode(CODE);
    chain.consensusAuthority = OVERRIDE_AUTHORITY;
    assertThatCode(
            () -> chain.msgServer().removeChecksum(chain.ctx(), remove(OVERRIDE_AUTHORITY, again)))
        .doesNotThrowAnyException();
    assertErrorIs(
        () -> chain.msgServer().removeChecksum(chain.ctx(), remove(AUTHORITY, again)),
        SdkErrorCode.UNAUTHORIZED);
  }

  @Test
  void migrateContractAuthority() {
    setup();
    Throwable t =
        catchThrowable(
            () ->
                chain
                    .msgServer()
                    .migrateContract(
                        chain.ctx(),
                        migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8("checksum"))));
    // may fail for other reasons (no such client) but not for authority
    assertThat(t).isInstanceOf(Wasm08Exception.class);
    assertThat(((Wasm08Exception) t).errorCode()).isNotEqualTo(SdkErrorCode.UNAUTHORIZED);
    assertErrorIs(
        () ->
            chain
                .msgServer()
                .migrateContract(
                    chain.ctx(),
                    migrate(OVERRIDE_AUTHORITY, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8("checksum"))),
        SdkErrorCode.UNAUTHORIZED);
    setup();
    chain.consensusAuthority = OVERRIDE_AUTHORITY;
    Throwable u =
        catchThrowable(
            () ->
                chain
                    .msgServer()
                    .migrateContract(
                        chain.ctx(),
                        migrate(
                            OVERRIDE_AUTHORITY, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8("checksum"))));
    assertThat(((Wasm08Exception) u).errorCode()).isNotEqualTo(SdkErrorCode.UNAUTHORIZED);
    assertErrorIs(
        () ->
            chain
                .msgServer()
                .migrateContract(
                    chain.ctx(),
                    migrate(AUTHORITY, DEFAULT_WASM_CLIENT_ID, Bytes.ofUtf8("checksum"))),
        SdkErrorCode.UNAUTHORIZED);
  }

  /** The routes run ValidateBasic first, as the SDK's Msg router does. */
  @Test
  void routesValidateBasicFirst() {
    setup();
    var routes = chain.msgServer().routes();
    assertThat(routes)
        .extracting(r -> r.typeUrl())
        .containsExactly(
            "/ibc.lightclients.wasm.v1.MsgStoreCode",
            "/ibc.lightclients.wasm.v1.MsgRemoveChecksum",
            "/ibc.lightclients.wasm.v1.MsgMigrateContract");
    var storeRoute = routes.get(0);
    assertErrorIs(
        () ->
            storeRoute.handle(
                chain.ctx(), io.wasm08.core.codec.AnyCodec.pack(storeCode("invalid", CODE))),
        io.wasm08.core.errors.IbcErrorCode.INVALID_ADDRESS);
  }
}
