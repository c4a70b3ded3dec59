package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.CallResult;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmCallException;
import io.wasm08.wasm.vm.VmErrorKind;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.testing.Coin;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A reused instance is indistinguishable from a fresh one: thousands of random calls, each run
 * twice — on a pooled instance (reset after every call, the engine's path) and on a freshly
 * instantiated one (wasmvm's semantics) — with the same backend state must give the same result or
 * error text, the same gas report, the same memory size at the end of the call and the same storage
 * afterwards, on the runtime compiler and on the interpreter.
 *
 * <p>Two contracts: hackatom (every entry point, with successes, contract errors, traps, panics,
 * out-of-gas at random points, memory growth) and {@code reuse.wat}, whose every call reports and
 * then changes globals of each type, a data-segment cell, a table-driven value and memory size, so
 * any state surviving a reset changes a later result. {@code -Dwasm08.reuse.calls=N} scales the run
 * (soak).
 */
class InstanceReuseDifferentialTest {
  static final int CALLS = Integer.getInteger("wasm08.reuse.calls", 2_000);
  static final InstanceConfig CONFIG =
      new InstanceConfig(32 * InstanceConfig.MIB, GasConfig.DEFAULT, new FakeCrypto());
  static final MockApi API = new MockApi();
  static final Bytes ENV = MockEnv.mockEnv();

  /** How a call ended; the test checks that every kind occurred. */
  enum Kind {
    OK,
    CONTRACT_ERROR,
    TRAP,
    OUT_OF_GAS
  }

  /** Everything observable about a call. */
  record Outcome(
      String result, GasReport gas, int memoryPages, SortedMap<Bytes, Bytes> storage, Kind kind) {}

  record Call(String description, long gasLimit, Function<VmInstance, Bytes> entryPoint) {}

  static Stream<Arguments> runs() {
    return Stream.of(
        Arguments.of("hackatom", ExecutionMode.COMPILER, CALLS),
        Arguments.of("hackatom", ExecutionMode.INTERPRETER, Math.max(100, CALLS / 5)),
        Arguments.of("reuse.wat", ExecutionMode.COMPILER, CALLS),
        Arguments.of("reuse.wat", ExecutionMode.INTERPRETER, CALLS));
  }

  @ParameterizedTest(name = "{0} on the {1}, {2} calls")
  @MethodSource("runs")
  void reusedInstancesBehaveAsFreshOnes(String contract, ExecutionMode mode, int calls) {
    CompiledModule module = module(contract, mode);
    assertThat(module.resettable()).isTrue();
    InstancePool pool = new InstancePool(module, CONFIG);
    MockStorage pooledStorage = new MockStorage();
    MockStorage freshStorage = new MockStorage();
    Random random = new Random(contract.hashCode() * 31L + mode.ordinal());
    Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    // the pool's expected behaviour: the first call gets a plain fresh instance, later calls a
    // pooled one, built on the snapshot when none is idle; compiled code keeps reusing it after
    // traps too, an instance that trapped in interpreter code is dropped
    int expectedCreated = 0;
    boolean idle = false;
    for (int n = 0; n < calls; n++) {
      Call call = contract.equals("hackatom") ? hackatomCall(random) : watCall(random);
      Outcome fresh = fresh(module, call, freshStorage);
      Outcome pooled = pooled(pool, call, pooledStorage);
      assertThat(pooled).as("call %d: %s", n, call.description()).isEqualTo(fresh);
      kinds.merge(fresh.kind(), 1, Integer::sum);
      boolean trapped = fresh.kind() == Kind.TRAP || fresh.kind() == Kind.OUT_OF_GAS;
      if (n > 0) {
        if (!idle) {
          expectedCreated++;
        }
        idle = !trapped || mode == ExecutionMode.COMPILER;
      }
    }
    // reuse.wat answers raw bytes, never a contract error
    assertThat(kinds.keySet())
        .containsExactlyInAnyOrderElementsOf(
            contract.equals("hackatom")
                ? List.of(Kind.values())
                : List.of(Kind.OK, Kind.TRAP, Kind.OUT_OF_GAS));
    // the pool really reused instances
    assertThat(pool.instancesCreated()).isEqualTo(expectedCreated);
    if (mode == ExecutionMode.COMPILER) {
      assertThat(expectedCreated).isEqualTo(1);
    }
  }

  static final Map<String, CompiledModule> MODULES = new java.util.concurrent.ConcurrentHashMap<>();

  static CompiledModule module(String contract, ExecutionMode mode) {
    if (contract.equals("hackatom")) {
      return HackatomGasTest.hackatom(mode, InstrumentationConfig.DEFAULT);
    }
    return MODULES.computeIfAbsent(
        contract + mode,
        k ->
            new ModuleLoader(mode, w -> Instrumenter.instrument(w, InstrumentationConfig.DEFAULT))
                .load(TestContracts.wasm("reuse")));
  }

  static CallContext context(MockStorage storage, long gasLimit) {
    return new CallContext(storage, API, new MockQuerier(), gasLimit);
  }

  static Outcome fresh(CompiledModule module, Call call, MockStorage storage) {
    VmInstance instance = VmInstance.create(module, context(storage, call.gasLimit()), CONFIG);
    int[] pages = {-1};
    try {
      Bytes data = observe(instance, call, pages);
      return ok(data, instance.createGasReport(), pages[0], storage);
    } catch (VmException e) {
      return failed(e, instance.createGasReport(), pages[0], storage);
    }
  }

  static Outcome pooled(InstancePool pool, Call call, MockStorage storage) {
    int[] pages = {-1};
    return VmThreads.run(
        () -> {
          InstancePool.Lease lease = pool.acquire(context(storage, call.gasLimit()));
          try {
            CallResult r = ChicoryWasmEngine.run(lease, i -> observe(i, call, pages));
            return ok(r.data(), r.gasReport(), pages[0], storage);
          } catch (VmCallException e) {
            return failed(e, e.gasReport(), pages[0], storage);
          }
        });
  }

  /** Runs the call and notes the memory size at its end, however it ends. */
  static Bytes observe(VmInstance instance, Call call, int[] pages) {
    try {
      return call.entryPoint().apply(instance);
    } finally {
      pages[0] = instance.memoryPages();
    }
  }

  static Outcome ok(Bytes data, GasReport gas, int pages, MockStorage storage) {
    String text = data.toUtf8();
    Kind kind = text.startsWith("{\"error\"") ? Kind.CONTRACT_ERROR : Kind.OK;
    return new Outcome(text, gas, pages, new TreeMap<>(storage.entries()), kind);
  }

  static Outcome failed(VmException e, GasReport gas, int pages, MockStorage storage) {
    Kind kind = e.kind() == VmErrorKind.GAS_DEPLETION ? Kind.OUT_OF_GAS : Kind.TRAP;
    return new Outcome(e.getMessage(), gas, pages, new TreeMap<>(storage.entries()), kind);
  }

  // ---- hackatom calls ---------------------------------------------------------------------

  static final String VERIFIER = API.addrMake("verifies");
  static final Bytes CREATOR = MockEnv.mockInfo(API.addrMake("creator"), List.of());
  static final Bytes VERIFIER_INFO = MockEnv.mockInfo(VERIFIER, List.of(Coin.of(15, "earth")));

  static long gas(Random r) {
    return switch (r.nextInt(10)) {
      case 0 -> 20_000 + r.nextInt(2_000_000); // often fails early, at a random instruction
      case 1, 2 -> 2_000_000 + r.nextInt(60_000_000); // runs out somewhere in the middle
      default -> 2_000_000_000L;
    };
  }

  static Call hackatomCall(Random r) {
    long gas = gas(r);
    long loopGas = Math.min(gas, 30_000_000); // keeps endless loops short on the interpreter
    return switch (r.nextInt(17)) {
      case 0 ->
          execute(
              "instantiate",
              gas,
              i ->
                  i.callInstantiate(
                      ENV,
                      CREATOR,
                      Bytes.ofUtf8(
                          "{\"verifier\":\""
                              + VERIFIER
                              + "\",\"beneficiary\":\""
                              + API.addrMake("benefits")
                              + "\"}")));
      case 1 ->
          executeMsg(
              "release by the verifier", gas, VERIFIER_INFO, "{\"release\":{\"denom\":\"earth\"}}");
      case 2 ->
          executeMsg(
              "release by someone else", gas, CREATOR, "{\"release\":{\"denom\":\"earth\"}}");
      case 3 -> executeMsg("cpu_loop", loopGas, CREATOR, "{\"cpu_loop\":{}}");
      case 4 -> executeMsg("storage_loop", loopGas, CREATOR, "{\"storage_loop\":{}}");
      case 5 -> executeMsg("memory_loop", loopGas, CREATOR, "{\"memory_loop\":{}}");
      case 6 -> executeMsg("message_loop", loopGas, CREATOR, "{\"message_loop\":{}}");
      case 7 ->
          executeMsg(
              "allocate_large_memory",
              gas,
              CREATOR,
              "{\"allocate_large_memory\":{\"pages\":" + r.nextInt(600) + "}}");
      case 8 -> executeMsg("panic", gas, CREATOR, "{\"panic\":{}}");
      case 9 ->
          executeMsg("user_errors_in_api_calls", gas, CREATOR, "{\"user_errors_in_api_calls\":{}}");
      case 10 -> query("verifier", gas, "{\"verifier\":{}}");
      case 11 ->
          query(
              "recurse",
              gas,
              "{\"recurse\":{\"depth\":" + r.nextInt(40) + ",\"work\":" + r.nextInt(40) + "}}");
      case 12 -> query("get_int", gas, "{\"get_int\":{}}");
      case 13 ->
          execute(
              "sudo steal_funds",
              gas,
              i ->
                  i.callSudo(
                      ENV,
                      Bytes.ofUtf8(
                          "{\"steal_funds\":{\"recipient\":\""
                              + API.addrMake("thief")
                              + "\",\"amount\":[{\"denom\":\"earth\",\"amount\":\"1\"}]}}")));
      case 14 ->
          execute(
              "migrate",
              gas,
              i ->
                  i.callMigrateWithInfo(
                      ENV,
                      Bytes.ofUtf8("{\"verifier\":\"" + API.addrMake("someone else") + "\"}"),
                      Bytes.ofUtf8("{\"sender\":\"" + VERIFIER + "\",\"old_migrate_version\":1}")));
      case 15 -> executeMsg("malformed msg", gas, CREATOR, "{\"release\":");
      default -> query("unknown query", gas, "{\"nope\":{}}");
    };
  }

  static Call execute(String what, long gas, Function<VmInstance, Bytes> entryPoint) {
    return new Call(what + " @" + gas, gas, entryPoint);
  }

  static Call executeMsg(String what, long gas, Bytes info, String msg) {
    return execute(what, gas, i -> i.callExecute(ENV, info, Bytes.ofUtf8(msg)));
  }

  static Call query(String what, long gas, String msg) {
    return execute("query " + what, gas, i -> i.callQuery(ENV, Bytes.ofUtf8(msg)));
  }

  // ---- reuse.wat calls --------------------------------------------------------------------

  static Call watCall(Random r) {
    long gas = r.nextInt(8) == 0 ? 1_000 + r.nextInt(400_000) : 1_000_000_000L;
    int n = r.nextInt(4) == 0 ? r.nextInt(256) : r.nextInt(8);
    String export =
        switch (r.nextInt(10)) {
          case 0, 1, 2 -> "touch";
          case 3, 4 -> "grow";
          case 5, 6 -> "trap";
          case 7 -> "spin";
          default -> "store";
        };
    // grow(n) grows by 3n pages: now and then past the 512-page (32 MiB) limit
    int arg = export.equals("grow") && r.nextInt(10) == 0 ? 150 + r.nextInt(106) : n;
    Bytes msg = Bytes.of((byte) arg);
    long callGas = export.equals("spin") ? Math.min(gas, 3_000_000) : gas;
    return new Call(
        export + "(" + arg + ") @" + callGas,
        callGas,
        i -> i.callRaw(export, false, Bytes.ofUtf8("{}"), msg));
  }
}
