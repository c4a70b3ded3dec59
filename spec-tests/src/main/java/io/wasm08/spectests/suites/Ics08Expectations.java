package io.wasm08.spectests.suites;

import io.wasm08.spectests.ConformanceErrorCode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What {@code ics08 --expected FILE} pins: the checksum governance votes on, and the SDK gas of
 * calls measured elsewhere (e.g. on an ibc-go chain with the same contract, states and block) — a
 * JSON object {@code {"checksum": "<hex>", "store_code": N, "instantiate": N, "status": N,
 * "timestamp_at_height": N}}, every member optional ({@code "source"} free text). Unknown names are
 * refused, so a typo cannot switch a check off.
 */
public record Ics08Expectations(Optional<String> checksum, Map<String, Long> gas) {
  public static final String STORE_CODE = "store_code";
  public static final String INSTANTIATE = "instantiate";
  public static final String STATUS = "status";
  public static final String TIMESTAMP = "timestamp_at_height";
  static final List<String> GAS_NAMES = List.of(STORE_CODE, INSTANTIATE, STATUS, TIMESTAMP);

  /** Nothing pinned: the suite reports gas without comparing it. */
  public static final Ics08Expectations NONE = new Ics08Expectations(Optional.empty(), Map.of());

  public Ics08Expectations {
    gas = Map.copyOf(gas);
  }

  /** Fails the case when {@code name} is pinned to another number. */
  void checkGas(String name, long measured) {
    Long want = gas.get(name);
    if (want != null && want != measured) {
      throw ConformanceErrorCode.MISMATCH.wrap("gas " + measured + ", expected " + want);
    }
  }

  public Ics08Expectations withGas(String name, long value) {
    if (!GAS_NAMES.contains(name)) {
      throw ConformanceErrorCode.BAD_INPUT.wrap("unknown ics08 expectation \"" + name + "\"");
    }
    Map<String, Long> copy = new LinkedHashMap<>(gas);
    copy.put(name, value);
    return new Ics08Expectations(checksum, copy);
  }

  public static Ics08Expectations read(Path file) {
    return ExpectationsFile.read(
        file,
        NONE,
        (x, hex) -> new Ics08Expectations(Optional.of(hex), x.gas()),
        Ics08Expectations::withGas);
  }
}
