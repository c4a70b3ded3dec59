package io.wasm08.store.archfixture;

/** Deliberately wrong: a store class reading the wall clock. */
public final class StoreReadingTheClock {
  private StoreReadingTheClock() {}

  public static long now() {
    return System.currentTimeMillis();
  }
}
