package io.wasm08.core.context;

/**
 * A cached branch of a {@link StoreSet}: reads see the parent plus this branch's writes; {@link
 * #write()} applies the writes to the parent; dropping the branch discards them. Branches nest.
 */
public interface StoreBranch extends StoreSet {
  void write();
}
