package io.wasm08.wasm.vm.testing;

import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.BackendError;
import io.wasm08.wasm.vm.BackendResult;
import io.wasm08.wasm.vm.GasInfo;
import io.wasm08.wasm.vm.HostApi;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;

/**
 * cosmwasm-vm's {@code testing::MockApi}: Bech32 addresses with prefix {@code cosmwasm},
 * canonicalize costs 700 000, humanize 560 000 (wasmd's 5 and 4 SDK gas × 140 000), validate is
 * canonicalize + humanize and requires the round trip to reproduce the input.
 */
public final class MockApi implements HostApi {
  public static final String BECH32_PREFIX = "cosmwasm";
  static final long WASMD_GAS_MULTIPLIER = 140_000;
  static final long GAS_COST_HUMANIZE = 4 * WASMD_GAS_MULTIPLIER;
  static final long GAS_COST_CANONICALIZE = 5 * WASMD_GAS_MULTIPLIER;

  private final String prefix;
  private final String failure;

  private MockApi(String prefix, String failure) {
    this.prefix = prefix;
    this.failure = failure;
  }

  public MockApi() {
    this(BECH32_PREFIX, null);
  }

  /** A MockApi using another Bech32 prefix. */
  public MockApi withPrefix(String bech32Prefix) {
    return new MockApi(bech32Prefix, null);
  }

  /** Every call fails with {@link BackendError.Unknown} carrying {@code message}. */
  public static MockApi failing(String message) {
    return new MockApi(BECH32_PREFIX, message);
  }

  /** {@code addr_make}: the Bech32 address of {@code sha256(input)}. */
  public String addrMake(String input) {
    if (failure != null) {
      throw new IllegalStateException("Generating address failed: " + failure);
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(input.getBytes(StandardCharsets.UTF_8));
      return Bech32.encode(prefix, digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  @Override
  public BackendResult<Void> addrValidate(String input) {
    var canonical = addrCanonicalize(input);
    GasInfo total = canonical.gas();
    if (canonical instanceof BackendResult.Err<Bytes> err) {
      return BackendResult.err(err.error(), total);
    }
    var human = addrHumanize(((BackendResult.Ok<Bytes>) canonical).value());
    total = total.plus(human.gas());
    return switch (human) {
      case BackendResult.Err<String> err -> BackendResult.err(err.error(), total);
      case BackendResult.Ok<String> ok ->
          ok.value().equals(input)
              ? BackendResult.ok(null, total)
              : BackendResult.err(
                  new BackendError.UserErr("Invalid input: address not normalized"), total);
    };
  }

  @Override
  public BackendResult<Bytes> addrCanonicalize(String human) {
    GasInfo gas = GasInfo.withCost(GAS_COST_CANONICALIZE);
    if (failure != null) {
      return BackendResult.err(new BackendError.Unknown(failure), gas);
    }
    Bech32.Decoded decoded;
    try {
      decoded = Bech32.decode(human);
    } catch (Bech32.DecodingException e) {
      return BackendResult.err(new BackendError.UserErr("Error decoding bech32"), gas);
    }
    if (!decoded.hrp().toLowerCase(Locale.ROOT).equals(prefix.toLowerCase(Locale.ROOT))) {
      return BackendResult.err(new BackendError.UserErr("Wrong bech32 prefix"), gas);
    }
    if (!validLength(decoded.data().size())) {
      return BackendResult.err(new BackendError.UserErr("Invalid canonical address length"), gas);
    }
    return BackendResult.ok(decoded.data(), gas);
  }

  @Override
  public BackendResult<String> addrHumanize(Bytes canonical) {
    GasInfo gas = GasInfo.withCost(GAS_COST_HUMANIZE);
    if (failure != null) {
      return BackendResult.err(new BackendError.Unknown(failure), gas);
    }
    if (!validLength(canonical.size())) {
      return BackendResult.err(new BackendError.UserErr("Invalid canonical address length"), gas);
    }
    return BackendResult.ok(Bech32.encode(prefix, canonical.toByteArray()), gas);
  }

  private static boolean validLength(int length) {
    return length >= 1 && length <= 255;
  }
}
