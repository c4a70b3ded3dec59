package io.wasm08.proofs.archfixture;

/** Deliberately wrong: the proofs layer reaching up into the store layer. */
public final class ProofsDependingOnStore {
  private ProofsDependingOnStore() {}

  public static Object up() {
    return io.wasm08.store.archfixture.StoreReadingTheClock.class;
  }
}
