package io.wasm08.core.errors;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.ErrorCode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** errorsmod rendering (cosmossdk.io/errors wrappedError.Error: "%s: %s") and registration. */
class IbcExceptionTest {

  @Test
  void unwrappedErrorIsItsRegisteredMessage() {
    IbcException e = ClientErrorCode.CLIENT_NOT_FOUND.error();
    assertThat(e).hasMessage("light client not found");
    assertThat(e.codespace()).isEqualTo("client");
    assertThat(e.code()).isEqualTo(4);
    assertThat(e.detail()).isNull();
  }

  @Test
  void wrapAndWrapfRenderLikeErrorsmod() {
    assertThat(
            ClientErrorCode.CLIENT_NOT_ACTIVE.wrapf(
                "cannot update client (%s) with status %s", "07-tendermint-0", "Frozen"))
        .hasMessage(
            "cannot update client (07-tendermint-0) with status Frozen: client state is not active");
    IbcException inner =
        HostErrorCode.INVALID_ID.wrapf(
            "invalid client identifier %s is not in format: `{client-type}-{N}`", "wrongclientid");
    IbcException outer = inner.wrapf("unable to parse client identifier %s", "wrongclientid");
    // ibc-go client_test.go TestUpgradeClient, "client state not found".
    assertThat(outer)
        .hasMessage(
            "unable to parse client identifier wrongclientid: invalid client identifier"
                + " wrongclientid is not in format: `{client-type}-{N}`: invalid identifier");
    assertThat(outer.is(HostErrorCode.INVALID_ID)).isTrue();
    assertThat(outer.is(ClientErrorCode.INVALID_CLIENT)).isFalse();
    assertThat(ClientErrorCode.CLIENT_NOT_FOUND.error().wrap("08-wasm-0"))
        .hasMessage("08-wasm-0: light client not found");
  }

  @Test
  void emptyDetailIsKept() {
    assertThat(ClientErrorCode.INVALID_CLIENT_TYPE.wrap("")).hasMessage(": invalid client type");
    assertThat(ClientErrorCode.INVALID_CLIENT_TYPE.wrap("").wrap("x"))
        .hasMessage("x: : invalid client type");
  }

  @Test
  void plainErrorsKeepTheirTextAndReportUndefinedOne() {
    IbcException plain = IbcException.plain("empty address string is not allowed");
    assertThat(plain).hasMessage("empty address string is not allowed");
    assertThat(plain.codespace()).isEqualTo("undefined");
    assertThat(plain.code()).isEqualTo(1);
    assertThat(plain.isPlain()).isTrue();
    IbcException wrapped = plain.wrap("failed");
    assertThat(wrapped).hasMessage("failed: empty address string is not allowed");
    assertThat(wrapped.isPlain()).isTrue();
    // Formatting a plain error into a registered one (errorsmod.Wrapf(code, "...: %v", err)).
    assertThat(
            IbcErrorCode.INVALID_ADDRESS.wrapf(
                "string could not be parsed as address: %s", plain.getMessage()))
        .hasMessage(
            "string could not be parsed as address: empty address string is not allowed: invalid"
                + " address");
  }

  @Test
  void liftingOtherProjectErrorsKeepsCodeAndMessage() {
    io.wasm08.store.OutOfGasException oog = new io.wasm08.store.OutOfGasException("ReadFlat");
    IbcException lifted = IbcException.of(oog);
    assertThat(lifted).hasMessage(oog.getMessage());
    assertThat(lifted.codespace()).isEqualTo("sdk");
    assertThat(lifted.code()).isEqualTo(11);
    assertThat(lifted.wrap("x")).hasMessage("x: " + oog.getMessage());
  }

  @Test
  void everyCodeIsRegisteredOnce() {
    // errorsmod.Register panics on a reused (codespace, code); our enums must not reuse either.
    Set<String> seen = new HashSet<>();
    List<ErrorCode> all =
        Stream.of(
                IbcErrorCode.values(),
                HostErrorCode.values(),
                ClientErrorCode.values(),
                SdkErrorCode.values())
            .flatMap(Stream::of)
            .map(c -> (ErrorCode) c)
            .toList();
    for (ErrorCode c : all) {
      assertThat(seen.add(c.codespace() + ":" + c.code())).as(c.toString()).isTrue();
      assertThat(c.message()).isNotBlank();
    }
    assertThat(all).hasSize(17 + 3 + 32 + 43);
  }
}
