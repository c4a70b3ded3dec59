package io.wasm08.store;

import static io.wasm08.store.StoreModel.drain;
import static io.wasm08.store.StoreModel.randomBound;
import static io.wasm08.store.StoreModel.randomKey;
import static io.wasm08.store.StoreModel.randomValue;
import static io.wasm08.store.StoreModel.range;
import static io.wasm08.store.StoreModel.take;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operation sequences on a stack of nested {@link CacheKvStore}s over a {@link MemKvStore},
 * checked after every operation against a stack of TreeMap models: reads, both iteration directions
 * with random bounds, write() and discard, writes while an iterator is open.
 */
class CacheKvStoreModelTest {
  static final int OPS = 12_000;

  static LongStream seeds() {
    return LongStream.of(1, 2, 3, 0xC0FFEE, 20_251_121);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void behavesLikeTreeMapModel(long seed) {
    Random random = new Random(seed);
    MemKvStore base = new MemKvStore();
    TreeMap<Bytes, Bytes> baseModel = new TreeMap<>();
    for (int i = 0; i < 60; i++) {
      Bytes k = randomKey(random);
      Bytes v = randomValue(random);
      base.set(k, v);
      baseModel.put(k, v);
    }
    Deque<CacheKvStore> caches = new ArrayDeque<>();
    Deque<TreeMap<Bytes, Bytes>> models = new ArrayDeque<>();
    caches.push(new CacheKvStore(base));
    models.push(new TreeMap<>(baseModel));
    int iterations = 0;

    for (int op = 0; op < OPS; op++) {
      CacheKvStore cache = caches.peek();
      TreeMap<Bytes, Bytes> model = models.peek();
      Bytes key = randomKey(random);
      int r = random.nextInt(100);
      if (r < 30) {
        Bytes value = randomValue(random);
        cache.set(key, value);
        model.put(key, value);
      } else if (r < 45) {
        cache.delete(key);
        model.remove(key);
      } else if (r < 60) {
        assertThat(cache.get(key)).as("get %s op %d", key, op).isEqualTo(model.get(key));
        assertThat(cache.has(key)).isEqualTo(model.containsKey(key));
      } else if (r < 80) {
        Bytes start = randomBound(random);
        Bytes end = randomBound(random);
        boolean asc = random.nextBoolean();
        List<StoreModel.Entry> expected = range(model, start, end, asc);
        KvIterator it = asc ? cache.iterator(start, end) : cache.reverseIterator(start, end);
        if (random.nextBoolean()) {
          assertThat(drain(it)).as("iterate op %d", op).isEqualTo(expected);
        } else {
          // Writes while the iterator is open never change what it yields.
          List<StoreModel.Entry> got = new java.util.ArrayList<>(take(it, 2));
          for (int w = 0; w < 3; w++) {
            Bytes k = randomKey(random);
            if (random.nextBoolean()) {
              Bytes v = randomValue(random);
              cache.set(k, v);
              model.put(k, v);
            } else {
              cache.delete(k);
              model.remove(k);
            }
          }
          got.addAll(drain(it));
          assertThat(got).as("iterate while writing op %d", op).isEqualTo(expected);
        }
        iterations++;
      } else if (r < 86 && caches.size() < 4) {
        caches.push(cache.cacheWrap());
        models.push(new TreeMap<>(model));
      } else if (r < 93 && caches.size() > 1) {
        caches.pop().write();
        TreeMap<Bytes, Bytes> written = models.pop();
        models.peek().clear();
        models.peek().putAll(written);
      } else if (caches.size() > 1) {
        caches.pop();
        models.pop();
      }
      // The base store never changes until the bottom cache writes.
      if (op % 500 == 0) {
        assertThat(drain(base.iterator(null, null))).isEqualTo(range(baseModel, null, null, true));
      }
    }
    // Commit everything down to the base.
    while (caches.size() > 1) {
      caches.pop().write();
      TreeMap<Bytes, Bytes> written = models.pop();
      models.peek().clear();
      models.peek().putAll(written);
    }
    caches.pop().write();
    assertThat(drain(base.iterator(null, null))).isEqualTo(range(models.pop(), null, null, true));
    assertThat(iterations).isGreaterThan(OPS / 6);
  }
}
