package io.wasm08.common;

/**
 * A registered error: codespace, numeric code and message, as Cosmos SDK {@code errorsmod.Register}
 * defines them, so ABCI results carry the same (codespace, code) pair as ibc-go. Each module has
 * its own enum implementing this interface.
 */
public interface ErrorCode {
  /** The Cosmos codespace, e.g. {@code "08-wasm"} or {@code "client"}. */
  String codespace();

  /** The code registered in that codespace. */
  int code();

  /** The registered message, e.g. {@code "wasm code already exists"}. */
  String message();

  /** This error without further detail: its message is the registered message. */
  default Wasm08Exception error() {
    return new Wasm08Exception(this, null, null);
  }

  /** This error wrapped with detail, rendered {@code "<detail>: <message>"} like errorsmod.Wrap. */
  default Wasm08Exception wrap(String detail) {
    return new Wasm08Exception(this, detail, null);
  }

  /** As {@link #wrap(String)} with an underlying cause kept for diagnostics. */
  default Wasm08Exception wrap(String detail, Throwable cause) {
    return new Wasm08Exception(this, detail, cause);
  }
}
