package io.wasm08.relayer.rpc;

import java.time.Duration;

/** Waits between retries; injected so tests neither sleep nor depend on timing. */
@FunctionalInterface
public interface Sleeper {
  Sleeper SYSTEM = duration -> Thread.sleep(duration);

  void sleep(Duration duration) throws InterruptedException;
}
