package io.wasm08.store.rootmulti;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvStore;
import java.util.List;

/** The deterministic writes of version {@code v}, shared by the child JVM and the checker. */
final class CrashWorkload {
  static final List<String> STORES = List.of("bank", "ibc");

  private CrashWorkload() {}

  static void apply(RootMultiStore rms, long v) {
    KvStore ibc = rms.kvStore("ibc");
    KvStore bank = rms.kvStore("bank");
    for (int i = 0; i < 600; i++) {
      long n = (v * 7919 + i * 104_729L) % 20_000;
      Bytes value = Bytes.ofUtf8("v" + v + "-" + i + "-" + "x".repeat(64));
      if (i % 7 == 3) {
        ibc.delete(Bytes.ofUtf8("commitments/" + n));
      } else {
        ibc.set(Bytes.ofUtf8("commitments/" + n), value);
      }
      if (i % 3 == 0) {
        bank.set(Bytes.ofUtf8("balances/" + (n % 5000)), value);
      }
    }
    ibc.set(Bytes.ofUtf8("version"), Bytes.ofUtf8(Long.toString(v)));
  }
}
