package io.wasm08.core.client;

/** {@code exported.Status}: the status of a client; only Active clients may be used. */
public enum Status {
  ACTIVE("Active"),
  FROZEN("Frozen"),
  EXPIRED("Expired"),
  UNKNOWN("Unknown"),
  /** The client type is not in the allowed clients (or its code was removed, for 08-wasm). */
  UNAUTHORIZED("Unauthorized");

  private final String text;

  Status(String text) {
    this.text = text;
  }

  /** The upstream string, e.g. {@code "Active"}: what queries return and errors print. */
  @Override
  public String toString() {
    return text;
  }

  /**
   * The status a light client reported as text (08-wasm casts the contract's string verbatim); any
   * other text is kept out of the enum and treated as not Active by callers.
   */
  public static java.util.Optional<Status> fromText(String text) {
    for (Status s : values()) {
      if (s.text.equals(text)) {
        return java.util.Optional.of(s);
      }
    }
    return java.util.Optional.empty();
  }
}
