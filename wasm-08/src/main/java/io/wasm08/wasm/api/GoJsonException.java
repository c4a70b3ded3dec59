package io.wasm08.wasm.api;

/**
 * A Go {@code encoding/json} error with Go's text: a {@code SyntaxError} ("invalid character 'i'
 * looking for beginning of value", "unexpected end of JSON input"), an {@code UnmarshalTypeError}
 * ("json: cannot unmarshal string into Go struct field …") or a base64 {@code CorruptInputError}.
 * Hosts wrap it into their registered errors.
 */
public final class GoJsonException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public GoJsonException(String goMessage) {
    super(goMessage);
  }
}
