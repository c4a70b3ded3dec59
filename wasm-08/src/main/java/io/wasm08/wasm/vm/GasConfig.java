package io.wasm08.wasm.vm;

/**
 * Host-side gas costs of cosmwasm-vm 3.0 ({@code environment.rs GasConfig::default}), in CosmWasm
 * gas. Crypto costs are charged after the inputs are read and before the computation; region costs
 * apply to every region read and write.
 */
public record GasConfig(
    long secp256k1VerifyCost,
    long secp256k1RecoverPubkeyCost,
    long secp256r1VerifyCost,
    long secp256r1RecoverPubkeyCost,
    long ed25519VerifyCost,
    LinearGasCost ed25519BatchVerifyCost,
    LinearGasCost ed25519BatchVerifyOnePubkeyCost,
    LinearGasCost bls12381AggregateG1Cost,
    LinearGasCost bls12381AggregateG2Cost,
    long bls12381HashToG1Cost,
    long bls12381HashToG2Cost,
    LinearGasCost bls12381PairingEqualityCost,
    LinearGasCost writeRegionCost,
    LinearGasCost readRegionSmallCost,
    LinearGasCost readRegionLargeCost,
    LinearGasCost stringFromBytesCost,
    long hostCallCost) {

  /** Target 10^12 gas per second, i.e. 10^6 per microsecond. */
  public static final long GAS_PER_US = 1_000_000L;

  /** Regions up to this many bytes are read at the "small" rate. */
  public static final long READ_REGION_THRESHOLD = 8L * 1000 * 1000;

  public static final GasConfig DEFAULT =
      new GasConfig(
          96 * GAS_PER_US,
          194 * GAS_PER_US,
          279 * GAS_PER_US,
          592 * GAS_PER_US,
          35 * GAS_PER_US,
          new LinearGasCost(24 * GAS_PER_US, 21 * GAS_PER_US),
          new LinearGasCost(36 * GAS_PER_US, 10 * GAS_PER_US),
          new LinearGasCost(136 * GAS_PER_US / 2, 24 * GAS_PER_US / 2),
          new LinearGasCost(207 * GAS_PER_US / 2, 49 * GAS_PER_US / 2),
          563 * GAS_PER_US,
          871 * GAS_PER_US,
          new LinearGasCost(2112 * GAS_PER_US, 163 * GAS_PER_US),
          new LinearGasCost(230_000, 570),
          new LinearGasCost(200_000, 115),
          new LinearGasCost(0, 520),
          new LinearGasCost(28_700, 1_400),
          18_000);

  /** {@code read_region_cost}: the small rate up to 8 MB, the large rate above. */
  public long readRegionCost(long bytes) {
    return bytes <= READ_REGION_THRESHOLD
        ? readRegionSmallCost.totalCost(bytes)
        : readRegionLargeCost.totalCost(bytes);
  }

  /** {@code base + perItem × items} with checked arithmetic; overflow is a gas depletion. */
  public record LinearGasCost(long base, long perItem) {
    public LinearGasCost {
      if (base < 0 || perItem < 0) {
        throw new IllegalArgumentException("gas costs must not be negative");
      }
    }

    public long totalCost(long items) {
      try {
        return Math.addExact(base, Math.multiplyExact(perItem, items));
      } catch (ArithmeticException e) {
        throw VmException.gasDepletion();
      }
    }
  }
}
