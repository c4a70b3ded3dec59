package io.wasm08.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SDK {@code basicGasMeter} / {@code infiniteGasMeter} semantics (store/types/gas.go). */
class GasMeterTest {
  @Test
  void basicMeterCountsUpToAndPastTheLimit() {
    BasicGasMeter meter = new BasicGasMeter(100);
    meter.consumeGas(40, "a");
    assertThat(meter.gasConsumed()).isEqualTo(40);
    assertThat(meter.gasRemaining()).isEqualTo(60);
    meter.consumeGas(60, "b");
    // consumed == limit: out of gas but not past the limit, and no error
    assertThat(meter.isOutOfGas()).isTrue();
    assertThat(meter.isPastLimit()).isFalse();
    assertThat(meter.gasRemaining()).isZero();

    assertThatThrownBy(() -> meter.consumeGas(7, "ReadFlat"))
        .isInstanceOf(OutOfGasException.class)
        .hasMessage("out of gas in location: ReadFlat: out of gas");
    // the failed attempt is recorded, as the SDK records it
    assertThat(meter.gasConsumed()).isEqualTo(107);
    assertThat(meter.gasConsumedToLimit()).isEqualTo(100);
    assertThat(meter.isPastLimit()).isTrue();
    assertThat(meter.gasRemaining()).isZero();
  }

  @Test
  void outOfGasCarriesSdkErrorCode() {
    BasicGasMeter meter = new BasicGasMeter(0);
    assertThatThrownBy(() -> meter.consumeGas(1, "x"))
        .isInstanceOfSatisfying(
            OutOfGasException.class,
            e -> {
              assertThat(e.codespace()).isEqualTo("sdk");
              assertThat(e.code()).isEqualTo(11);
              assertThat(e.descriptor()).isEqualTo("x");
            });
  }

  @Test
  void basicMeterOverflowPinsConsumedAtMaxUint64() {
    BasicGasMeter meter = new BasicGasMeter(-1L); // limit MaxUint64
    meter.consumeGas(-2L, "big"); // MaxUint64 - 1
    assertThat(Long.toUnsignedString(meter.gasConsumed())).isEqualTo("18446744073709551614");
    meter.consumeGas(1, "one"); // exactly MaxUint64: fine
    assertThatThrownBy(() -> meter.consumeGas(1, "over"))
        .isInstanceOf(GasOverflowException.class)
        .hasMessageStartingWith("gas overflow in location: over");
    assertThat(meter.gasConsumed()).isEqualTo(-1L);
  }

  @Test
  void unsignedLimitComparison() {
    BasicGasMeter meter = new BasicGasMeter(Long.MIN_VALUE); // 2^63 as uint64
    meter.consumeGas(Long.MAX_VALUE, "a");
    assertThat(meter.isPastLimit()).isFalse();
    assertThat(meter.gasRemaining()).isEqualTo(1);
    meter.consumeGas(1, "b");
    assertThatThrownBy(() -> meter.consumeGas(1, "c")).isInstanceOf(OutOfGasException.class);
  }

  @Test
  void refundBelowZeroIsRejected() {
    BasicGasMeter meter = new BasicGasMeter(100);
    meter.consumeGas(10, "a");
    meter.refundGas(4, "r");
    assertThat(meter.gasConsumed()).isEqualTo(6);
    assertThatThrownBy(() -> meter.refundGas(7, "refund"))
        .isInstanceOf(NegativeGasConsumedException.class);
    assertThat(meter.gasConsumed()).isEqualTo(6);
  }

  @Test
  void infiniteMeterNeverRunsOutAndResetsOnOverflow() {
    InfiniteGasMeter meter = new InfiniteGasMeter();
    meter.consumeGas(Long.MAX_VALUE, "a");
    meter.consumeGas(Long.MAX_VALUE, "b");
    assertThat(meter.isOutOfGas()).isFalse();
    assertThat(meter.isPastLimit()).isFalse();
    assertThat(meter.limit()).isEqualTo(Long.MAX_VALUE);
    assertThat(meter.gasRemaining()).isEqualTo(Long.MAX_VALUE);
    assertThat(meter.gasConsumedToLimit()).isEqualTo(meter.gasConsumed());
    // consumed = MaxUint64 - 1 now; +2 overflows: Go's addUint64Overflow leaves 0 behind
    assertThatThrownBy(() -> meter.consumeGas(2, "c")).isInstanceOf(GasOverflowException.class);
    assertThat(meter.gasConsumed()).isZero();
    assertThatThrownBy(() -> meter.refundGas(1, "r"))
        .isInstanceOf(NegativeGasConsumedException.class);
  }
}
