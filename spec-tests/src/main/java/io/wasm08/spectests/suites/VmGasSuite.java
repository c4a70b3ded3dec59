package io.wasm08.spectests.suites;

import io.wasm08.common.Bytes;
import io.wasm08.node.cli.WasmFiles;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.GasConfig;
import io.wasm08.wasm.vm.GasReport;
import io.wasm08.wasm.vm.VmException;
import io.wasm08.wasm.vm.chicory.CompiledModule;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import io.wasm08.wasm.vm.chicory.InstanceConfig;
import io.wasm08.wasm.vm.chicory.ModuleLoader;
import io.wasm08.wasm.vm.chicory.VmInstance;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.chicory.instrument.Instrumenter;
import io.wasm08.wasm.vm.crypto.DefaultCosmWasmCrypto;
import io.wasm08.wasm.vm.testing.Coin;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockEnv;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * {@code vm-gas --contract hackatom.wasm}: cosmwasm-vm's mock-backend gas conformance — its {@code
 * instance.rs} tests on {@code hackatom.wasm} (mock storage/API/querier, 16 MiB, gas limit 2e9,
 * {@code mock_env()}, the exact messages of the shared fixtures/cosmwasm/README.md) — on both
 * Chicory engines, with the exact numbers of {@link GasExpectations}.
 */
public final class VmGasSuite implements Suite {
  static final long DEFAULT_GAS_LIMIT = 2_000_000_000L;
  static final MockApi API = new MockApi();
  static final Bytes INSTANTIATE_MSG =
      Bytes.ofUtf8(
          "{\"verifier\": \""
              + API.addrMake("verifies")
              + "\", \"beneficiary\": \""
              + API.addrMake("benefits")
              + "\"}");
  static final Bytes CREATOR_INFO =
      MockEnv.mockInfo(API.addrMake("creator"), List.of(Coin.of(1000, "earth")));
  static final Bytes VERIFIER_INFO =
      MockEnv.mockInfo(API.addrMake("verifies"), List.of(Coin.of(15, "earth")));
  static final Bytes RELEASE = Bytes.ofUtf8("{\"release\":{\"denom\":\"earth\"}}");
  static final Bytes VERIFIER_QUERY = Bytes.ofUtf8("{\"verifier\":{}}");

  /** The raw query result upstream states ({@code {"verifier":"<addr_make(verifies)>"}}). */
  static final String VERIFIER_ANSWER =
      "{\"ok\":\"eyJ2ZXJpZmllciI6ImNvc213YXNtMXB1NnFuenR3bjh3OTVqOTAzNzg2YXFzdGozc21oeHlzZW5hc3AzcmtoZGZ3MDZlOXZyanMycmx4OHcifQ==\"}";

  private final Path contract;
  private final GasExpectations expected;
  private final Map<String, CompiledModule> modules = new ConcurrentHashMap<>();
  private final Map<String, Object> scenarios = new ConcurrentHashMap<>();
  private byte[] wasm;

  public VmGasSuite(Path contract, GasExpectations expected) {
    this.contract = contract;
    this.expected = expected;
  }

  @Override
  public String name() {
    return "vm-gas";
  }

  @Override
  public String subject() {
    return contract.toString();
  }

  @Override
  public List<String> checks() {
    return List.of(
        "cosmwasm-vm instance.rs gas tests on hackatom.wasm with the mock backend: instantiate,"
            + " execute release, query verifier, gas report (ext/int), gas limit enforced, gas"
            + " left, memory pages — exact numbers, cosmwasm-vm 3.0.9 metering",
        "the same contract with the 3.0.0 – 3.0.8 metering (no per-function locals charge): the"
            + " +115 / +345 deltas upstream states",
        "every case on both Chicory engines (runtime compiler and interpreter): metering lives in"
            + " the instrumented Wasm, so both must agree exactly");
  }

  @Override
  public List<ConformanceCase> cases() {
    InputFiles.requireFile(contract);
    try {
      wasm = WasmFiles.read(contract);
    } catch (WasmFiles.BadFileException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(e.getMessage());
    }
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(
        new ConformanceCase(
            "checksum",
            () -> {
              String hex = Checksum.of(wasm).hex();
              require(
                  hex.equals(expected.checksum()),
                  "checksum "
                      + hex
                      + ", expected "
                      + expected.checksum()
                      + " (hackatom.wasm of cosmwasm 3.0.9)");
              return hex;
            }));
    for (ExecutionMode mode : ExecutionMode.values()) {
      String engine = " [" + mode.name().toLowerCase(java.util.Locale.ROOT) + "]";
      for (InstrumentationConfig config :
          List.of(InstrumentationConfig.DEFAULT, InstrumentationConfig.PRE_3_0_9)) {
        boolean current = config == InstrumentationConfig.DEFAULT;
        String suffix = current ? "" : "@3.0.8";
        cases.add(
            gasCase(
                GasExpectations.INSTANTIATE + suffix + engine, mode, config, u -> u.instantiate));
        cases.add(gasCase(GasExpectations.EXECUTE + suffix + engine, mode, config, u -> u.execute));
        cases.add(gasCase(GasExpectations.QUERY + suffix + engine, mode, config, u -> u.query));
      }
      cases.add(new ConformanceCase("create_gas_report_works" + engine, () -> gasReport(mode)));
      cases.add(new ConformanceCase("contract_enforces_gas_limit" + engine, () -> gasLimit(mode)));
      cases.add(new ConformanceCase(GasExpectations.GAS_LEFT + engine, () -> gasLeft(mode)));
      cases.add(new ConformanceCase("memory_pages_grows_with_usage" + engine, () -> pages(mode)));
    }
    return cases;
  }

  /** Gas of the three calls of one engine and metering, measured once and shared by three cases. */
  private record Used(long instantiate, long execute, long query) {}

  private ConformanceCase gasCase(
      String name, ExecutionMode mode, InstrumentationConfig config, Function<Used, Long> pick) {
    String key = name.substring(0, name.indexOf(" ["));
    return new ConformanceCase(
        name,
        () -> {
          long gas = pick.apply(used(mode, config));
          long want = expected.get(key);
          require(gas == want, "gas " + gas + ", expected " + want);
          return "gas " + gas;
        });
  }

  private Used used(ExecutionMode mode, InstrumentationConfig config) {
    Object memo =
        scenarios.computeIfAbsent(
            mode + "/" + config.cacheKey(),
            k -> {
              try {
                return measure(mode, config);
              } catch (RuntimeException e) {
                return e;
              }
            });
    if (memo instanceof RuntimeException e) {
      throw e;
    }
    return (Used) memo;
  }

  private Used measure(ExecutionMode mode, InstrumentationConfig config) {
    VmInstance instance = instance(mode, config, DEFAULT_GAS_LIMIT);
    long before = instance.getGasLeft();
    requireOk(
        instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG), "instantiate");
    long instantiate = before - instance.getGasLeft();
    before = instance.getGasLeft();
    requireOk(instance.callExecute(MockEnv.mockEnv(), VERIFIER_INFO, RELEASE), "execute");
    long execute = before - instance.getGasLeft();
    // query_works_with_gas_metering runs on a fresh instance after its own instantiate
    VmInstance queried = instance(mode, config, DEFAULT_GAS_LIMIT);
    queried.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
    before = queried.getGasLeft();
    String answer = queried.callQuery(MockEnv.mockEnv(), VERIFIER_QUERY).toUtf8();
    require(
        answer.equals(VERIFIER_ANSWER),
        "query answered " + answer + ", upstream " + VERIFIER_ANSWER);
    return new Used(instantiate, execute, before - queried.getGasLeft());
  }

  private String gasReport(ExecutionMode mode) {
    long limit = 700_000_000L;
    VmInstance instance = instance(mode, InstrumentationConfig.DEFAULT, limit);
    GasReport initial = instance.createGasReport();
    require(initial.equals(GasReport.unused(limit)), "report before any call " + initial);
    instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
    GasReport report = instance.createGasReport();
    long ext = expected.get(GasExpectations.REPORT_EXTERNAL);
    long internal = expected.get(GasExpectations.REPORT_INTERNAL);
    GasReport want = new GasReport(limit, limit - ext - internal, ext, internal);
    require(report.equals(want), report + ", expected " + want);
    return "used externally " + report.usedExternally() + ", internally " + report.usedInternally();
  }

  private String gasLimit(ExecutionMode mode) {
    VmInstance instance = instance(mode, InstrumentationConfig.DEFAULT, 20_000);
    try {
      instance.callInstantiate(MockEnv.mockEnv(), CREATOR_INFO, INSTANTIATE_MSG);
    } catch (VmException e) {
      require(
          e.getMessage().equals("Ran out of gas during contract execution"),
          "failed with \"" + e.getMessage() + "\", expected out of gas");
      require(instance.getGasLeft() == 0, "gas left " + instance.getGasLeft() + ", expected 0");
      return e.getMessage();
    }
    throw ConformanceErrorCode.MISMATCH.wrap("instantiate with gas limit 20000 succeeded");
  }

  private String gasLeft(ExecutionMode mode) {
    long limit = expected.get(GasExpectations.GAS_LEFT);
    long left = instance(mode, InstrumentationConfig.DEFAULT, 123_321).getGasLeft();
    require(left == limit, "gas left " + left + " before any call, expected " + limit);
    return "gas left " + left;
  }

  private String pages(ExecutionMode mode) {
    VmInstance instance = instance(mode, InstrumentationConfig.DEFAULT, DEFAULT_GAS_LIMIT);
    int initial = instance.memoryPages();
    instance.allocate(100 * 1024);
    int grown = instance.memoryPages();
    long wantInitial = expected.get(GasExpectations.PAGES_INITIAL);
    long wantGrown = expected.get(GasExpectations.PAGES_GROWN);
    require(
        initial == wantInitial && grown == wantGrown,
        "pages " + initial + " → " + grown + ", expected " + wantInitial + " → " + wantGrown);
    return "pages " + initial + " → " + grown;
  }

  /** cosmwasm-vm's {@code mock_instance_with_gas_limit}: mock backend, 16 MiB. */
  private VmInstance instance(ExecutionMode mode, InstrumentationConfig config, long gasLimit) {
    CompiledModule module =
        modules.computeIfAbsent(
            mode + "/" + config.cacheKey(),
            k -> new ModuleLoader(mode, w -> Instrumenter.instrument(w, config)).load(wasm));
    return VmInstance.create(
        module,
        new CallContext(new MockStorage(), API, new MockQuerier(), gasLimit),
        new InstanceConfig(
            16 * InstanceConfig.MIB, GasConfig.DEFAULT, DefaultCosmWasmCrypto.INSTANCE));
  }

  private static void requireOk(Bytes result, String call) {
    String text = result.toUtf8();
    require(text.startsWith("{\"ok\":"), call + " returned " + text);
  }

  static void require(boolean condition, String mismatch) {
    if (!condition) {
      throw ConformanceErrorCode.MISMATCH.wrap(mismatch);
    }
  }
}
