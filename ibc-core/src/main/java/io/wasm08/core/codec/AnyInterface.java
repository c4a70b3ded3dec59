package io.wasm08.core.codec;

import java.util.Objects;

/**
 * An interface that {@code Any} values may implement — the SDK's {@code RegisterInterface}. {@code
 * goTypeName} is how Go prints the interface type in registry errors (e.g. {@code
 * "exported.ClientState"}), so our error texts match.
 */
public record AnyInterface<T>(String name, Class<T> type, String goTypeName) {
  public AnyInterface {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(goTypeName, "goTypeName");
  }

  public static <T> AnyInterface<T> of(String name, Class<T> type, String goTypeName) {
    return new AnyInterface<>(name, type, goTypeName);
  }
}
