package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.testing.ErrorAssertions.assertErrorIs;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractError;
import static io.wasm08.wasm.testing.FakeWasmEngine.contractOkEmpty;
import static io.wasm08.wasm.testing.FakeWasmEngine.queryOk;
import static io.wasm08.wasm.testing.WasmTestChain.AUTHORITY;
import static io.wasm08.wasm.testing.WasmTestValues.CODE;
import static io.wasm08.wasm.testing.WasmTestValues.CODE_CHECKSUM_HEX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.client.ClientKeeper;
import io.wasm08.client.UpgradeKeeper;
import io.wasm08.common.Bytes;
import io.wasm08.common.ErrorCode;
import io.wasm08.core.client.Height;
import io.wasm08.wasm.api.QueryMsg;
import io.wasm08.wasm.querier.QueryRouter;
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
 * ibc-go's {@code keeper/keeper_test.go}: TestNewKeeper (the constructor's checks),
 * TestInitializedPinnedCodes, TestMigrateContract (keeper level), TestGetChecksums,
 * TestAddChecksum, TestHasChecksum. ibc-go's "nil store service" case has no counterpart: the
 * stores come with each context.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WasmKeeperTest {
  FakeWasmEngine vm;
  WasmTestChain chain;

  void setup() {
    vm = new FakeWasmEngine();
    vm.instantiateFn = WasmTestChain.defaultInstantiate();
    vm.registerQueryCallback(
        QueryMsg.Status.class, (c, env, msg, ctx) -> queryOk(ctx, "{\"status\":\"Active\"}"));
    chain = new WasmTestChain(vm);
  }

  @Test
  void newKeeper() {
    setup();
    var codec = WasmTestChain.codec();
    var clientKeeper = new ClientKeeper(UpgradeKeeper.NONE);
    WasmConfig config = WasmConfig.defaults();
    assertThatCode(
            () -> new WasmKeeper(codec, clientKeeper, AUTHORITY, vm, QueryRouter.EMPTY, config))
        .doesNotThrowAnyException();
    assertThatThrownBy(() -> new WasmKeeper(codec, clientKeeper, "", vm, QueryRouter.EMPTY, config))
        .hasMessage("authority must be non-empty");
    assertThatThrownBy(
            () -> new WasmKeeper(codec, clientKeeper, " ", vm, QueryRouter.EMPTY, config))
        .hasMessage("authority must be non-empty");
    assertThatThrownBy(() -> new WasmKeeper(codec, null, AUTHORITY, vm, QueryRouter.EMPTY, config))
        .hasMessage("client keeper must not be nil");
    assertThatThrownBy(
            () -> new WasmKeeper(codec, clientKeeper, AUTHORITY, null, QueryRouter.EMPTY, config))
        .hasMessage("wasm VM must not be nil");
    assertThatThrownBy(() -> new WasmKeeper(codec, clientKeeper, AUTHORITY, vm, null, config))
        .hasMessage("query router must not be nil");
  }

  Stream<Arguments> pinnedCodesCases() {
    return Stream.of(arguments("success", false), arguments("failure: pin error", true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("pinnedCodesCases")
  void initializePinnedCodes(String name, boolean pinFails) {
    setup();
    List<Bytes> stored =
        List.of(
            chain.storeCode(CODE),
            chain.storeCode(WasmTestValues.mockContract("gzipped-contract")));
    List<Bytes> captured = new ArrayList<>();
    vm.pinFn =
        c -> {
          if (pinFails) {
            throw new VmException(VmErrorKind.GENERIC_ERR, "mock vm error");
          }
          captured.add(c.bytes());
        };
    if (!pinFails) {
      chain.keeper().initializePinnedCodes(chain.ctx());
      assertThat(captured).containsExactlyInAnyOrderElementsOf(stored);
    } else {
      assertThatThrownBy(() -> chain.keeper().initializePinnedCodes(chain.ctx()))
          .isInstanceOf(VmException.class)
          .hasMessageContaining("mock vm error");
    }
  }

  Bytes oldHash;
  Bytes newHash;
  WasmClientState expClientState;

  Stream<Arguments> migrateCases() {
    return Stream.of(
        arguments(
            "success: update client state",
            (Runnable)
                () ->
                    vm.migrateFn =
                        (c, env, msg, ctx) -> {
                          expClientState =
                              new WasmClientState(Bytes.of((byte) 1), newHash, Height.of(2000, 2));
                          WasmTestChain.setClientState(ctx, expClientState);
                          return contractOkEmpty(ctx);
                        },
            null),
        arguments(
            "failure: new and old checksum are the same",
            (Runnable)
                () -> {
                  newHash = oldHash;
                  vm.migrateFn =
                      (c, env, msg, ctx) -> {
                        throw new AssertionError("unreachable");
                      };
                },
            WasmErrorCode.WASM_CODE_EXISTS),
        arguments(
            "failure: checksum not found",
            (Runnable) () -> chain.keeper().removeChecksumKey(chain.ctx(), newHash),
            WasmErrorCode.WASM_CHECKSUM_NOT_FOUND),
        arguments(
            "failure: vm returns error",
            (Runnable)
                () ->
                    vm.migrateFn =
                        (c, env, msg, ctx) -> {
                          throw FakeWasmEngine.vmError(ctx);
                        },
            WasmErrorCode.VM_ERROR),
        arguments(
            "failure: contract returns error",
            (Runnable)
                () ->
                    vm.migrateFn = (c, env, msg, ctx) -> contractError(ctx, "mock contract error"),
            WasmErrorCode.WASM_CONTRACT_CALL_FAILED));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("migrateCases")
  void migrateContract(String name, Runnable malleate, ErrorCode expected) {
    setup();
    oldHash = chain.storeCode(CODE);
    newHash = Checksum.of(WasmTestValues.mockContract("\u0001\u0002\u0003").toByteArray()).bytes();
    chain.keeper().addChecksum(chain.ctx(), newHash);
    String clientId = chain.createClient(oldHash);
    expClientState = chain.keeper().getClientState(chain.clientStore(clientId)).orElseThrow();
    malleate.run();
    Runnable call =
        () -> chain.keeper().migrateContractCode(chain.ctx(), clientId, newHash, Bytes.EMPTY);
    if (expected == null) {
      call.run();
      assertThat(chain.keeper().getClientState(chain.clientStore(clientId)).orElseThrow())
          .isEqualTo(expClientState);
    } else {
      assertErrorIs(call::run, expected);
    }
  }

  @Test
  void getChecksums() {
    setup();
    assertThat(chain.keeper().getAllChecksums(chain.ctx())).isEmpty();
    chain.storeCode(CODE);
    assertThat(chain.keeper().getAllChecksums(chain.ctx()))
        .containsExactly(Bytes.fromHex(CODE_CHECKSUM_HEX));
    chain.keeper().addChecksum(chain.ctx(), Bytes.ofUtf8("checksum"));
    assertThat(chain.keeper().getAllChecksums(chain.ctx()))
        .hasSize(2)
        .contains(Bytes.ofUtf8("checksum"));
  }

  @Test
  void addChecksum() {
    setup();
    chain.storeCode(CODE);
    assertThat(chain.keeper().getAllChecksums(chain.ctx())).hasSize(1);
    chain.keeper().addChecksum(chain.ctx(), Bytes.ofUtf8("checksum1"));
    chain.keeper().addChecksum(chain.ctx(), Bytes.ofUtf8("checksum2"));
    chain.keeper().addChecksum(chain.ctx(), Bytes.ofUtf8("checksum1"));
    assertThat(chain.keeper().getAllChecksums(chain.ctx()))
        .hasSize(3)
        .contains(Bytes.ofUtf8("checksum1"), Bytes.ofUtf8("checksum2"));
    // the KeySet encoding: 0x00 ‖ checksum → empty value
    assertThat(chain.wasmStore().get(Bytes.of((byte) 0).concat(Bytes.ofUtf8("checksum1"))))
        .isEqualTo(Bytes.EMPTY);
  }

  @Test
  void hasChecksum() {
    setup();
    chain.keeper().addChecksum(chain.ctx(), Bytes.ofUtf8("checksum"));
    assertThat(chain.keeper().hasChecksum(chain.ctx(), Bytes.ofUtf8("checksum"))).isTrue();
    assertThat(chain.keeper().hasChecksum(chain.ctx(), Bytes.ofUtf8("non-existent-checksum")))
        .isFalse();
  }
}
