package io.wasm08.gov.types;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Go time formatting: {@code time.Duration.String()} against Go's own {@code time} package tests
 * (TestDurationString) and {@code sdk.FormatTimeBytes}'s layout.
 */
class GoTimeTest {
  static Stream<Arguments> durations() {
    return Stream.of(
        Arguments.of(0L, "0s"),
        Arguments.of(1L, "1ns"),
        Arguments.of(1_100L, "1.1µs"),
        Arguments.of(2_200_000L, "2.2ms"),
        Arguments.of(3_300_000_000L, "3.3s"),
        Arguments.of((4 * 60 + 5) * 1_000_000_000L, "4m5s"),
        Arguments.of((4 * 60 * 1_000_000_000L) + 5_001_000_000L, "4m5.001s"),
        Arguments.of((5 * 3600 + 6 * 60) * 1_000_000_000L + 7_001_000_000L, "5h6m7.001s"),
        Arguments.of(8 * 60 * 1_000_000_000L + 1L, "8m0.000000001s"),
        Arguments.of(Long.MAX_VALUE, "2562047h47m16.854775807s"),
        Arguments.of(Long.MIN_VALUE, "-2562047h47m16.854775808s"),
        Arguments.of(-1L, "-1ns"),
        Arguments.of(48L * 3600 * 1_000_000_000L, "48h0m0s"));
  }

  @ParameterizedTest(name = "{1}")
  @MethodSource("durations")
  void printsDurationsAsGo(long nanos, String expected) {
    assertThat(GoTime.durationString(nanos)).isEqualTo(expected);
  }

  @Test
  void sortableTimeKeyIsUtcWithNanoseconds() {
    assertThat(GoTime.sortableTime(Instant.parse("2026-11-21T07:30:00.5Z")))
        .isEqualTo("2026-11-21T07:30:00.500000000");
    assertThat(GoTime.sortableTime(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00.000000000");
  }

  @Test
  void decodesDurationsAsGogoproto() {
    assertThat(GoTime.durationNanos(Duration.newBuilder().setSeconds(2).setNanos(5).build()))
        .isEqualTo(2_000_000_005L);
    assertThatThrownBy(
            () -> GoTime.durationNanos(Duration.newBuilder().setSeconds(1).setNanos(-1).build()))
        .hasMessageContaining("seconds and nanos have different signs");
    assertThatThrownBy(
            () -> GoTime.durationNanos(Duration.newBuilder().setSeconds(10_000_000_000L).build()))
        .hasMessageContaining("is out of range for time.Duration");
  }
}
