package io.wasm08.wasm.vm.chicory.binary;

/** Import/export kinds of the binary format. */
public enum ExternKind {
  FUNC(0),
  TABLE(1),
  MEMORY(2),
  GLOBAL(3),
  TAG(4);

  private final int code;

  ExternKind(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** How wasmparser names the kind in messages ("function", "table", …). */
  public String description() {
    return switch (this) {
      case FUNC -> "function";
      case TABLE -> "table";
      case MEMORY -> "memory";
      case GLOBAL -> "global";
      case TAG -> "tag";
    };
  }
}
