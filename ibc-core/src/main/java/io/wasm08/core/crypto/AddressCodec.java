package io.wasm08.core.crypto;

import io.wasm08.common.Bytes;
import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;
import io.wasm08.core.gostd.GoStrings;

/**
 * The SDK's {@code address.Bech32Codec} for one prefix: what signer extraction ({@code x/tx}) and
 * the auth module use to turn address strings into bytes. Its prefix-mismatch error differs from
 * {@link AccAddress#fromBech32}'s, as upstream's does.
 */
public record AddressCodec(String bech32Prefix) {
  public AddressCodec {
    if (bech32Prefix == null || bech32Prefix.isEmpty()) {
      throw new IllegalArgumentException("bech32 prefix must be non-empty");
    }
  }

  /** {@code StringToBytes}. */
  public Bytes stringToBytes(String text) {
    if (GoStrings.isBlank(text)) {
      throw IbcException.plain("empty address string is not allowed");
    }
    Bech32.Decoded decoded = Bech32.decode(text);
    if (!decoded.hrp().equals(bech32Prefix)) {
      throw SdkErrorCode.LOGIC.wrapf(
          "hrp does not match bech32 prefix: expected '%s' got '%s'", bech32Prefix, decoded.hrp());
    }
    AccAddress.verifyFormat(decoded.data());
    return decoded.data();
  }

  /** {@code BytesToString}: {@code ""} for no bytes. */
  public String bytesToString(Bytes bytes) {
    return bytes.isEmpty() ? "" : Bech32.encode(bech32Prefix, bytes);
  }
}
