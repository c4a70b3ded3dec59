package io.wasm08.spectests.suites;

import static io.wasm08.spectests.suites.ContractChecks.after;
import static io.wasm08.spectests.suites.ContractChecks.describe;
import static io.wasm08.spectests.suites.ContractChecks.rejected;
import static io.wasm08.spectests.suites.ContractChecks.require;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.core.client.Status;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import io.wasm08.store.OutOfGasException;
import io.wasm08.wasm.api.ContractDialect;
import io.wasm08.wasm.api.ContractDialects;
import io.wasm08.wasm.keeper.Panics;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.types.WasmClientMessage;
import io.wasm08.wasm.types.WasmClientState;
import io.wasm08.wasm.types.WasmConsensusState;
import io.wasm08.wasm.types.WasmErrorCode;
import io.wasm08.wasm.types.WasmGzip;
import io.wasm08.wasm.types.WasmValidation;
import io.wasm08.wasm.vm.AnalysisReport;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Entrypoint;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import io.wasm08.wasm.vm.chicory.ExecutionMode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * {@code ics08 --contract C [--client-state F --consensus-state F] [--dialect …]}: the host-side
 * 08-wasm checks that need no chain-specific data, through the real keeper and light-client module
 * on the Chicory engine — MsgStoreCode (checksum of the uncompressed code, gzip, size limit, static
 * checks, dialect detection), CreateClient from the given states, status, the error mapping of
 * contract errors and traps, the post-call invariants, and the SDK gas of every call; the same
 * calls on the interpreter must give the same results and gas.
 */
public final class Ics08Suite implements Suite {
  /** The states a client is created from, and the block it is created in. */
  public record States(
      Bytes clientState, Bytes consensusState, Height latestHeight, Instant blockTime) {}

  private final Path contractFile;
  private final Supplier<Optional<States>> stateSource;
  private final Optional<ContractDialect> dialect;
  private Ics08Expectations expected = Ics08Expectations.NONE;
  private Optional<States> states = Optional.empty();

  // what the cases found, in order (a case needing an earlier result is skipped without it)
  private ContractChecks.Contract contract;
  private ChicoryWasmEngine engine;
  private Ics08Host host;
  private Bytes checksum;
  private String clientId;
  private Observed compiler;

  /** What the cases observe, compared across engines. */
  private record Observed(long storeGas, long createGas, String status, long statusGas) {}

  public Ics08Suite(Path contract, Optional<States> states, Optional<ContractDialect> dialect) {
    this(contract, () -> states, dialect);
  }

  /** With states read when the suite runs (a broken state file then fails the suite). */
  public Ics08Suite(
      Path contract, Supplier<Optional<States>> states, Optional<ContractDialect> dialect) {
    this.contractFile = contract;
    this.stateSource = states;
    this.dialect = dialect;
  }

  /** These checks with the checksum and gas numbers of {@code expectations} pinned. */
  public Ics08Suite expecting(Ics08Expectations expectations) {
    this.expected = expectations;
    return this;
  }

  @Override
  public String name() {
    return "ics08";
  }

  @Override
  public String subject() {
    return contractFile.toString();
  }

  @Override
  public List<String> checks() {
    return List.of(
        "MsgStoreCode through the 08-wasm keeper: checksum = sha256 of the uncompressed code,"
            + " the other encoding (gzip ↔ raw) of the same code is ErrWasmCodeExists, size within"
            + " MaxWasmSize, cosmwasm-vm 3.0.9 static checks, truncated code rejected without"
            + " writing",
        "the contract-API dialect detected from the binary (or the one forced with --dialect)",
        "CreateClient from the given states: the stored client state is an 08-wasm state with"
            + " the stored checksum; status Active; timestamp at the latest height",
        "error mapping: a garbage client message is rejected (a contract error →"
            + " ErrWasmContractCallFailed 14, a trap → ErrVMError 17) and writes nothing; an"
            + " out-of-gas call aborts and writes nothing; an entry point the contract does not"
            + " implement fails typed and writes nothing",
        "the SDK gas of every call; the same calls on the interpreter give the same results and"
            + " gas");
  }

  @Override
  public List<String> notes() {
    return states.isPresent()
        ? List.of()
        : List.of("no --client-state/--consensus-state given: the client checks were skipped");
  }

  @Override
  public List<ConformanceCase> cases() {
    contract = ContractChecks.read(contractFile);
    states = stateSource.get();
    List<ConformanceCase> cases = new ArrayList<>();
    cases.add(new ConformanceCase("store code: checksum", this::storeCode));
    cases.add(new ConformanceCase("store code: other encoding is the same code", this::encoding));
    cases.add(new ConformanceCase("store code: limits and entry points", this::limits));
    cases.add(new ConformanceCase("store code: truncated code rejected", this::truncated));
    cases.add(new ConformanceCase("dialect", this::dialect));
    cases.add(new ConformanceCase("instantiate", this::instantiate));
    cases.add(new ConformanceCase("status", this::status));
    cases.add(new ConformanceCase("timestamp at latest height", this::timestamp));
    cases.add(new ConformanceCase("error mapping: garbage client message", this::garbage));
    cases.add(new ConformanceCase("error mapping: unimplemented entry point", this::misbehaviour));
    cases.add(new ConformanceCase("error mapping: out of gas", this::outOfGas));
    cases.add(new ConformanceCase("same results and gas on the interpreter", this::interpreter));
    return cases;
  }

  private WasmConfig config(Bytes sum) {
    return dialect
        .map(d -> WasmConfig.defaults().withDialectOverride(sum, d))
        .orElse(WasmConfig.defaults());
  }

  private Ics08Host newHost(ExecutionMode mode) {
    ChicoryWasmEngine e = ChicoryWasmEngine.builder().executionMode(mode).build();
    if (mode == ExecutionMode.COMPILER) {
      engine = e;
    }
    return new Ics08Host(e, config(Checksum.of(contract.wasm().toByteArray()).bytes()));
  }

  private String storeCode() {
    host = newHost(ExecutionMode.COMPILER);
    Ics08Host.Metered<Bytes> stored = host.storeCode(contract.asGiven());
    Bytes sha256 = Checksum.of(contract.wasm().toByteArray()).bytes();
    require(
        stored.value().equals(sha256),
        "checksum " + stored.value().toHex() + ", sha256 of the code " + sha256.toHex());
    require(
        host.keeper().hasChecksum(host.ctx(gas()), sha256),
        "the checksum is not in the allow-list after MsgStoreCode");
    checksum = stored.value();
    compiler = new Observed(stored.gas(), 0, null, 0);
    expected
        .checksum()
        .ifPresent(
            want ->
                require(
                    want.equals(sha256.toHex()),
                    "checksum " + sha256.toHex() + ", expected " + want));
    expected.checkGas(Ics08Expectations.STORE_CODE, stored.gas());
    return checksum.toHex() + (contract.gzipped() ? " (from gzip)" : "") + ", gas " + stored.gas();
  }

  private String encoding() {
    Bytes sum = after("store code", () -> checksum);
    Bytes other = contract.gzipped() ? contract.wasm() : WasmGzip.gzip(contract.wasm());
    String form = contract.gzipped() ? "raw" : "gzip";
    Map<String, Bytes> before = host.snapshot();
    try {
      host.storeCode(other);
    } catch (Wasm08Exception e) {
      require(host.snapshot().equals(before), "storing the code again wrote to the store");
      require(
          e.is(WasmErrorCode.WASM_CODE_EXISTS),
          form + " form of " + sum.toHex() + " not ErrWasmCodeExists: " + describe(e));
      return form + " form rejected: " + describe(e);
    }
    throw ConformanceErrorCode.MISMATCH.wrap(
        "the " + form + " form of stored code " + sum.toHex() + " was stored again");
  }

  private String limits() {
    Bytes sum = after("store code", () -> checksum);
    int size = contract.wasm().size();
    require(
        size <= WasmValidation.MAX_WASM_SIZE,
        "code of " + size + " bytes stored beyond MaxWasmSize " + WasmValidation.MAX_WASM_SIZE);
    AnalysisReport report = engine.analyzeCode(new Checksum(sum));
    List<String> exports =
        report.entrypoints().stream().map(Entrypoint::exportName).collect(Collectors.toList());
    for (String required : List.of("instantiate", "sudo", "query")) {
      require(exports.contains(required), "the contract does not export " + required);
    }
    return size
        + " of "
        + WasmValidation.MAX_WASM_SIZE
        + " bytes; entry points "
        + String.join(", ", exports)
        + "; capabilities ["
        + report.requiredCapabilitiesCsv()
        + "]";
  }

  private String truncated() {
    after("store code", () -> checksum);
    Bytes cut = contract.wasm().slice(0, contract.wasm().size() - 1);
    return rejected(host, "storing the code without its last byte", () -> host.storeCode(cut));
  }

  private String dialect() {
    Bytes sum = after("store code", () -> checksum);
    ContractDialect detected = ContractDialects.detect(contract.wasm());
    ContractDialect used = host.keeper().dialect(sum);
    require(
        used == dialect.orElse(detected),
        "the keeper speaks " + used + ", expected " + dialect.orElse(detected));
    return dialect.isPresent() && dialect.get() != detected
        ? used + " (forced; detected " + detected + ")"
        : used + " (detected)";
  }

  private States states() {
    return states.orElseThrow(
        () ->
            ConformanceErrorCode.NOT_APPLICABLE.wrap("no --client-state/--consensus-state given"));
  }

  private String instantiate() {
    States s = states();
    Bytes sum = after("store code", () -> checksum);
    host.blockTime = s.blockTime();
    WasmClientState cs = new WasmClientState(s.clientState(), sum, s.latestHeight());
    WasmConsensusState cons = new WasmConsensusState(s.consensusState());
    Ics08Host.Metered<String> created = host.createClient(cs, cons);
    WasmClientState stored =
        host.keeper()
            .getClientState(host.clientStore(created.value()))
            .orElseThrow(
                () -> ConformanceErrorCode.MISMATCH.wrap("no client state after instantiate"));
    require(
        stored.checksum().equals(sum),
        "stored client state has checksum " + stored.checksum().toHex());
    require(!stored.latestHeight().isZero(), "stored client state has latest height 0-0");
    clientId = created.value();
    compiler = new Observed(compiler.storeGas(), created.gas(), null, 0);
    expected.checkGas(Ics08Expectations.INSTANTIATE, created.gas());
    return clientId + " at " + stored.latestHeight() + ", gas " + created.gas();
  }

  private String status() {
    states();
    String id = after("instantiate", () -> clientId);
    Map<String, Bytes> before = host.snapshot();
    Ics08Host.Metered<Status> status = host.run(ctx -> host.module().status(ctx, id));
    require(host.snapshot().equals(before), "the status query wrote to the store");
    require(status.value().equals(Status.ACTIVE), "status " + status.value() + ", expected Active");
    compiler = new Observed(compiler.storeGas(), compiler.createGas(), "Active", status.gas());
    expected.checkGas(Ics08Expectations.STATUS, status.gas());
    return "Active, gas " + status.gas();
  }

  private String timestamp() {
    states();
    String id = after("instantiate", () -> clientId);
    Height latest = host.module().latestHeight(host.ctx(gas()), id);
    Ics08Host.Metered<Long> ts = host.run(ctx -> host.module().timestampAtHeight(ctx, id, latest));
    require(ts.value() > 0, "timestamp 0 at " + latest);
    expected.checkGas(Ics08Expectations.TIMESTAMP, ts.gas());
    return ts.value() + " ns at " + latest + ", gas " + ts.gas();
  }

  private String garbage() {
    states();
    String id = after("instantiate", () -> clientId);
    WasmClientMessage garbage = new WasmClientMessage(Bytes.ofUtf8("not a client message"));
    String verify;
    try {
      verify =
          rejected(
              host,
              "verify_client_message of garbage",
              () ->
                  host.run(
                      ctx -> {
                        host.module().verifyClientMessage(ctx, id, garbage);
                        return null;
                      }));
    } catch (Wasm08Exception e) {
      if (e.is(ConformanceErrorCode.MISMATCH) && e.detail().endsWith("was accepted")) {
        throw ConformanceErrorCode.NOT_APPLICABLE.wrap(
            "the contract accepts any client message (a dummy client)");
      }
      throw e;
    }
    requireWasmError(verify);
    String update =
        rejected(
            host,
            "update_client with garbage",
            () ->
                host.run(
                    ctx -> {
                      host.clientKeeper().updateClient(ctx, id, garbage);
                      return null;
                    }));
    return "verify " + verify + "; update " + update;
  }

  /** A contract error or trap surfaces as 08-wasm code 14 or 17. */
  private static void requireWasmError(String seen) {
    require(
        seen.contains("[08-wasm/14]")
            || seen.contains("[08-wasm/17]")
            || seen.contains("08-wasm/14)")
            || seen.contains("08-wasm/17)"),
        "not mapped to ErrWasmContractCallFailed (14) or ErrVMError (17): " + seen);
  }

  private String misbehaviour() {
    states();
    String id = after("instantiate", () -> clientId);
    WasmClientMessage garbage = new WasmClientMessage(Bytes.ofUtf8("not a client message"));
    Map<String, Bytes> before = host.snapshot();
    try {
      host.run(
          ctx -> {
            host.module().updateStateOnMisbehaviour(ctx, id, garbage);
            return null;
          });
    } catch (Wasm08Exception e) {
      require(host.snapshot().equals(before), "a failed update_state_on_misbehaviour wrote");
      String seen = describe(e);
      requireWasmError(seen);
      return (Panics.isPanic(e) ? "aborts the tx: " : "rejected: ") + seen;
    }
    Status after = host.module().status(host.ctx(gas()), id);
    throw ConformanceErrorCode.NOT_APPLICABLE.wrap(
        "update_state_on_misbehaviour accepted a garbage message (status now "
            + after
            + "): the contract does not read it");
  }

  private String outOfGas() {
    States s = states();
    Bytes sum = after("store code", () -> checksum);
    long createGas = after("instantiate", () -> clientId == null ? null : compiler.createGas());
    WasmClientState cs = new WasmClientState(s.clientState(), sum, s.latestHeight());
    WasmConsensusState cons = new WasmConsensusState(s.consensusState());
    long limit = createGas / 2;
    Map<String, Bytes> before = host.snapshot();
    try {
      host.run(
          limit,
          ctx -> host.clientKeeper().createClient(ctx, "08-wasm", cs.marshal(), cons.marshal()));
    } catch (OutOfGasException e) {
      require(host.snapshot().equals(before), "an out-of-gas CreateClient wrote to the store");
      return "CreateClient with " + limit + " gas: " + e.getMessage();
    }
    throw ConformanceErrorCode.MISMATCH.wrap(
        "CreateClient succeeded with " + limit + " gas (it needs " + createGas + ")");
  }

  private String interpreter() {
    after("store code", () -> checksum);
    Observed want = compiler;
    Ics08Host other = newHost(ExecutionMode.INTERPRETER);
    Ics08Host.Metered<Bytes> stored = other.storeCode(contract.asGiven());
    long createGas = 0;
    String status = null;
    long statusGas = 0;
    if (states.isPresent() && clientId != null) {
      States s = states.get();
      other.blockTime = s.blockTime();
      WasmClientState cs = new WasmClientState(s.clientState(), stored.value(), s.latestHeight());
      WasmConsensusState cons = new WasmConsensusState(s.consensusState());
      Ics08Host.Metered<String> created = other.createClient(cs, cons);
      createGas = created.gas();
      if (want.status() != null) {
        Ics08Host.Metered<Status> st =
            other.run(ctx -> other.module().status(ctx, created.value()));
        status = st.value().value();
        statusGas = st.gas();
      }
    }
    Observed seen = new Observed(stored.gas(), createGas, status, statusGas);
    require(seen.equals(want), "interpreter " + seen + ", compiler " + want);
    return String.format(
        Locale.ROOT,
        "store %d, create %d, status %d gas on both",
        seen.storeGas(),
        seen.createGas(),
        seen.statusGas());
  }

  private static io.wasm08.store.BasicGasMeter gas() {
    return new io.wasm08.store.BasicGasMeter(Ics08Host.GAS_LIMIT);
  }
}
