package io.wasm08.store;

import static io.wasm08.store.StoreModel.drain;
import static io.wasm08.store.StoreModel.randomBound;
import static io.wasm08.store.StoreModel.randomKey;
import static io.wasm08.store.StoreModel.randomValue;
import static io.wasm08.store.StoreModel.range;
import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Random operations through a {@link PrefixStore} (over a cache over a mem store) interleaved with
 * writes to the parent outside and inside the prefix, checked against the parent's TreeMap model
 * restricted to the prefix — including the 0xFF prefix-end edge cases.
 */
class PrefixStoreModelTest {
  static final int OPS = 12_000;

  static Stream<Arguments> prefixes() {
    return Stream.of(
        Arguments.of("61", 11L), // "a"
        Arguments.of("61ff", 12L), // trailing 0xFF: end is "b"
        Arguments.of("ff", 13L), // all 0xFF: unbounded end
        Arguments.of("ffff", 14L),
        Arguments.of("61ffff", 15L),
        Arguments.of("00", 16L),
        Arguments.of("fe", 17L));
  }

  @ParameterizedTest(name = "prefix {0}")
  @MethodSource("prefixes")
  void behavesLikeModelRestrictedToPrefix(String prefixHex, long seed) {
    Bytes prefix = Bytes.fromHex(prefixHex);
    Random random = new Random(seed);
    MemKvStore base = new MemKvStore();
    CacheKvStore parent = new CacheKvStore(base);
    PrefixStore store = new PrefixStore(parent, prefix);
    TreeMap<Bytes, Bytes> parentModel = new TreeMap<>();

    for (int op = 0; op < OPS; op++) {
      Bytes key = randomKey(random);
      int r = random.nextInt(100);
      if (r < 25) {
        Bytes value = randomValue(random);
        store.set(key, value);
        parentModel.put(prefix.concat(key), value);
      } else if (r < 35) {
        store.delete(key);
        parentModel.remove(prefix.concat(key));
      } else if (r < 50) {
        // Neighbours of the prefix in the parent: just below, at and beyond the prefix end.
        Bytes outside = neighbour(prefix, random).concat(randomKey(random));
        Bytes value = randomValue(random);
        parent.set(outside, value);
        parentModel.put(outside, value);
      } else if (r < 60) {
        assertThat(store.get(key)).isEqualTo(parentModel.get(prefix.concat(key)));
        assertThat(store.has(key)).isEqualTo(parentModel.containsKey(prefix.concat(key)));
      } else if (r < 62) {
        base.set(prefix, Bytes.ofUtf8("at-prefix"));
        parentModel.put(prefix, Bytes.ofUtf8("at-prefix"));
        parent.discard();
        parentModel = new TreeMap<>(baseModelOf(base));
      } else if (r < 64) {
        parent.write();
      } else {
        Bytes start = randomBound(random);
        Bytes end = randomBound(random);
        boolean asc = random.nextBoolean();
        KvIterator it = asc ? store.iterator(start, end) : store.reverseIterator(start, end);
        assertThat(drain(it))
            .as("op %d range [%s, %s) asc=%s", op, start, end, asc)
            .isEqualTo(range(view(parentModel, prefix), start, end, asc));
      }
    }
  }

  private static Map<Bytes, Bytes> baseModelOf(MemKvStore base) {
    TreeMap<Bytes, Bytes> m = new TreeMap<>();
    for (StoreModel.Entry e : drain(base.iterator(null, null))) {
      m.put(e.key(), e.value());
    }
    return m;
  }

  /** The model of what the prefix store should show: keys under the prefix, stripped. */
  private static TreeMap<Bytes, Bytes> view(TreeMap<Bytes, Bytes> parent, Bytes prefix) {
    TreeMap<Bytes, Bytes> v = new TreeMap<>();
    parent.forEach(
        (k, val) -> {
          if (k.startsWith(prefix)) {
            v.put(k.slice(prefix.size(), k.size()), val);
          }
        });
    return v;
  }

  private static Bytes neighbour(Bytes prefix, Random random) {
    Bytes end = KvStores.prefixEnd(prefix);
    return switch (random.nextInt(4)) {
      case 0 -> end == null ? Bytes.fromHex("fe") : end;
      case 1 -> prefix.slice(0, prefix.size() - 1);
      case 2 -> lower(prefix);
      default -> randomKey(random);
    };
  }

  // The prefix with its last byte decremented (or a shorter key when that byte is 0x00).
  private static Bytes lower(Bytes prefix) {
    byte[] b = prefix.toByteArray();
    if (b[b.length - 1] == 0) {
      return Bytes.of(b, 0, b.length - 1).concat(Bytes.fromHex("ff"));
    }
    b[b.length - 1]--;
    return Bytes.of(b);
  }
}
