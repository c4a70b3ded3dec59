package io.wasm08.store;

import io.wasm08.common.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;

/** The reference model the stores are checked against: a TreeMap in unsigned byte order. */
final class StoreModel {
  private StoreModel() {}

  record Entry(Bytes key, Bytes value) {}

  /** The model's entries in {@code [start, end)}, ascending or descending. */
  static List<Entry> range(NavigableMap<Bytes, Bytes> model, Bytes start, Bytes end, boolean asc) {
    NavigableMap<Bytes, Bytes> view;
    if (start != null && end != null && start.compareTo(end) >= 0) {
      view = new TreeMap<>();
    } else if (start == null && end == null) {
      view = model;
    } else if (start == null) {
      view = model.headMap(end, false);
    } else if (end == null) {
      view = model.tailMap(start, true);
    } else {
      view = model.subMap(start, true, end, false);
    }
    List<Entry> out = new ArrayList<>();
    for (Map.Entry<Bytes, Bytes> e : (asc ? view : view.descendingMap()).entrySet()) {
      out.add(new Entry(e.getKey(), e.getValue()));
    }
    return out;
  }

  /** Drains an iterator (and closes it). */
  static List<Entry> drain(KvIterator it) {
    List<Entry> out = new ArrayList<>();
    try (it) {
      while (it.valid()) {
        out.add(new Entry(it.key(), it.value()));
        it.next();
      }
    }
    return out;
  }

  /** Reads up to {@code n} entries without closing. */
  static List<Entry> take(KvIterator it, int n) {
    List<Entry> out = new ArrayList<>();
    while (it.valid() && out.size() < n) {
      out.add(new Entry(it.key(), it.value()));
      it.next();
    }
    return out;
  }

  /**
   * A key from a deliberately small alphabet (0x00, 0x01, 'a', 'b', 0xFE, 0xFF) and length 1..3, so
   * random operations collide and hit the unsigned-order and 0xFF edge cases.
   */
  static Bytes randomKey(Random random) {
    byte[] alphabet = {0x00, 0x01, 'a', 'b', (byte) 0xFE, (byte) 0xFF};
    byte[] key = new byte[1 + random.nextInt(3)];
    for (int i = 0; i < key.length; i++) {
      key[i] = alphabet[random.nextInt(alphabet.length)];
    }
    return Bytes.of(key);
  }

  /** A bound: {@code null} (open) a quarter of the time, otherwise a random key or empty. */
  static Bytes randomBound(Random random) {
    int r = random.nextInt(8);
    if (r < 2) {
      return null;
    }
    if (r == 2) {
      return Bytes.EMPTY;
    }
    return randomKey(random);
  }

  static Bytes randomValue(Random random) {
    byte[] value = new byte[random.nextInt(4)];
    random.nextBytes(value);
    return Bytes.of(value);
  }
}
