package io.wasm08.store.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.wasm08.common.Bytes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The same contract checked on the in-memory and the RocksDB database. */
class DatabaseContractTest {
  @TempDir Path dir;

  static Stream<Arguments> databases() {
    return Stream.of(
        Arguments.of("mem", (Function<Path, Database>) p -> new MemDatabase()),
        Arguments.of("rocksdb", (Function<Path, Database>) p -> RocksDatabase.open(p, false)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("databases")
  void batchesAreAtomicAndIteratorsAreBoundedSnapshots(String name, Function<Path, Database> open) {
    try (Database db = open.apply(dir)) {
      try (DbBatch batch = db.newBatch()) {
        for (String k : List.of("a", "b", "c", "d", "e")) {
          batch.put(b(k), b(k.toUpperCase()));
        }
        batch.put(new byte[] {(byte) 0xFF}, b("ff"));
        batch.put(new byte[] {0x00}, b("00"));
        assertThat(db.get(b("a"))).as("nothing visible before write").isNull();
        batch.write();
      }
      assertThat(db.get(b("c"))).isEqualTo(b("C"));
      assertThat(keys(db.iterator(b("b"), b("e")))).containsExactly("b", "c", "d");
      assertThat(keys(db.reverseIterator(b("b"), b("e")))).containsExactly("d", "c", "b");
      assertThat(keys(db.reverseIterator(null, b("b")))).containsExactly("a", "00");
      assertThat(keys(db.iterator(b("d"), null))).containsExactly("d", "e", "ff");
      assertThat(keys(db.reverseIterator(null, null))).hasSize(7).startsWith("ff");
      assertThat(keys(db.iterator(b("c"), b("c")))).isEmpty();

      DbIterator snapshot = db.iterator(null, null);
      try (DbBatch batch = db.newBatch()) {
        batch.delete(b("a"));
        batch.deleteRange(b("b"), b("d"));
        batch.put(b("cc"), b("new"));
        batch.write();
      }
      assertThat(keys(snapshot)).as("iterator opened before the batch").hasSize(7);
      assertThat(keys(db.iterator(null, null))).containsExactly("00", "cc", "d", "e", "ff");

      try (DbBatch discarded = db.newBatch()) {
        discarded.put(b("zz"), b("never"));
      }
      assertThat(db.get(b("zz"))).isNull();
    }
  }

  private static byte[] b(String s) {
    return Bytes.ofUtf8(s).toByteArray();
  }

  private static List<String> keys(DbIterator it) {
    List<String> out = new ArrayList<>();
    try (it) {
      while (it.valid()) {
        byte[] k = it.key();
        out.add(
            k.length == 1 && (k[0] == 0 || k[0] == (byte) 0xFF)
                ? Bytes.of(k).toHex()
                : new String(k));
        it.next();
      }
    }
    return out;
  }
}
