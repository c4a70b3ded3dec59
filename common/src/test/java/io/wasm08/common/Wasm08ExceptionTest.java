package io.wasm08.common;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class Wasm08ExceptionTest {

  /**
   * A registered error as errorsmod.Register(ModuleName, 9, "wasm code already exists") makes it.
   */
  private enum SampleCode implements ErrorCode {
    WASM_CODE_EXISTS(9, "wasm code already exists");

    private final int code;
    private final String message;

    SampleCode(int code, String message) {
      this.code = code;
      this.message = message;
    }

    @Override
    public String codespace() {
      return "08-wasm";
    }

    @Override
    public int code() {
      return code;
    }

    @Override
    public String message() {
      return message;
    }
  }

  @Test
  void unwrappedErrorRendersTheRegisteredMessage() {
    Wasm08Exception e = SampleCode.WASM_CODE_EXISTS.error();
    assertThat(e).hasMessage("wasm code already exists");
    assertThat(e.codespace()).isEqualTo("08-wasm");
    assertThat(e.code()).isEqualTo(9);
    assertThat(e.detail()).isNull();
  }

  @Test
  void wrapRendersDetailColonMessageLikeErrorsmodWrap() {
    Wasm08Exception e = SampleCode.WASM_CODE_EXISTS.wrap("checksum abc");
    assertThat(e).hasMessage("checksum abc: wasm code already exists");
    assertThat(e.is(SampleCode.WASM_CODE_EXISTS)).isTrue();
  }

  @Test
  void wrappingTwicePrependsTheOuterDetail() {
    Wasm08Exception e = SampleCode.WASM_CODE_EXISTS.wrap("inner").wrap("outer");
    assertThat(e).hasMessage("outer: inner: wasm code already exists");
    assertThat(SampleCode.WASM_CODE_EXISTS.error().wrap("outer"))
        .hasMessage("outer: wasm code already exists");
  }

  @Test
  void keepsTheCause() {
    IllegalStateException cause = new IllegalStateException("boom");
    assertThat(SampleCode.WASM_CODE_EXISTS.wrap("d", cause)).hasCause(cause);
  }
}
