package io.wasm08.wasm.vm.chicory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/** The hand-written test contracts under {@code src/test/resources/…/wat}. */
final class TestContracts {
  private TestContracts() {}

  static byte[] wasm(String name) {
    String resource = "wat/" + name + ".wasm";
    try (InputStream in = TestContracts.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test contract " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static final Map<String, CompiledModule> UNMETERED = new ConcurrentHashMap<>();

  /**
   * Compiled without metering instrumentation: only host-side gas is charged, so expected gas can
   * be derived by hand. Cached: a compiled module can be instantiated any number of times.
   */
  static CompiledModule unmetered(String name, ExecutionMode mode) {
    return UNMETERED.computeIfAbsent(
        name + "/" + mode, k -> new ModuleLoader(mode, UnaryOperator.identity()).load(wasm(name)));
  }
}
