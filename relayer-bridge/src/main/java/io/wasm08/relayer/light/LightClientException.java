package io.wasm08.relayer.light;

import io.wasm08.common.Wasm08Exception;

/** The light client could not (or must not) trust a target block; {@link #error()} says why. */
public final class LightClientException extends Wasm08Exception {
  private final transient LightClientError error;

  public LightClientException(LightClientError error) {
    super(error.code(), error.message());
    this.error = error;
  }

  public LightClientError error() {
    return error;
  }
}
