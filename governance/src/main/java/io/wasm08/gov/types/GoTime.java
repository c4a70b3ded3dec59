package io.wasm08.gov.types;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.wasm08.core.errors.SdkErrorCode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Go's {@code time} values as gov stores and prints them: durations in nanoseconds ({@code
 * time.Duration}) decoded from protobuf as gogoproto's {@code stdduration} does, Go's {@code
 * Duration.String()}, and the SDK's sortable time key ({@code sdk.FormatTimeBytes}).
 */
public final class GoTime {
  private GoTime() {}

  /** {@code maxSeconds} of google/protobuf/duration.proto: about 10,000 years. */
  private static final long MAX_DURATION_SECONDS = (long) (10000 * 365.25 * 24 * 60 * 60);

  private static final DateTimeFormatter SORTABLE =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS").withZone(ZoneOffset.UTC);

  /**
   * {@code types.DurationFromProto}: the duration in nanoseconds; an invalid or out-of-range value
   * is a decode error, as gogoproto fails while unmarshalling.
   */
  public static long durationNanos(Duration d) {
    long s = d.getSeconds();
    int n = d.getNanos();
    if (s < -MAX_DURATION_SECONDS || s > MAX_DURATION_SECONDS) {
      throw SdkErrorCode.TX_DECODE.wrapf("duration: %s: seconds out of range", show(d));
    }
    if (n <= -1_000_000_000 || n >= 1_000_000_000) {
      throw SdkErrorCode.TX_DECODE.wrapf("duration: %s: nanos out of range", show(d));
    }
    if ((s < 0 && n > 0) || (s > 0 && n < 0)) {
      throw SdkErrorCode.TX_DECODE.wrapf(
          "duration: %s: seconds and nanos have different signs", show(d));
    }
    try {
      return Math.addExact(Math.multiplyExact(s, 1_000_000_000L), n);
    } catch (ArithmeticException e) {
      throw SdkErrorCode.TX_DECODE.wrapf("duration: %s is out of range for time.Duration", show(d));
    }
  }

  public static Duration durationProto(long nanos) {
    return Duration.newBuilder()
        .setSeconds(nanos / 1_000_000_000L)
        .setNanos((int) (nanos % 1_000_000_000L))
        .build();
  }

  private static String show(Duration d) {
    return "{Seconds:" + d.getSeconds() + ", Nanos:" + d.getNanos() + "}";
  }

  /** Go's {@code Duration.Seconds()}, float64 rounding included. */
  public static double seconds(long nanos) {
    long sec = nanos / 1_000_000_000L;
    long nsec = nanos % 1_000_000_000L;
    return (double) sec + (double) nsec / 1e9;
  }

  /**
   * Go's {@code time.Duration.String()}: {@code "48h0m0s"}, {@code "1.5s"}, {@code "2µs"}, {@code
   * "0s"}.
   */
  public static String durationString(long nanos) {
    if (nanos == 0) {
      return "0s";
    }
    boolean negative = nanos < 0;
    // Unsigned magnitude, as Go negates in uint64 (Long.MIN_VALUE stays representable).
    long u = negative ? -nanos : nanos;
    StringBuilder out = new StringBuilder();
    if (Long.compareUnsigned(u, 1_000_000_000L) < 0) {
      String unit;
      int prec;
      if (u < 1_000L) {
        unit = "ns";
        prec = 0;
      } else if (u < 1_000_000L) {
        unit = "µs";
        prec = 3;
      } else {
        unit = "ms";
        prec = 6;
      }
      out.append(Long.toUnsignedString(u / pow10(prec))).append(fraction(u, prec)).append(unit);
    } else {
      String frac = fraction(u, 9);
      long secs = Long.divideUnsigned(u, 1_000_000_000L);
      long s = secs % 60;
      long mins = secs / 60;
      if (mins > 0) {
        long m = mins % 60;
        long h = mins / 60;
        if (h > 0) {
          out.append(h).append('h');
        }
        out.append(m).append('m');
      }
      out.append(s).append(frac).append('s');
    }
    return negative ? "-" + out : out.toString();
  }

  /** Go's fmtFrac: {@code "." + digits} of the last {@code prec} digits, trailing zeros dropped. */
  private static String fraction(long v, int prec) {
    if (prec == 0) {
      return "";
    }
    long frac = Long.remainderUnsigned(v, pow10(prec));
    if (frac == 0) {
      return "";
    }
    String digits = String.format("%0" + prec + "d", frac);
    int end = digits.length();
    while (digits.charAt(end - 1) == '0') {
      end--;
    }
    return "." + digits.substring(0, end);
  }

  private static long pow10(int n) {
    long p = 1;
    for (int i = 0; i < n; i++) {
      p *= 10;
    }
    return p;
  }

  /** The instant of a protobuf timestamp (gogoproto {@code stdtime}). */
  public static Instant instant(Timestamp t) {
    return Instant.ofEpochSecond(t.getSeconds(), t.getNanos());
  }

  public static Timestamp timestamp(Instant t) {
    return Timestamp.newBuilder().setSeconds(t.getEpochSecond()).setNanos(t.getNano()).build();
  }

  /** {@code t.Add(d)} for a duration in nanoseconds. */
  public static Instant plus(Instant t, long nanos) {
    return t.plusNanos(nanos);
  }

  /**
   * {@code sdk.FormatTimeBytes}: UTC time as {@code "2006-01-02T15:04:05.000000000"}, which sorts
   * as the time does; the key of gov's proposal queues.
   */
  public static String sortableTime(Instant t) {
    return SORTABLE.format(t);
  }
}
