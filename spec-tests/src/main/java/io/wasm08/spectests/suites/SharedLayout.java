package io.wasm08.spectests.suites;

import io.wasm08.spectests.ConformanceErrorCode;
import io.wasm08.spectests.Suite;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

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

  /** The suites of {@code all}, in report order. */
  public static List<Suite> suites(Path shared) {
    InputFiles.requireDirectory(shared);
    List<Suite> suites = new ArrayList<>();
    suites.add(new Ics23Suite(shared.resolve(ICS23), null));
    suites.add(bundledCheck(shared.resolve(COSMWASM), "cosmwasm.json"));
    suites.add(bundledCheck(shared.resolve(IBC_GO_CLIENTS), "light-clients-ibc-go.json"));
    suites.add(bundledCheck(shared.resolve(EUREKA), "light-clients-eureka.json"));
    suites.add(new VmGasSuite(shared.resolve(HACKATOM), GasExpectations.UPSTREAM));
    suites.add(
        new LightBlocksSuite(
            shared.resolve(LIGHT_BLOCKS), LightBlocksSuite.BisectionEncoding.AMINO_V0_33));
    return suites;
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
