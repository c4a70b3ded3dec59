package io.wasm08.wasm.vm.chicory;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.compiler.Cache;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import io.wasm08.common.Bytes;
import io.wasm08.wasm.vm.CallContext;
import io.wasm08.wasm.vm.Checksum;
import io.wasm08.wasm.vm.Metrics;
import io.wasm08.wasm.vm.PinnedMetrics;
import io.wasm08.wasm.vm.chicory.instrument.InstrumentationConfig;
import io.wasm08.wasm.vm.testing.MockApi;
import io.wasm08.wasm.vm.testing.MockQuerier;
import io.wasm08.wasm.vm.testing.MockStorage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The cache tiers against cosmwasm-vm's {@code cache.rs} behaviour: pinned → memory (LRU bounded by
 * size) → file system (compiled code on disk) → miss; upstream's metric expectations
 * (../shared/fixtures/cosmwasm/README.md: after store_code the first call is a file-system hit, the
 * second a memory hit) and the integrity of the disk tier.
 */
class ModuleCacheTiersTest {
  static final byte[] DRIVER = TestContracts.wasm("driver");
  static final Checksum DRIVER_CHECKSUM = Checksum.of(DRIVER);
  static final Bytes ENV = Bytes.ofUtf8("{}");

  static ChicoryWasmEngine.Builder engine(Path dir) {
    return ChicoryWasmEngine.builder().baseDir(dir).crypto(new FakeCrypto());
  }

  static String query(ChicoryWasmEngine engine, Checksum checksum, String msg) {
    CallContext ctx =
        new CallContext(new MockStorage(), new MockApi(), new MockQuerier(), 1L << 40);
    return engine.query(checksum, ENV, Bytes.ofUtf8(msg), ctx).data().toUtf8();
  }

  static Metrics metrics(
      long pinned,
      long memory,
      long fs,
      long misses,
      long nPinned,
      long nMemory,
      long sPinned,
      long sMemory) {
    return new Metrics(pinned, memory, fs, misses, nPinned, nMemory, sPinned, sMemory);
  }

  static Path moduleFile(Path dir, Checksum checksum) {
    CompiledCodeKey key = CompiledCodeKey.of(InstrumentationConfig.DEFAULT);
    return dir.resolve("cache/modules")
        .resolve(key.discriminator())
        .resolve(key.target())
        .resolve(checksum.hex() + ".module");
  }

  @Test
  void storeCodeWritesTheFileSystemTierThenCallsHitFsThenMemory(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      engine.storeCodeUnchecked(DRIVER);
      assertThat(engine.metrics()).isEqualTo(metrics(0, 0, 0, 0, 0, 0, 0, 0));
      assertThat(moduleFile(dir, DRIVER_CHECKSUM)).isRegularFile();

      assertThat(query(engine, DRIVER_CHECKSUM, "\"a\"")).isEqualTo("\"a\"");
      long size = 32 + engine.module(DRIVER_CHECKSUM).sizeEstimate(); // a memory hit itself
      assertThat(query(engine, DRIVER_CHECKSUM, "\"b\"")).isEqualTo("\"b\"");
      assertThat(engine.metrics()).isEqualTo(metrics(0, 2, 1, 0, 0, 1, 0, size));
    }
  }

  @Test
  void aRestartedEngineFindsCompiledCodeOnDisk(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      engine.storeCodeUnchecked(DRIVER);
    }
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      assertThat(query(engine, DRIVER_CHECKSUM, "\"x\"")).isEqualTo("\"x\"");
      assertThat(engine.metrics().hitsFsCache()).isEqualTo(1);
      assertThat(engine.metrics().misses()).isZero();
    }
  }

  @Test
  void pinLoadsFromDiskAndCountsHitsPerModule(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      engine.storeCodeUnchecked(DRIVER);
      engine.pin(DRIVER_CHECKSUM);
      engine.pin(DRIVER_CHECKSUM); // already pinned: nothing happens
      query(engine, DRIVER_CHECKSUM, "1");
      query(engine, DRIVER_CHECKSUM, "2");
      long estimate = engine.module(DRIVER_CHECKSUM).sizeEstimate();
      assertThat(engine.metrics()).isEqualTo(metrics(3, 0, 1, 0, 1, 0, 32 + estimate, 0));
      assertThat(engine.pinnedMetrics())
          .isEqualTo(
              new PinnedMetrics(
                  List.of(new PinnedMetrics.PerModule(DRIVER_CHECKSUM, 3, estimate))));
      engine.unpin(DRIVER_CHECKSUM);
      assertThat(engine.pinnedMetrics().perModule()).isEmpty();
      // the pinned module never entered the memory cache: the next call loads it again
      query(engine, DRIVER_CHECKSUM, "3");
      assertThat(engine.metrics().hitsFsCache()).isEqualTo(2);
    }
  }

  @Test
  void pinningUnknownCodeFails(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(() -> engine.pin(DRIVER_CHECKSUM))
          .hasMessage("Cache error: Error opening Wasm file for reading");
      assertThat(engine.metrics().misses()).isZero();
    }
  }

  /** Three small contracts with distinct checksums (different numbers of extra functions). */
  static List<byte[]> contracts() {
    return List.of(
        TestModules.contract(1, 0, 0),
        TestModules.contract(2, 0, 0),
        TestModules.contract(3, 0, 0));
  }

  @Test
  void theMemoryCacheEvictsTheLeastRecentlyUsedBeyondItsCapacity() {
    List<byte[]> codes = contracts();
    long[] weights = new long[3];
    try (ChicoryWasmEngine sizing = ChicoryWasmEngine.builder().build()) {
      for (int i = 0; i < 3; i++) {
        weights[i] = 32 + sizing.module(sizing.storeCodeUnchecked(codes.get(i))).sizeEstimate();
      }
    }
    long capacity = weights[0] + weights[1] + weights[2] - 1;
    try (ChicoryWasmEngine engine =
        ChicoryWasmEngine.builder().memoryCacheSizeBytes(capacity).build()) {
      Checksum[] c = new Checksum[3];
      for (int i = 0; i < 3; i++) {
        c[i] = engine.storeCodeUnchecked(codes.get(i)); // no disk tier: kept in memory
      }
      // 0 was stored first and used least recently: evicted when 2 arrived
      Metrics m = engine.metrics();
      assertThat(m.elementsMemoryCache()).isEqualTo(2);
      assertThat(m.sizeMemoryCache()).isEqualTo(weights[1] + weights[2]);
      engine.module(c[1]); // 1 becomes most recent
      engine.module(c[0]); // a miss: recompiled, evicts 2 (now least recent)
      engine.module(c[1]);
      engine.module(c[0]);
      m = engine.metrics();
      assertThat(m.misses()).isEqualTo(1);
      assertThat(m.hitsMemoryCache()).isEqualTo(3);
      assertThat(m.sizeMemoryCache()).isEqualTo(weights[0] + weights[1]);
      engine.module(c[2]);
      assertThat(engine.metrics().misses()).isEqualTo(2);
    }
  }

  @Test
  void aZeroMemoryCacheServesEveryCallFromDisk(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).memoryCacheSizeBytes(0).build()) {
      engine.storeCodeUnchecked(DRIVER);
      for (int i = 0; i < 3; i++) {
        query(engine, DRIVER_CHECKSUM, Integer.toString(i));
      }
      assertThat(engine.metrics()).isEqualTo(metrics(0, 0, 3, 0, 0, 0, 0, 0));
    }
  }

  /** Ways a cached module file gets damaged. */
  static Stream<Arguments> damage() {
    return Stream.of(
        Arguments.of("a flipped payload byte", (UnaryOperator<byte[]>) b -> flip(b, b.length / 2)),
        Arguments.of("a flipped seal byte", (UnaryOperator<byte[]>) b -> flip(b, b.length - 1)),
        Arguments.of("truncation", (UnaryOperator<byte[]>) b -> Arrays.copyOf(b, b.length - 100)),
        Arguments.of("an empty file", (UnaryOperator<byte[]>) b -> new byte[0]),
        Arguments.of(
            "another code's entry",
            (UnaryOperator<byte[]>)
                b ->
                    FileSystemModuleCache.seal(
                        "00".repeat(32), FileSystemModuleCache.unseal(DRIVER_CHECKSUM.hex(), b))),
        Arguments.of(
            "an intact seal around garbage",
            (UnaryOperator<byte[]>)
                b -> FileSystemModuleCache.seal(DRIVER_CHECKSUM.hex(), new byte[] {1, 2, 3})));
  }

  static byte[] flip(byte[] b, int at) {
    byte[] copy = b.clone();
    copy[at] ^= 0x40;
    return copy;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("damage")
  void aDamagedEntryIsRecompiledNeverRun(
      String what, UnaryOperator<byte[]> damage, @TempDir Path dir) throws IOException {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      engine.storeCodeUnchecked(DRIVER);
    }
    Path file = moduleFile(dir, DRIVER_CHECKSUM);
    byte[] good = Files.readAllBytes(file);
    Files.write(file, damage.apply(good));
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      assertThat(query(engine, DRIVER_CHECKSUM, "\"ok\"")).isEqualTo("\"ok\"");
      assertThat(engine.metrics().hitsFsCache()).isZero();
      assertThat(engine.metrics().misses()).isEqualTo(1);
    }
    // the miss rewrote a good entry: the next engine loads it
    assertThat(FileSystemModuleCache.unseal(DRIVER_CHECKSUM.hex(), Files.readAllBytes(file)))
        .isNotNull();
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      query(engine, DRIVER_CHECKSUM, "1");
      assertThat(engine.metrics().hitsFsCache()).isEqualTo(1);
    }
  }

  @Test
  void removeCodeRemovesItsCompiledCode(@TempDir Path dir) {
    try (ChicoryWasmEngine engine = engine(dir).build()) {
      engine.storeCodeUnchecked(DRIVER);
      engine.removeCode(DRIVER_CHECKSUM);
      assertThat(moduleFile(dir, DRIVER_CHECKSUM)).doesNotExist();
    }
  }

  @Test
  void theKeySeparatesInstrumentationVariants(@TempDir Path dir) {
    CompiledCodeKey v309 = CompiledCodeKey.of(InstrumentationConfig.DEFAULT);
    CompiledCodeKey v300 = CompiledCodeKey.of(InstrumentationConfig.PRE_3_0_9);
    CompiledCodeKey plain = CompiledCodeKey.of(null);
    assertThat(List.of(v309.discriminator(), v300.discriminator(), plain.discriminator()))
        .doesNotHaveDuplicates()
        .allMatch(d -> d.matches("[0-9a-f]{10}-chicory1\\.7\\.5"));
    assertThat(CompiledCodeKey.of(InstrumentationConfig.DEFAULT)).isEqualTo(v309);
    try (ChicoryWasmEngine a = engine(dir).build();
        ChicoryWasmEngine b =
            engine(dir).instrumentation(InstrumentationConfig.PRE_3_0_9).build()) {
      a.storeCodeUnchecked(DRIVER);
      b.module(DRIVER_CHECKSUM); // a different key: compiled again, not read from a's entry
      assertThat(b.metrics().misses()).isEqualTo(1);
      assertThat(b.metrics().hitsFsCache()).isZero();
    }
  }

  /**
   * Our cache values are what Chicory's compiler {@code Cache} hook stores: its own loader ({@code
   * MachineFactoryCompiler} with a cache hit) runs a module from them.
   */
  @Test
  void chicorysOwnCacheLoaderRunsOurArtifacts(@TempDir Path dir) throws IOException {
    try (ChicoryWasmEngine engine = engine(dir).uninstrumented().build()) {
      engine.storeCodeUnchecked(DRIVER);
    }
    Path file =
        dir.resolve("cache/modules")
            .resolve(CompiledCodeKey.of(null).discriminator())
            .resolve(CompiledCodeKey.TARGET)
            .resolve(DRIVER_CHECKSUM.hex() + ".module");
    byte[] payload = FileSystemModuleCache.unseal(DRIVER_CHECKSUM.hex(), Files.readAllBytes(file));
    CompiledArtifact artifact = CompiledArtifact.decode(payload);
    WasmModule skeleton = Parser.parse(artifact.skeleton());
    Cache hook =
        new Cache() {
          @Override
          public byte[] get(String key) {
            return payload;
          }

          @Override
          public void putIfAbsent(String key, byte[] data) {
            throw new AssertionError("a hit must not compile");
          }
        };
    Instance instance =
        Instance.builder(skeleton)
            .withMachineFactory(MachineFactoryCompiler.builder(skeleton).withCache(hook).compile())
            .withImportValues(ImportValues.builder().withFunctions(stubs()).build())
            .build();
    // the driver's bump allocator: the first region sits at 1024
    assertThat(instance.export("allocate").apply(10)[0]).isEqualTo(1024);
  }

  private static List<com.dylibso.chicory.runtime.ImportFunction> stubs() {
    return Imports.SIGNATURES.entrySet().stream()
        .map(
            e ->
                (com.dylibso.chicory.runtime.ImportFunction)
                    new com.dylibso.chicory.runtime.HostFunction(
                        "env",
                        e.getKey(),
                        e.getValue(),
                        (inst, args) -> {
                          throw new AssertionError("not called");
                        }))
        .toList();
  }
}
