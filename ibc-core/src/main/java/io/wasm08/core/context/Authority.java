package io.wasm08.core.context;

import io.wasm08.core.errors.IbcException;
import io.wasm08.core.errors.SdkErrorCode;

/** SDK v0.55 {@code sdk.ValidateAuthority}, which ibc-go v11 calls for every gated Msg. */
public final class Authority {
  private Authority() {}

  /**
   * The expected authority is the consensus-params authority when set, else {@code
   * keeperAuthority}; the signer must equal it as a string, else {@code sdkerrors.ErrUnauthorized}
   * "invalid authority: expected %s, got %s".
   */
  public static void validate(BlockContext ctx, String keeperAuthority, String msgAuthority) {
    String expected = ctx.consensusAuthority().orElse(keeperAuthority);
    if (!expected.equals(msgAuthority)) {
      throw unauthorized(expected, msgAuthority);
    }
  }

  private static IbcException unauthorized(String expected, String got) {
    return SdkErrorCode.UNAUTHORIZED.wrapf("invalid authority: expected %s, got %s", expected, got);
  }
}
