package io.wasm08.wasm.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.MemKvStore;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The G1 host's {@code updateProposalWrappedStore} (ibc-go {@code types/store.go} at {@code
 * 32e4bd77eb}): {@code subject/} keys to the subject, everything else to the substitute (a leading
 * {@code substitute/} stripped), for reads, writes, deletes and iterations.
 */
class LegacyRecoveryStoreTest {
  MemKvStore subject;
  MemKvStore substitute;
  LegacyRecoveryStore store;

  static Bytes b(String s) {
    return Bytes.ofUtf8(s);
  }

  @BeforeEach
  void setUp() {
    subject = new MemKvStore();
    substitute = new MemKvStore();
    subject.set(b("clientState"), b("subject-cs"));
    substitute.set(b("clientState"), b("substitute-cs"));
    substitute.set(b("consensusStates/1-1"), b("c1"));
    substitute.set(b("consensusStates/1-2"), b("c2"));
    store = new LegacyRecoveryStore(subject, substitute);
  }

  @Test
  void readsRouteByPrefixAndUnprefixedKeysReachTheSubstitute() {
    assertThat(store.get(b("subject/clientState"))).isEqualTo(b("subject-cs"));
    assertThat(store.get(b("substitute/clientState"))).isEqualTo(b("substitute-cs"));
    assertThat(store.get(b("clientState"))).isEqualTo(b("substitute-cs"));
    assertThat(store.has(b("clientState"))).isTrue();
    assertThat(store.has(b("subject/consensusStates/1-1"))).isFalse();
    assertThat(store.get(b("invalid/clientState"))).isNull();
  }

  @Test
  void writesAndDeletesReachEitherStore() {
    store.set(b("subject/consensusStates/1-2"), b("c2"));
    assertThat(subject.get(b("consensusStates/1-2"))).isEqualTo(b("c2"));
    store.set(b("substitute/x"), b("1"));
    store.set(b("y"), b("2"));
    assertThat(substitute.get(b("x"))).isEqualTo(b("1"));
    assertThat(substitute.get(b("y"))).isEqualTo(b("2"));
    store.delete(b("subject/clientState"));
    store.delete(b("clientState"));
    assertThat(subject.has(b("clientState"))).isFalse();
    assertThat(substitute.has(b("clientState"))).isFalse();
  }

  @Test
  void iterationPicksTheStoreByItsStartBound() {
    assertThat(
            keys(
                store.iterator(b("substitute/consensusStates/"), b("substitute/consensusStates0"))))
        .containsExactly("consensusStates/1-1", "consensusStates/1-2");
    assertThat(keys(store.reverseIterator(b("consensusStates/"), b("consensusStates0"))))
        .containsExactly("consensusStates/1-2", "consensusStates/1-1");
    // each bound is trimmed on its own: "subject0" is not under subject/ and stays as it is
    assertThat(keys(store.iterator(b("subject/"), b("subject0")))).containsExactly("clientState");
    assertThat(keys(store.iterator(b("subject/d"), b("subject/e")))).isEmpty();
    assertThat(keys(store.iterator(b("subject/c"), b("subject/d")))).containsExactly("clientState");
    assertThat(keys(store.iterator(null, null)))
        .containsExactly("clientState", "consensusStates/1-1", "consensusStates/1-2");
  }

  @Test
  void nilStoresAreRejected() {
    assertThatThrownBy(() -> new LegacyRecoveryStore(null, substitute))
        .hasMessage("subjectStore must not be nil");
    assertThatThrownBy(() -> new LegacyRecoveryStore(subject, null))
        .hasMessage("substituteStore must not be nil");
  }

  static List<String> keys(KvIterator it) {
    List<String> out = new ArrayList<>();
    try (it) {
      for (; it.valid(); it.next()) {
        out.add(it.key().toUtf8());
      }
    }
    return out;
  }
}
