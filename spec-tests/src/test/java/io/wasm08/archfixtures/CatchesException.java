package io.wasm08.archfixtures;

/** Deliberately wrong: a blanket catch of java.lang.Exception. */
public final class CatchesException {
  private CatchesException() {}

  public static boolean swallow(java.util.concurrent.Callable<?> work) {
    try {
      work.call();
      return true;
    } catch (Exception e) {
      return false;
    }
  }
}
