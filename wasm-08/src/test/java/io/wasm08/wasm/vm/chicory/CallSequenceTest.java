package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * calls.rs: each argument goes through allocate + write_region, the result through read_region +
 * deallocate; the echo driver returns its msg, so an entry point's host gas is write(env) +
 * write(each other arg) + read(msg) with the region costs of GasConfig.
 */
class CallSequenceTest {
  static final Bytes ENV = Bytes.ofUtf8("{\"block\":{}}");
  static final Bytes INFO = Bytes.ofUtf8("{\"sender\":\"x\",\"funds\":[]}");
  static final Bytes MSG = Bytes.ofUtf8("{\"hello\":\"world\"}");
  static final String RUNTIME = StorageImportsTest.RUNTIME;

  record Outcome(Bytes data, GasReport gas, String error, boolean readonlyAfter) {}

  static Outcome run(String module, long gasLimit, Function<VmInstance, Bytes> call) {
    return DualEngine.same(
        mode -> {
          VmInstance instance =
              VmInstance.create(
                  TestContracts.unmetered(module, mode),
                  new CallContext(new MockStorage(), new MockApi(), new MockQuerier(), gasLimit),
                  new InstanceConfig(32 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
          try {
            Bytes data = call.apply(instance);
            return new Outcome(
                data, instance.createGasReport(), null, instance.isStorageReadonly());
          } catch (VmException e) {
            return new Outcome(
                null, instance.createGasReport(), e.getMessage(), instance.isStorageReadonly());
          }
        });
  }

  static long wr(Bytes b) {
    return StorageImportsTest.wr(b.size());
  }

  static long rr(Bytes b) {
    return StorageImportsTest.rr(b.size());
  }

  static Stream<Arguments> entryPoints() {
    return Stream.of(
        Arguments.of(
            "instantiate",
            (Function<VmInstance, Bytes>) i -> i.callInstantiate(ENV, INFO, MSG),
            wr(ENV) + wr(INFO) + wr(MSG) + rr(MSG),
            false),
        Arguments.of(
            "execute",
            (Function<VmInstance, Bytes>) i -> i.callExecute(ENV, INFO, MSG),
            wr(ENV) + wr(INFO) + wr(MSG) + rr(MSG),
            false),
        Arguments.of(
            "query",
            (Function<VmInstance, Bytes>) i -> i.callQuery(ENV, MSG),
            wr(ENV) + wr(MSG) + rr(MSG),
            true),
        Arguments.of(
            "sudo",
            (Function<VmInstance, Bytes>) i -> i.callSudo(ENV, MSG),
            wr(ENV) + wr(MSG) + rr(MSG),
            false),
        Arguments.of(
            "reply",
            (Function<VmInstance, Bytes>) i -> i.callReply(ENV, MSG),
            wr(ENV) + wr(MSG) + rr(MSG),
            false),
        Arguments.of(
            "migrate",
            (Function<VmInstance, Bytes>) i -> i.callMigrate(ENV, MSG),
            wr(ENV) + wr(MSG) + rr(MSG),
            false),
        // migrate takes two arguments: the three-argument attempt allocates and writes all three,
        // fails on arity, and the retry passes two — both attempts are charged, as upstream.
        Arguments.of(
            "migrate with info (arity fallback)",
            (Function<VmInstance, Bytes>) i -> i.callMigrateWithInfo(ENV, MSG, INFO),
            wr(ENV) + wr(MSG) + wr(INFO) + wr(ENV) + wr(MSG) + rr(MSG),
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void entryPoints(
      String name, Function<VmInstance, Bytes> call, long expectedGas, boolean readonly) {
    Outcome o = run("driver", 10_000_000_000L, call);
    assertThat(o.error()).isNull();
    assertThat(o.data()).isEqualTo(MSG);
    assertThat(o.gas())
        .isEqualTo(new GasReport(10_000_000_000L, 10_000_000_000L - expectedGas, 0, expectedGas));
    assertThat(o.readonlyAfter()).isEqualTo(readonly);
  }

  static Stream<Arguments> faults() {
    return Stream.of(
        Arguments.of(
            "missing export",
            (Function<VmInstance, Bytes>) i -> i.callRaw("ibc_channel_open", false, ENV, MSG),
            "Error resolving Wasm function: Could not get export: Missing export ibc_channel_open"),
        Arguments.of(
            "export that is not a function",
            (Function<VmInstance, Bytes>) i -> i.callRaw("not_a_function", false, ENV, MSG),
            "Error resolving Wasm function: Could not get export: Incompatible Export Type"),
        Arguments.of(
            "three arguments to a two-argument function (wasmvm Migrate of a 3-arg contract)",
            (Function<VmInstance, Bytes>) i -> i.callRaw("query", false, ENV, MSG, INFO),
            "The called function args arity does not match. The contract's method arity: 2"),
        Arguments.of(
            "entry point without a result",
            (Function<VmInstance, Bytes>) i -> i.callRaw("no_result", false, ENV, MSG),
            "Unexpected number of result values when calling 'no_result'. Expected: 1, actual: 0."),
        Arguments.of(
            "entry point returning i64",
            (Function<VmInstance, Bytes>) i -> i.callRaw("i64_result", false, ENV, MSG),
            "Couldn't convert from wasmer_types::value::Value to u32. Input: 5"),
        Arguments.of(
            "mistyped parameters",
            (Function<VmInstance, Bytes>) i -> i.callRaw("wide_param", false, ENV, MSG),
            RUNTIME + "Parameters of type [I32, I32] did not match signature [I64, I32] -> [I32]"),
        Arguments.of(
            "result region pointer out of memory",
            (Function<VmInstance, Bytes>) i -> i.callRaw("bad_result", false, ENV, MSG),
            "Error in guest/host communication: The Wasm memory address 2147483632 provided by the"
                + " contract could not be dereferenced: Could not dereference this pointer to a"
                + " Region"),
        Arguments.of(
            "unreachable",
            (Function<VmInstance, Bytes>) i -> i.callRaw("trap_unreachable", false, ENV, MSG),
            RUNTIME + "unreachable"),
        Arguments.of(
            "integer divide by zero",
            (Function<VmInstance, Bytes>) i -> i.callRaw("trap_div", false, ENV, MSG),
            RUNTIME + "integer divide by zero"),
        Arguments.of(
            "out of bounds load",
            (Function<VmInstance, Bytes>) i -> i.callRaw("trap_oob", false, ENV, MSG),
            RUNTIME + "out of bounds memory access"),
        Arguments.of(
            "write in a query",
            (Function<VmInstance, Bytes>) i -> i.callRaw("write_echo", true, ENV, MSG),
            RUNTIME + "Must not call a writing storage function in this context."),
        Arguments.of(
            "abort",
            (Function<VmInstance, Bytes>) i -> i.callRaw("abort_with", false, ENV, MSG),
            RUNTIME + "Aborted: {\"hello\":\"world\"}"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void faults(String name, Function<VmInstance, Bytes> call, String expected) {
    assertThat(run("driver", 10_000_000_000L, call).error()).isEqualTo(expected);
  }

  @Test
  void zeroFromAllocateIsRejected() {
    Outcome o = run("zeroalloc", 10_000_000_000L, i -> i.callQuery(ENV, MSG));
    assertThat(o.error()).isEqualTo("Error in guest/host communication: Got a zero Wasm address");
  }

  @Test
  void outOfGasInARegionWriteIsAGasDepletion() {
    // The env write needs 230 000 + 570·12; give less. Outside any Wasm call the import-free
    // path reports the plain GasDepletion.
    Outcome o = run("driver", 100_000, i -> i.callQuery(ENV, MSG));
    assertThat(o.error()).isEqualTo("Ran out of gas during contract execution");
    assertThat(o.gas().remaining()).isZero();
    assertThat(o.gas().usedInternally()).isEqualTo(100_000);
  }

  @Test
  void storageModeIsSetPerEntryPoint() {
    var modes =
        DualEngine.same(
            mode -> {
              VmInstance instance =
                  VmInstance.create(
                      TestContracts.unmetered("driver", mode),
                      new CallContext(
                          new MockStorage(), new MockApi(), new MockQuerier(), 10_000_000_000L),
                      new InstanceConfig(
                          32 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto()));
              boolean initial = instance.isStorageReadonly();
              instance.callQuery(ENV, MSG);
              boolean afterQuery = instance.isStorageReadonly();
              instance.callSudo(ENV, MSG);
              return java.util.List.of(initial, afterQuery, instance.isStorageReadonly());
            });
    assertThat(modes).as("a fresh environment starts read-only").containsExactly(true, true, false);
  }

  @Test
  void vmErrorKindsAreTyped() {
    Outcome o = run("driver", 10_000_000_000L, i -> i.callRaw("query", false, ENV, MSG, INFO));
    assertThat(o.error()).startsWith(VmErrorKind.FUNCTION_ARITY_MISMATCH.message());
  }
}
