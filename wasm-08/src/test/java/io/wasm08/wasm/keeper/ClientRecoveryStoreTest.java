package io.wasm08.wasm.keeper;

import static io.wasm08.wasm.keeper.ClientRecoveryStore.SUBJECT_PREFIX;
import static io.wasm08.wasm.keeper.ClientRecoveryStore.SUBSTITUTE_PREFIX;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import io.wasm08.common.Bytes;
import io.wasm08.store.KvIterator;
import io.wasm08.store.KvStore;
import io.wasm08.store.MemKvStore;
import io.wasm08.store.PrefixStore;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ibc-go's {@code internal/types/store_test.go}: GetStore, SplitPrefix, Get, Set (substitute
 * no-op), Delete (substitute no-op), iterators (closed unless both bounds share a prefix) and the
 * constructor's nil checks — over two client prefix stores of one IBC store, as upstream builds
 * them ({@code 08-wasm-0}, {@code 08-wasm-1}).
 */
class ClientRecoveryStoreTest {
  static final Bytes INVALID_PREFIX = Bytes.ofUtf8("invalid/");
  static final Bytes CLIENT_STATE_KEY = Bytes.ofUtf8("clientState");
  static final Bytes MOCK_CLIENT_STATE = Bytes.ofUtf8("client-state-data");

  MemKvStore ibc;
  KvStore subject;
  KvStore substitute;
  ClientRecoveryStore store;

  @BeforeEach
  void setUp() {
    ibc = new MemKvStore();
    subject = new PrefixStore(ibc, Bytes.ofUtf8("08-wasm-0"));
    substitute = new PrefixStore(ibc, Bytes.ofUtf8("08-wasm-1"));
    store = new ClientRecoveryStore(subject, substitute);
  }

  static Stream<Arguments> getStoreCases() {
    return Stream.of(
        arguments("success: subject store", SUBJECT_PREFIX, "subject"),
        arguments("success: substitute store", SUBSTITUTE_PREFIX, "substitute"),
        arguments("failure: invalid prefix", INVALID_PREFIX, null),
        arguments(
            "failure: invalid prefix contains both subject/ and substitute/",
            SUBJECT_PREFIX.concat(SUBSTITUTE_PREFIX),
            null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getStoreCases")
  void getStore(String name, Bytes prefix, String expected) {
    KvStore found = store.storeFor(prefix);
    if (expected == null) {
      assertThat(found).isNull();
    } else {
      assertThat(found).isSameAs(expected.equals("subject") ? subject : substitute);
    }
  }

  static Stream<Arguments> splitPrefixCases() {
    return Stream.of(
        arguments(
            "success: subject prefix",
            SUBJECT_PREFIX.concat(CLIENT_STATE_KEY),
            SUBJECT_PREFIX,
            CLIENT_STATE_KEY),
        arguments(
            "success: substitute prefix",
            SUBSTITUTE_PREFIX.concat(CLIENT_STATE_KEY),
            SUBSTITUTE_PREFIX,
            CLIENT_STATE_KEY),
        arguments("success: nil prefix returned", INVALID_PREFIX, null, INVALID_PREFIX),
        arguments(
            "success: invalid prefix contains both subject/ and substitute/",
            SUBJECT_PREFIX.concat(SUBSTITUTE_PREFIX),
            SUBJECT_PREFIX,
            SUBSTITUTE_PREFIX));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("splitPrefixCases")
  void splitPrefix(String name, Bytes key, Bytes expPrefix, Bytes expKey) {
    ClientRecoveryStore.Split split = ClientRecoveryStore.splitPrefix(key);
    assertThat(split.prefix()).isEqualTo(expPrefix);
    assertThat(split.key()).isEqualTo(expKey);
  }

  static Stream<Arguments> getCases() {
    return Stream.of(
        arguments("success: subject store Get", SUBJECT_PREFIX, "subject"),
        arguments("success: substitute store Get", SUBSTITUTE_PREFIX, "substitute"),
        arguments("failure: key not prefixed with subject/ or substitute/", INVALID_PREFIX, null));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("getCases")
  void get(String name, Bytes prefix, String expected) {
    subject.set(CLIENT_STATE_KEY, Bytes.ofUtf8("subject-value"));
    substitute.set(CLIENT_STATE_KEY, Bytes.ofUtf8("substitute-value"));
    Bytes got = store.get(prefix.concat(CLIENT_STATE_KEY));
    if (expected == null) {
      assertThat(got).isNull();
      assertThat(store.has(prefix.concat(CLIENT_STATE_KEY))).isFalse();
    } else {
      assertThat(got).isEqualTo(Bytes.ofUtf8(expected + "-value"));
      assertThat(store.has(prefix.concat(CLIENT_STATE_KEY))).isTrue();
    }
  }

  static Stream<Arguments> setCases() {
    return Stream.of(
        arguments("success: subject store Set", SUBJECT_PREFIX, true),
        arguments("failure: cannot Set on substitute store", SUBSTITUTE_PREFIX, false),
        arguments("failure: cannot Set on an unprefixed key", INVALID_PREFIX, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("setCases")
  void set(String name, Bytes prefix, boolean written) {
    store.set(prefix.concat(CLIENT_STATE_KEY), MOCK_CLIENT_STATE);
    if (written) {
      assertThat(subject.get(CLIENT_STATE_KEY)).isEqualTo(MOCK_CLIENT_STATE);
    } else {
      assertThat(subject.get(CLIENT_STATE_KEY)).isNull();
      assertThat(substitute.get(CLIENT_STATE_KEY)).isNull();
      assertThat(ibc.size()).isZero();
    }
  }

  static Stream<Arguments> deleteCases() {
    return Stream.of(
        arguments("success: subject store Delete", SUBJECT_PREFIX, true),
        arguments("failure: cannot Delete on substitute store", SUBSTITUTE_PREFIX, false),
        arguments("failure: cannot Delete an unprefixed key", INVALID_PREFIX, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("deleteCases")
  void delete(String name, Bytes prefix, boolean deleted) {
    Bytes key = Bytes.ofUtf8("mock-key");
    subject.set(key, Bytes.ofUtf8("mock-value"));
    substitute.set(key, Bytes.ofUtf8("mock-value"));
    store.delete(prefix.concat(key));
    assertThat(subject.has(key)).isEqualTo(!deleted);
    assertThat(substitute.has(key)).isTrue();
  }

  static Stream<Arguments> iteratorCases() {
    return Stream.of(
        arguments("success: subject store Iterate", SUBJECT_PREFIX, SUBJECT_PREFIX, true),
        arguments("success: substitute store Iterate", SUBSTITUTE_PREFIX, SUBSTITUTE_PREFIX, true),
        arguments("failure: key not prefixed", INVALID_PREFIX, INVALID_PREFIX, false),
        arguments(
            "failure: start and end keys not prefixed with same prefix",
            SUBJECT_PREFIX,
            SUBSTITUTE_PREFIX,
            false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("iteratorCases")
  void iterators(String name, Bytes prefixStart, Bytes prefixEnd, boolean valid) {
    subject.set(Bytes.ofUtf8("key"), Bytes.ofUtf8("subject"));
    substitute.set(Bytes.ofUtf8("key"), Bytes.ofUtf8("substitute"));
    Bytes start = prefixStart.concat(Bytes.ofUtf8("a"));
    Bytes end = prefixEnd.concat(Bytes.ofUtf8("z"));
    try (KvIterator it = store.iterator(start, end);
        KvIterator rit = store.reverseIterator(start, end)) {
      assertThat(it.valid()).isEqualTo(valid);
      assertThat(rit.valid()).isEqualTo(valid);
      if (valid) {
        // keys come back relative to the chosen client store
        assertThat(it.key()).isEqualTo(Bytes.ofUtf8("key"));
        assertThat(it.value())
            .isEqualTo(Bytes.ofUtf8(prefixStart.equals(SUBJECT_PREFIX) ? "subject" : "substitute"));
      }
    }
    // unbounded iteration carries no prefix: closed
    try (KvIterator all = store.iterator(null, null)) {
      assertThat(all.valid()).isFalse();
    }
  }

  @Test
  void constructorRejectsNilStores() {
    assertThatCode(() -> new ClientRecoveryStore(subject, substitute)).doesNotThrowAnyException();
    assertThatThrownBy(() -> new ClientRecoveryStore(null, substitute))
        .hasMessage("subjectStore must not be nil");
    assertThatThrownBy(() -> new ClientRecoveryStore(subject, null))
        .hasMessage("substituteStore must not be nil");
  }
}
