package io.wasm08.spectests.cli;

import cosmos.ics23.v1.Proofs.ProofSpec;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.node.cli.ContributedCommand;
import io.wasm08.node.cli.VersionProvider;
import io.wasm08.proofs.vectors.Ics23VectorFile;
import io.wasm08.spectests.ConformanceReport;
import io.wasm08.spectests.Suite;
import io.wasm08.spectests.SuiteRunner;
import io.wasm08.spectests.report.ReportFormat;
import io.wasm08.spectests.report.TerminalReport;
import io.wasm08.spectests.suites.CheckExpectations;
import io.wasm08.spectests.suites.CheckSuite;
import io.wasm08.spectests.suites.EthLcSuite;
import io.wasm08.spectests.suites.GasExpectations;
import io.wasm08.spectests.suites.Ics08Expectations;
import io.wasm08.spectests.suites.Ics08Suite;
import io.wasm08.spectests.suites.Ics23Suite;
import io.wasm08.spectests.suites.LightBlocksSuite;
import io.wasm08.spectests.suites.SharedLayout;
import io.wasm08.spectests.suites.StateFiles;
import io.wasm08.spectests.suites.TendermintLcSuite;
import io.wasm08.spectests.suites.VmGasSuite;
import io.wasm08.wasm.api.ContractDialect;
import io.wasm08.wasm.vm.Capabilities;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code wasm08 conformance}: runs conformance suites over fixture folders and contracts and
 * reports what each checked, with pass/fail/skip counts and every failure. Exit status: 0 when
 * every suite passed, 1 when any case failed, 2 for unusable input or usage.
 */
@Command(
    name = "conformance",
    mixinStandardHelpOptions = true,
    description = {
      "Runs conformance suites over fixture folders and contracts: does this host (and a",
      "contract on it) behave exactly as ibc-go, cosmwasm-vm and the upstream verifiers?",
      "Prints a table (or --format markdown|junit|json); --report-dir writes all four formats.",
      "Exit status 0 when everything passed, 1 on any failure, 2 on unusable input."
    },
    subcommands = {
      ConformanceCommand.Ics23.class,
      ConformanceCommand.Check.class,
      ConformanceCommand.VmGas.class,
      ConformanceCommand.Ics08.class,
      ConformanceCommand.EthLc.class,
      ConformanceCommand.TendermintLc.class,
      ConformanceCommand.LightBlocks.class,
      ConformanceCommand.All.class,
    })
public final class ConformanceCommand implements Runnable, ContributedCommand {
  static final int EXIT_FAILED = 1;
  static final int EXIT_BAD_INPUT = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand");
  }

  /** The report options every suite command shares. */
  static final class ReportOptions {
    @Option(
        names = "--format",
        paramLabel = "FORMAT",
        description = "What to print: ${COMPLETION-CANDIDATES} (default: terminal).")
    ReportFormat format = ReportFormat.TERMINAL;

    @Option(
        names = "--report-dir",
        paramLabel = "DIR",
        description =
            "Also write report.md, report.xml (JUnit), report.json and report.txt into DIR.")
    Path reportDir;

    @Option(
        names = {"-v", "--verbose"},
        description = "In the terminal table, list every case with its detail.")
    boolean verbose;
  }

  /** Runs {@code suites}, prints the report, writes the files; the exit status. */
  static int execute(
      CommandLine.Model.CommandSpec spec, ReportOptions options, Supplier<List<Suite>> suites) {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    List<Suite> list;
    try {
      list = suites.get();
    } catch (Wasm08Exception e) {
      err.println("error: " + (e.detail() != null ? e.detail() : e.getMessage()));
      return EXIT_BAD_INPUT;
    }
    ConformanceReport report = new SuiteRunner(VersionProvider.describe()).run(list);
    out.print(
        options.format == ReportFormat.TERMINAL
            ? TerminalReport.render(report, options.verbose)
            : options.format.render(report));
    out.flush();
    if (options.reportDir != null) {
      try {
        ReportFormat.writeAll(report, options.reportDir);
      } catch (IOException e) {
        err.println("error: cannot write the report to " + options.reportDir + ": " + e);
        return EXIT_BAD_INPUT;
      }
      err.println("report written to " + options.reportDir.resolve("report.md"));
      err.flush();
    }
    return report.passed() ? 0 : EXIT_FAILED;
  }

  /**
   * The plumbing every suite subcommand shares: the report options, then {@link #execute} over the
   * suites the subcommand builds from its own options. Picocli applies the {@code @Command}
   * attributes and annotated fields of this superclass to each subclass.
   */
  @Command(mixinStandardHelpOptions = true)
  abstract static class SuiteCommand implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin ReportOptions report = new ReportOptions();

    /**
     * The suites to run. Invalid option values throw {@link #usage}; unusable input files throw
     * {@link Wasm08Exception} (exit status 2).
     */
    abstract List<Suite> suites();

    @Override
    public final Integer call() {
      return execute(spec, report, this::suites);
    }

    final CommandLine.ParameterException usage(String message) {
      return new CommandLine.ParameterException(spec.commandLine(), message);
    }
  }

  @Command(
      name = "ics23",
      description = {
        "Every ICS-23 vector file under DIR in an upstream format: single and batch proofs",
        "(cosmos/ics23 testdata), the Go unit tables (Test*Data.json) and ibc-go chained",
        "MerkleProofs, each with its upstream harness's semantics."
      })
  static final class Ics23 extends SuiteCommand {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Vector folder.")
    Path dir;

    @Option(
        names = "--spec",
        paramLabel = "SPEC",
        description =
            "Proof spec for single and batch files: iavl, tendermint or smt (default: the name of"
                + " each file's folder, as the upstream harness does).")
    String specName;

    @Override
    List<Suite> suites() {
      ProofSpec proofSpec = null;
      if (specName != null) {
        proofSpec = Ics23VectorFile.SPECS.get(specName.toLowerCase(Locale.ROOT));
        if (proofSpec == null) {
          throw usage("--spec must be iavl, tendermint or smt, got " + specName);
        }
      }
      return List.of(new Ics23Suite(dir, proofSpec));
    }
  }

  @Command(
      name = "check",
      description = {
        "Static validation (cosmwasm-vm 3.0.9 check_wasm, as on MsgStoreCode) of every .wasm and",
        ".wasm.gz under DIR, compared with DIR/expected.json when present (format in",
        "docs/conformance.md); without it every contract must be accepted."
      })
  static final class Check extends SuiteCommand {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Contract folder.")
    Path dir;

    @Option(
        names = "--capabilities",
        paramLabel = "CSV",
        description =
            "Capabilities the chain offers (default: expected.json's, else every built-in one;"
                + " ibc-go 08-wasm offers only 'iterator').")
    String capabilities;

    @Option(
        names = "--expected",
        paramLabel = "FILE",
        description = "Expected verdicts (default: DIR/expected.json when present).")
    Path expected;

    @Override
    List<Suite> suites() {
      Set<String> available = capabilities == null ? null : Capabilities.fromCsv(capabilities);
      return List.of(
          expected == null
              ? CheckSuite.of(dir, available)
              : new CheckSuite(
                  dir, available, CheckExpectations.read(expected), expected.toString()));
    }
  }

  @Command(
      name = "vm-gas",
      description = {
        "cosmwasm-vm's mock-backend gas conformance on hackatom.wasm (instance.rs: instantiate,",
        "execute, query, gas report, limit, pages) with cosmwasm-vm 3.0.9's exact numbers and",
        "the 3.0.0-3.0.8 metering, on both Chicory engines."
      })
  static final class VmGas extends SuiteCommand {
    @Option(
        names = "--contract",
        required = true,
        paramLabel = "FILE",
        description = "hackatom.wasm of cosmwasm 3.0.9 (raw or gzip).")
    Path contract;

    @Option(
        names = "--expected",
        paramLabel = "FILE",
        description =
            "JSON {\"<case>\": <number>, \"checksum\": \"<hex>\"} replacing upstream's numbers"
                + " (docs/conformance.md).")
    Path expected;

    @Override
    List<Suite> suites() {
      return List.of(
          new VmGasSuite(
              contract,
              expected == null ? GasExpectations.UPSTREAM : GasExpectations.read(expected)));
    }
  }

  @Command(
      name = "ics08",
      description = {
        "The host-side 08-wasm checks of one light-client contract, through the real keeper:",
        "MsgStoreCode (checksum, gzip, size limit, static checks, dialect), CreateClient from",
        "the given states, status, error mapping of contract errors and traps, post-call",
        "invariants, the gas of every call, and the same results on the interpreter."
      })
  static final class Ics08 extends SuiteCommand {
    @Option(
        names = "--contract",
        required = true,
        paramLabel = "FILE",
        description = "The contract (.wasm or .wasm.gz).")
    Path contract;

    @Option(
        names = "--client-state",
        paramLabel = "FILE",
        description =
            "The contract's client state (ClientState.data): the file's bytes, or hex text when"
                + " the name ends in .hex.")
    Path clientState;

    @Option(
        names = "--consensus-state",
        paramLabel = "FILE",
        description = "The contract's consensus state (ConsensusState.data), read likewise.")
    Path consensusState;

    @Option(
        names = "--latest-height",
        paramLabel = "R-H",
        description =
            "ClientState.latest_height of the created client (default: ${DEFAULT-VALUE}).")
    String latestHeight = "0-1";

    @Option(
        names = "--block-time",
        paramLabel = "TIME",
        description =
            "Block time of the calls: Unix seconds or RFC 3339 (default: ${DEFAULT-VALUE}).")
    String blockTime = "1700000000";

    @Option(
        names = "--expected",
        paramLabel = "FILE",
        description =
            "JSON {\"checksum\": \"<hex>\", \"store_code\": N, \"instantiate\": N, \"status\": N,"
                + " \"timestamp_at_height\": N} pinning the checksum and SDK gas (docs/conformance.md).")
    Path expected;

    @Option(
        names = "--dialect",
        paramLabel = "DIALECT",
        description =
            "Contract API to speak: auto (detect from the binary, the default), g1-early, g1, g3,"
                + " g4 or g5.")
    String dialect = "auto";

    @Override
    List<Suite> suites() {
      if ((clientState == null) != (consensusState == null)) {
        throw usage("--client-state and --consensus-state go together");
      }
      Optional<ContractDialect> chosen = parseDialect(spec, dialect);
      Height height;
      Instant time;
      try {
        height = Height.parse(latestHeight);
      } catch (RuntimeException e) {
        throw usage("--latest-height must be R-H, got " + latestHeight);
      }
      try {
        time =
            blockTime.chars().allMatch(Character::isDigit)
                ? Instant.ofEpochSecond(Long.parseLong(blockTime))
                : Instant.parse(blockTime);
      } catch (RuntimeException e) {
        throw usage("--block-time must be Unix seconds or RFC 3339, got " + blockTime);
      }
      Optional<Ics08Suite.States> states =
          clientState == null
              ? Optional.empty()
              : Optional.of(
                  new Ics08Suite.States(
                      StateFiles.read(clientState), StateFiles.read(consensusState), height, time));
      Ics08Expectations pinned =
          expected == null ? Ics08Expectations.NONE : Ics08Expectations.read(expected);
      return List.of(new Ics08Suite(contract, states, chosen).expecting(pinned));
    }
  }

  static Optional<ContractDialect> parseDialect(CommandLine.Model.CommandSpec spec, String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.equals("auto")) {
      return Optional.empty();
    }
    for (ContractDialect d : ContractDialect.values()) {
      if (d.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(n)) {
        return Optional.of(d);
      }
    }
    throw new CommandLine.ParameterException(
        spec.commandLine(), "--dialect must be auto, g1-early, g1, g3, g4 or g5, got " + name);
  }

  /** The inputs of the fixture replays: a contract and a folder of fixtures for it. */
  static final class ContractAndFixtures {
    @Option(
        names = "--contract",
        required = true,
        paramLabel = "FILE",
        description = "The light-client contract (.wasm or .wasm.gz).")
    Path contract;

    @Option(
        names = "--fixtures",
        required = true,
        paramLabel = "DIR",
        description = "The fixture folder (its *.json files, not its subfolders).")
    Path fixtures;
  }

  @Command(
      name = "eth-lc",
      description = {
        "Every eureka-format Ethereum light-client fixture (*.json with \"steps\") directly in",
        "DIR replayed on the contract: create, every update at its block time, every packet",
        "and acknowledgement commitment proven; tampered inputs rejected."
      })
  static final class EthLc extends SuiteCommand {
    @Mixin ContractAndFixtures input = new ContractAndFixtures();

    @Override
    List<Suite> suites() {
      return List.of(new EthLcSuite(input.contract, input.fixtures));
    }
  }

  @Command(
      name = "tendermint-lc",
      description = {
        "The eureka-format Tendermint fixtures in DIR (update_client_*.json,",
        "verify_membership_*.json: real-chain states, headers and proofs) on an ICS-07",
        "contract, with upstream's negatives."
      })
  static final class TendermintLc extends SuiteCommand {
    @Mixin ContractAndFixtures input = new ContractAndFixtures();

    @Override
    List<Suite> suites() {
      return List.of(new TendermintLcSuite(input.contract, input.fixtures));
    }
  }

  @Command(
      name = "light-blocks",
      description = {
        "tendermint-rs' light-client vectors (model_based single-step and bisection files) under",
        "DIR against this project's light-client verifier."
      })
  static final class LightBlocks extends SuiteCommand {
    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Vector folder.")
    Path dir;

    @Option(
        names = "--bisection-encoding",
        paramLabel = "ENCODING",
        description =
            "Encoding of the bisection files: amino-v0.33 (tendermint-rs' files, the default) or"
                + " protobuf (CometBFT >= 0.34).")
    String encoding = "amino-v0.33";

    @Override
    List<Suite> suites() {
      LightBlocksSuite.BisectionEncoding chosen = null;
      for (LightBlocksSuite.BisectionEncoding e : LightBlocksSuite.BisectionEncoding.values()) {
        if (e.cliName().equalsIgnoreCase(encoding)) {
          chosen = e;
        }
      }
      if (chosen == null) {
        throw usage("--bisection-encoding must be amino-v0.33 or protobuf, got " + encoding);
      }
      return List.of(new LightBlocksSuite(dir, chosen));
    }
  }

  @Command(
      name = "all",
      description = {
        "Every suite over the standard layout of the shared fixtures folder",
        "(docs/conformance.md); writes the report in every format to --report-dir",
        "(default target/conformance)."
      })
  static final class All extends SuiteCommand {
    @Option(
        names = "--shared",
        required = true,
        paramLabel = "DIR",
        description = "The shared fixtures folder (e.g. ../shared).")
    Path shared;

    @Override
    List<Suite> suites() {
      // The report in every format is the point of "all": default --report-dir, don't require it.
      if (report.reportDir == null) {
        report.reportDir = Path.of("target", "conformance");
      }
      return SharedLayout.suites(shared);
    }
  }
}
