package io.wasm08.wasm.vm;

/** Iteration order as {@code db_scan} encodes it (cosmwasm-std {@code Order}). */
public enum Order {
  ASCENDING(1),
  DESCENDING(2);

  private final int code;

  Order(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The order for an import argument, or {@code null} when the value is not 1 or 2. */
  public static Order fromCode(int code) {
    return switch (code) {
      case 1 -> ASCENDING;
      case 2 -> DESCENDING;
      default -> null;
    };
  }
}
