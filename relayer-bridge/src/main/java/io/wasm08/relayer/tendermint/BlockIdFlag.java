package io.wasm08.relayer.tendermint;

/** Which block a commit signature is for ({@code tendermint.types.BlockIDFlag}). */
public enum BlockIdFlag {
  ABSENT(1),
  COMMIT(2),
  NIL(3);

  private final int value;

  BlockIdFlag(int value) {
    this.value = value;
  }

  /** The wire value (also the JSON number). */
  public int value() {
    return value;
  }

  public static BlockIdFlag fromValue(int value) {
    return switch (value) {
      case 1 -> ABSENT;
      case 2 -> COMMIT;
      case 3 -> NIL;
      default -> throw new IllegalArgumentException("unknown block_id_flag " + value);
    };
  }
}
