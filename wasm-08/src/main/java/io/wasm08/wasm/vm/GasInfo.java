package io.wasm08.wasm.vm;

/**
 * Gas reported by a backend call, in CosmWasm gas (cosmwasm-vm {@code GasInfo}): {@code cost} was
 * computed inside the VM/API and is charged here; {@code externallyUsed} was already charged on the
 * host's own meter and only reduces what the contract has left.
 */
public record GasInfo(long cost, long externallyUsed) {
  public static final GasInfo FREE = new GasInfo(0, 0);

  public GasInfo {
    if (cost < 0 || externallyUsed < 0) {
      throw new IllegalArgumentException(
          "gas must not be negative: cost " + cost + ", externally used " + externallyUsed);
    }
  }

  public static GasInfo withCost(long cost) {
    return new GasInfo(cost, 0);
  }

  public static GasInfo withExternallyUsed(long externallyUsed) {
    return new GasInfo(0, externallyUsed);
  }

  /** Saturating sum, as upstream's {@code AddAssign}. */
  public GasInfo plus(GasInfo other) {
    return new GasInfo(
        saturatingAdd(cost, other.cost), saturatingAdd(externallyUsed, other.externallyUsed));
  }

  static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return sum < 0 ? Long.MAX_VALUE : sum;
  }
}
