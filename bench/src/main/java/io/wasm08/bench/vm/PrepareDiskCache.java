package io.wasm08.bench.vm;

import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.chicory.ChicoryWasmEngine;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Stores the light-client fixtures in an engine with a base directory, so that their compiled code
 * is on disk for {@link CompileBenchmark}: {@code java -cp benchmarks.jar
 * io.wasm08.bench.vm.PrepareDiskCache [dir]}.
 */
public final class PrepareDiskCache {
  private PrepareDiskCache() {}

  static Path defaultDir() {
    return Path.of(System.getProperty("wasm08.bench.cacheDir", "bench/target/vm-disk-cache"))
        .toAbsolutePath();
  }

  /** True when {@code dir} holds compiled code for {@code checksum} (any key). */
  static boolean prepared(Path dir, Checksum checksum) {
    Path modules = dir.resolve("cache/modules");
    if (!Files.isDirectory(modules)) {
      return false;
    }
    try (Stream<Path> files = Files.walk(modules)) {
      return files.anyMatch(p -> p.getFileName().toString().equals(checksum.hex() + ".module"));
    } catch (java.io.IOException e) {
      return false;
    }
  }

  public static void main(String[] args) {
    Path dir = args.length > 0 ? Path.of(args[0]) : defaultDir();
    try (ChicoryWasmEngine engine = ChicoryWasmEngine.builder().baseDir(dir).build()) {
      for (byte[] wasm : new byte[][] {BenchContracts.ics07(), BenchContracts.ics10()}) {
        long start = System.nanoTime();
        // as genesis does: the ibc-go builds predate cosmwasm-vm 3.0.9's locals limit
        engine.storeCodeUnchecked(wasm);
        System.out.printf(
            "compiled %s into %s in %.0f ms%n",
            Checksum.of(wasm), dir, (System.nanoTime() - start) / 1e6);
      }
    }
  }
}
