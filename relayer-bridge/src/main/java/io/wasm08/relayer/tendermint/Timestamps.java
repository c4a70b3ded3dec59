package io.wasm08.relayer.tendermint;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** Block times: {@link Instant} ↔ protobuf Timestamp ↔ RFC 3339 as CometBFT's JSON writes them. */
public final class Timestamps {
  /** Go's zero {@code time.Time}, which CometBFT writes for absent commit signatures. */
  public static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

  private static final DateTimeFormatter SECONDS =
      DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss").withZone(ZoneOffset.UTC);

  private Timestamps() {}

  public static Timestamp toProto(Instant time) {
    return Timestamp.newBuilder()
        .setSeconds(time.getEpochSecond())
        .setNanos(time.getNano())
        .build();
  }

  public static Instant fromProto(Timestamp timestamp) {
    return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
  }

  /** Parses RFC 3339 with up to nanosecond precision and any offset. */
  public static Instant parse(String text) {
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("not an RFC 3339 time: " + text, e);
    }
  }

  /**
   * Formats like Go's {@code time.RFC3339Nano} in UTC (what CometBFT's JSON uses): fractional
   * seconds without trailing zeros, none at all for whole seconds.
   */
  public static String format(Instant time) {
    StringBuilder out = new StringBuilder(SECONDS.format(time));
    int nanos = time.getNano();
    if (nanos != 0) {
      String fraction = String.format("%09d", nanos);
      int end = fraction.length();
      while (fraction.charAt(end - 1) == '0') {
        end--;
      }
      out.append('.').append(fraction, 0, end);
    }
    return out.append('Z').toString();
  }
}
