package io.wasm08.wasm.vm;

import io.wasm08.common.Bytes;
import java.util.Optional;

/**
 * The contract's key-value storage as the VM sees it (cosmwasm-vm {@code Storage}). Every call
 * reports gas, on success and on failure. Iterator ids are part of the contract's observable
 * environment, so an implementation must assign them deterministically (wasmvm's {@code GoStorage}
 * starts at 0, cosmwasm-vm's {@code MockStorage} at 1).
 */
public interface Storage {
  /** The value under {@code key}, empty when absent. */
  BackendResult<Optional<Bytes>> get(Bytes key);

  /**
   * Opens an iterator over {@code [start, end)} ({@code null} = unbounded); {@code start >= end} is
   * an empty range. Returns the new iterator id.
   */
  BackendResult<Integer> scan(Bytes start, Bytes end, Order order);

  /** The next record of the iterator, empty at the end; an unknown id is {@link BackendError}. */
  BackendResult<Optional<KvRecord>> next(int iteratorId);

  /** As {@link #next} but only the key; the value is skipped. */
  default BackendResult<Optional<Bytes>> nextKey(int iteratorId) {
    return map(next(iteratorId), true);
  }

  /** As {@link #next} but only the value; the key is skipped. */
  default BackendResult<Optional<Bytes>> nextValue(int iteratorId) {
    return map(next(iteratorId), false);
  }

  BackendResult<Void> set(Bytes key, Bytes value);

  BackendResult<Void> remove(Bytes key);

  /**
   * Called by the engine when a contract call ends: releases open iterators (wasmvm closes the
   * call's iterator frame). Implementations used for several calls start the next one afresh.
   */
  default void endCall() {}

  private static BackendResult<Optional<Bytes>> map(
      BackendResult<Optional<KvRecord>> result, boolean key) {
    return switch (result) {
      case BackendResult.Ok<Optional<KvRecord>> ok ->
          BackendResult.ok(ok.value().map(r -> key ? r.key() : r.value()), ok.gas());
      case BackendResult.Err<Optional<KvRecord>> err -> BackendResult.err(err.error(), err.gas());
    };
  }
}
