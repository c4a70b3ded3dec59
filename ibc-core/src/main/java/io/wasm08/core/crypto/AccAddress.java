package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.gostd.GoStrings;
import java.util.Objects;

/**
 * {@code sdk.AccAddress}: the raw bytes of an account address (20 bytes for keys, 32 for derived
 * module accounts). The bech32 prefix is chain configuration, passed in, never global.
 */
public record AccAddress(Bytes bytes) {
  /** {@code address.MaxAddrLen}. */
  public static final int MAX_ADDR_LEN = 255;

  public AccAddress {
    Objects.requireNonNull(bytes, "bytes");
  }

  public static AccAddress of(Bytes bytes) {
    return new AccAddress(bytes);
  }

  /**
   * {@code authtypes.NewModuleAddress(name)} without derivation keys: {@code sha256(name)[0:20]}
   * (e.g. the gov module account that is the default authority).
   */
  public static AccAddress module(String name) {
    return new AccAddress(Hashes.sha256(Bytes.ofUtf8(name)).slice(0, 20));
  }

  /**
   * {@code sdk.AccAddressFromBech32} (SDK v0.50): blank → {@code "empty address string is not
   * allowed"}; bech32 errors; HRP ≠ {@code prefix} → {@code "invalid Bech32 prefix; expected %s,
   * got %s"}; then {@link #verifyFormat}. All are plain errors except the format check's {@code
   * ErrUnknownAddress}; callers wrap them (ibc-go: {@code ErrInvalidAddress} "string could not be
   * parsed as address: %v").
   */
  public static AccAddress fromBech32(String address, String prefix) {
    if (GoStrings.isBlank(address)) {
      throw IbcException.plain("empty address string is not allowed");
    }
    Bech32.Decoded decoded = Bech32.decode(address);
    if (!decoded.hrp().equals(prefix)) {
      throw IbcException.plainf(
          "invalid Bech32 prefix; expected %s, got %s", prefix, decoded.hrp());
    }
    verifyFormat(decoded.data());
    return new AccAddress(decoded.data());
  }

  /**
   * {@code sdk.VerifyAddressFormat} with no custom verifier: 1 to 255 bytes, else {@code
   * ErrUnknownAddress}.
   */
  public static void verifyFormat(Bytes bytes) {
    if (bytes.isEmpty()) {
      throw SdkErrorCode.UNKNOWN_ADDRESS.wrap("addresses cannot be empty");
    }
    if (bytes.size() > MAX_ADDR_LEN) {
      throw SdkErrorCode.UNKNOWN_ADDRESS.wrapf(
          "address max length is %d, got %d", MAX_ADDR_LEN, bytes.size());
    }
  }

  /** The bech32 form under {@code prefix}; {@code ""} for an empty address, as the SDK prints. */
  public String toBech32(String prefix) {
    return bytes.isEmpty() ? "" : Bech32.encode(prefix, bytes);
  }

  public boolean isEmpty() {
    return bytes.isEmpty();
  }

  @Override
  public String toString() {
    return bytes.toHex().toUpperCase(java.util.Locale.ROOT);
  }
}
