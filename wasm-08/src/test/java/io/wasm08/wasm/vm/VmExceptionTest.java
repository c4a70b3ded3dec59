package io.wasm08.wasm.vm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** VmError Display texts from cosmwasm-vm's errors/vm_error.rs (reference cosmwasm-vm.md §10). */
class VmExceptionTest {
  static Stream<Arguments> displays() {
    return Stream.of(
        Arguments.of(VmException.gasDepletion(), "Ran out of gas during contract execution"),
        Arguments.of(
            VmException.runtime("unreachable"),
            "Error executing Wasm: Wasmer runtime error: RuntimeError: unreachable"),
        Arguments.of(
            VmException.staticValidation("Wasm contract must contain exactly one memory"),
            "Error during static Wasm validation: Wasm contract must contain exactly one memory"),
        Arguments.of(
            new VmException(VmErrorKind.ABORTED, "panicked at src/contract.rs:1:1"),
            "Aborted: panicked at src/contract.rs:1:1"),
        Arguments.of(
            new VmException(VmErrorKind.WRITE_ACCESS_DENIED, null),
            "Must not call a writing storage function in this context."),
        Arguments.of(
            new VmException(VmErrorKind.MAX_CALL_DEPTH_EXCEEDED, null),
            "Maximum call depth exceeded."),
        Arguments.of(
            new VmException(VmErrorKind.INTEGRITY_ERR, null), "Hash doesn't match stored data"));
  }

  @ParameterizedTest
  @MethodSource("displays")
  void rendersUpstreamDisplayText(VmException e, String expected) {
    assertThat(e).hasMessage(expected);
    assertThat(e.codespace()).isEqualTo("cosmwasm-vm");
  }
}
