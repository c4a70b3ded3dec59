package io.wasm08.spectests.suites;

import io.wasm08.common.Bytes;
import io.wasm08.common.Wasm08Exception;
import io.wasm08.core.client.Height;
import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import io.wasm08.wasm.fixtures.EurekaEthFixture;
import io.wasm08.wasm.fixtures.EurekaTendermintFixture;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code all --shared DIR}: every suite over the standard layout of the shared fixtures folder
 * (docs/conformance.md lists it). The check suites get the expectations bundled with this module
 * ({@code io/wasm08/spectests/expected/*.json}, in the expected.json format), because the shared
 * folder is read-only upstream data.
 */
public final class SharedLayout {
  private SharedLayout() {}

  public static final String ICS23 = "fixtures/ics23";
  public static final String COSMWASM = "fixtures/cosmwasm";
  public static final String HACKATOM = "fixtures/cosmwasm/hackatom.wasm";
  public static final String IBC_GO_CLIENTS = "fixtures/light-clients/ibc-go";
  public static final String EUREKA = "fixtures/light-clients/eureka";
  public static final String LIGHT_BLOCKS = "fixtures/tendermint-light-client";
  public static final String DUMMY = EUREKA + "/cw_dummy_light_client.wasm.gz";
  public static final String ETH = EUREKA + "/cw_ics08_wasm_eth.wasm.gz";
  public static final String ETH_FIXTURE =
      EUREKA + "/Test_ICS20TransferERC20TokenfromEthereumToCosmosAndBack.json";
  public static final String ICS07 = IBC_GO_CLIENTS + "/ics07_tendermint_cw.wasm.gz";
  public static final String TENDERMINT_FIXTURES = EUREKA + "/tendermint-lc-fixtures";
  public static final String TENDERMINT_UPDATE =
      TENDERMINT_FIXTURES + "/update_client_happy_path.json";

  /** The suites of {@code all}, in report order. */
  public static List<Suite> suites(Path shared) {
    InputFiles.requireDirectory(shared);
    List<Suite> suites = new ArrayList<>();
    suites.add(new Ics23Suite(shared.resolve(ICS23), null));
    suites.add(bundledCheck(shared.resolve(COSMWASM), "cosmwasm.json"));
    suites.add(bundledCheck(shared.resolve(IBC_GO_CLIENTS), "light-clients-ibc-go.json"));
    suites.add(bundledCheck(shared.resolve(EUREKA), "light-clients-eureka.json"));
    suites.add(new VmGasSuite(shared.resolve(HACKATOM), GasExpectations.UPSTREAM));
    // the dummy client accepts any state; the real clients start from their fixtures' states
    suites.add(
        new Ics08Suite(
            shared.resolve(DUMMY),
            Optional.of(
                new Ics08Suite.States(
                    Bytes.ofUtf8("client-state-data"),
                    Bytes.ofUtf8("consensus-state-data"),
                    Height.of(0, 1),
                    Instant.ofEpochSecond(1_700_000_000L))),
            Optional.empty()));
    suites.add(new Ics08Suite(shared.resolve(ETH), () -> ethStates(shared), Optional.empty()));
    suites.add(
        new Ics08Suite(shared.resolve(ICS07), () -> tendermintStates(shared), Optional.empty()));
    suites.add(new EthLcSuite(shared.resolve(ETH), shared.resolve(EUREKA)));
    suites.add(new TendermintLcSuite(shared.resolve(ICS07), shared.resolve(TENDERMINT_FIXTURES)));
    suites.add(
        new LightBlocksSuite(
            shared.resolve(LIGHT_BLOCKS), LightBlocksSuite.BisectionEncoding.AMINO_V0_33));
    return suites;
  }

  /** Step 0 of the first Ethereum fixture, created at its first update's block time. */
  static Optional<Ics08Suite.States> ethStates(Path shared) {
    EurekaEthFixture f;
    try {
      f = EurekaEthFixture.parse(read(shared.resolve(ETH_FIXTURE)));
    } catch (Wasm08Exception e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(ETH_FIXTURE + ": " + e.getMessage());
    }
    long time = f.steps().get(0).updates().get(0).blockTimeSeconds();
    return Optional.of(
        new Ics08Suite.States(
            f.clientState(), f.consensusState(), f.latestHeight(), Instant.ofEpochSecond(time)));
  }

  /** The Tendermint update fixture's states as Anys, an hour after their consensus time. */
  static Optional<Ics08Suite.States> tendermintStates(Path shared) {
    Path file = shared.resolve(TENDERMINT_UPDATE);
    EurekaTendermintFixture f;
    try {
      f = EurekaTendermintFixture.parse(file.getFileName().toString(), read(file));
    } catch (Wasm08Exception e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap(TENDERMINT_UPDATE + ": " + e.getMessage());
    }
    return Optional.of(
        new Ics08Suite.States(
            EurekaTendermintFixture.any(EurekaTendermintFixture.CLIENT_STATE_URL, f.clientState()),
            EurekaTendermintFixture.any(
                EurekaTendermintFixture.CONSENSUS_STATE_URL, f.consensusState()),
            f.latestHeight(),
            f.consensusTime().plusSeconds(3600)));
  }

  private static Bytes read(Path file) {
    InputFiles.requireFile(file);
    try {
      return Bytes.wrapOwned(Files.readAllBytes(file));
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read " + file + ": " + e.getMessage());
    }
  }

  /** A check suite with expectations shipped in this module. */
  public static CheckSuite bundledCheck(Path dir, String resource) {
    String name = "expected/" + resource;
    try (InputStream in = SharedLayout.class.getResourceAsStream("/io/wasm08/spectests/" + name)) {
      if (in == null) {
        throw ConformanceErrorCode.BAD_INPUT.wrap("bundled " + name + " is missing from the jar");
      }
      return new CheckSuite(dir, null, CheckExpectations.parse(in, name), "bundled " + name);
    } catch (IOException e) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("cannot read bundled " + name + ": " + e);
    }
  }
}
