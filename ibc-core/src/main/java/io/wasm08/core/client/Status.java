package io.wasm08.core.client;

import java.util.Objects;

/**
 * {@code exported.Status}: the status of a client; only {@link #ACTIVE} clients may be used. A
 * value rather than an enum because light clients report it as text (08-wasm passes a contract's
 * string through verbatim) and errors print whatever was reported.
 */
public record Status(String value) {
  public static final Status ACTIVE = new Status("Active");
  public static final Status FROZEN = new Status("Frozen");
  public static final Status EXPIRED = new Status("Expired");
  public static final Status UNKNOWN = new Status("Unknown");

  /** The client type is not allowed (or, for 08-wasm, its code was removed). */
  public static final Status UNAUTHORIZED = new Status("Unauthorized");

  public Status {
    Objects.requireNonNull(value, "value");
  }

  public boolean isActive() {
    return equals(ACTIVE);
  }

  /** The upstream string, e.g. {@code "Active"}: what queries return and errors print. */
  @Override
  public String toString() {
    return value;
  }
}
