package io.wasm08.spectests.suites;

import io.wasm08.common.Bytes;
import io.wasm08.spectests.ConformanceCase;
import io.wasm08.spectests.Suite;
import io.wasm08.wasm.keeper.WasmConfig;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import java.nio.file.Path;
import java.util.List;

/**
 * A suite that replays a folder of fixtures on one contract ({@code eth-lc}, {@code
 * tendermint-lc}): the contract is stored once on one {@link Ics08Host}, and each fixture's cases
 * create their own client there.
 */
abstract class FixtureReplaySuite implements Suite {
  final Path contractFile;
  final Path fixtures;
  Ics08Host host;
  Bytes checksum;

  FixtureReplaySuite(Path contract, Path fixtures) {
    this.contractFile = contract;
    this.fixtures = fixtures;
  }

  @Override
  public String subject() {
    return fixtures.toString();
  }

  @Override
  public List<String> notes() {
    return List.of("contract: " + contractFile);
  }

  /** The {@code *.json} files directly in the fixture folder, sorted. */
  List<Path> fixtureFiles() {
    return InputFiles.under(fixtures, n -> n.endsWith(".json")).stream()
        .filter(p -> p.getParent().equals(fixtures))
        .toList();
  }

  /** The first case: MsgStoreCode of the contract; later cases need its checksum. */
  ConformanceCase storeCode() {
    ContractChecks.Contract contract = ContractChecks.read(contractFile);
    return new ConformanceCase(
        "store code",
        () -> {
          host = new Ics08Host(ChicoryWasmEngine.builder().build(), WasmConfig.defaults());
          Ics08Host.Metered<Bytes> stored = host.storeCode(contract.asGiven());
          checksum = stored.value();
          return checksum.toHex()
              + ", "
              + host.keeper().dialect(checksum)
              + ", gas "
              + stored.gas();
        });
  }

  /** The checksum of the stored contract, or the case is skipped. */
  Bytes stored() {
    return ContractChecks.after("store code", () -> checksum);
  }
}
