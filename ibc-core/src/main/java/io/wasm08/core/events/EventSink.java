package io.wasm08.core.events;

/**
 * Where a module emits events: the block's event manager, or a buffer that commits with a branch.
 */
@FunctionalInterface
public interface EventSink {
  void emit(Event event);

  /** A sink that drops everything (queries, simulations). */
  EventSink DISCARD = event -> {};
}
