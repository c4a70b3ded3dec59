package io.wasm08.spectests;

import java.util.Objects;

/**
 * One named check of a suite. {@link Check#run} returns a short detail on success (a measured gas
 * figure, the verdict seen; may be null) and throws to fail ({@link ConformanceErrorCode#MISMATCH}
 * or any error of the code under test) or to skip ({@link ConformanceErrorCode#NOT_APPLICABLE}).
 */
public record ConformanceCase(String name, Check check) {
  /** The body of a case. */
  @FunctionalInterface
  public interface Check {
    String run();
  }

  public ConformanceCase {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(check, "check");
  }

  /** A case whose body returns no detail. */
  public static ConformanceCase of(String name, Runnable body) {
    return new ConformanceCase(
        name,
        () -> {
          body.run();
          return null;
        });
  }
}
