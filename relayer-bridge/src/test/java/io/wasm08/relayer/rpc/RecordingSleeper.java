package io.wasm08.relayer.rpc;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** A {@link Sleeper} that records the waits instead of sleeping. */
final class RecordingSleeper implements Sleeper {
  private final List<Duration> waits = new CopyOnWriteArrayList<>();

  @Override
  public void sleep(Duration duration) {
    waits.add(duration);
  }

  List<Duration> waits() {
    return List.copyOf(waits);
  }
}
