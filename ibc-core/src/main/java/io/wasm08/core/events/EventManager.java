package io.wasm08.core.events;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code sdk.EventManager}: collects events in order. A branch of a context gets its own manager
 * whose events reach the parent only when the branch is written, as the SDK's {@code CacheContext}
 * does. Not thread-safe: one per execution.
 */
public final class EventManager implements EventSink {
  private final List<Event> events = new ArrayList<>();

  @Override
  public void emit(Event event) {
    events.add(java.util.Objects.requireNonNull(event, "event"));
  }

  public void emitAll(List<Event> more) {
    more.forEach(this::emit);
  }

  /** The events so far, in emission order. */
  public List<Event> events() {
    return List.copyOf(events);
  }
}
